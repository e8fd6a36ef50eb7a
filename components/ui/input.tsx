import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { FOCUS_RING, joinClasses } from "./class-names";

/**
 * Form fields: text, number, date and search inputs, and selects. Checkboxes, radios and hidden inputs stay
 * plain `<input>`s. `className` is for width and margins only.
 */

const FIELD = `rounded-md border border-border bg-surface px-2 py-1 text-sm text-fg disabled:opacity-60 aria-[invalid=true]:border-high ${FOCUS_RING}`;

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  type?: "text" | "number" | "date" | "search" | "email" | "url";
};

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={joinClasses(FIELD, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={joinClasses(FIELD, className)} {...props} />;
}

/** A small muted label above its field; the label wraps the field, so the field is named by `label`. */
export function Field({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <label className={joinClasses("flex flex-col text-xs text-muted", className)}>
      {label}
      {children}
    </label>
  );
}
