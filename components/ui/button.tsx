import type { ButtonHTMLAttributes } from "react";
import { FOCUS_RING, joinClasses } from "./class-names";

/**
 * Buttons. Colours come from the theme variables, so light and dark themes need no extra classes.
 * `className` is for layout only (margins, `ml-auto`, `print:hidden`): padding, colour and type size come
 * from `variant` and `size`, so two buttons of one kind look the same everywhere.
 */

export type ButtonVariant = "primary" | "secondary" | "quiet" | "danger" | "danger-solid";
export type ButtonSize = "xs" | "sm" | "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  /** The one main action of a form or page. */
  primary: "bg-accent font-medium text-accent-fg hover:opacity-90",
  secondary: "border border-border text-fg hover:bg-bg",
  /** Header chrome (theme, sign out): muted until hovered. */
  quiet: "border border-border text-muted hover:text-fg",
  /** Starts something destructive (a confirmation follows). */
  danger: "border border-high font-medium text-high hover:bg-bg",
  /** Confirms something destructive. */
  "danger-solid": "bg-high font-medium text-accent-fg hover:opacity-90",
};

const SIZES: Record<ButtonSize, string> = {
  /** Row actions inside tables and lists. */
  xs: "px-2 py-1 text-xs",
  sm: "px-2.5 py-1 text-sm",
  md: "px-3 py-1.5 text-sm",
  lg: "px-4 py-2",
};

const BASE = `inline-flex items-center justify-center gap-1 rounded-md disabled:cursor-not-allowed disabled:opacity-60 ${FOCUS_RING}`;

/** The classes of a button, for a link that should look like one. */
export function buttonClass({ variant = "secondary", size = "md", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return joinClasses(BASE, VARIANTS[variant], SIZES[size], className);
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize };

/** A `<button>`; `type` defaults to "button" so a button inside a form submits only when asked to. */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

/** Classes of one option in a set of toggles (filters, range presets): the chosen one is outlined in the accent. */
export function toggleClass(isPressed: boolean, className?: string): string {
  return joinClasses(
    `rounded-md border px-2 py-1 text-sm ${FOCUS_RING}`,
    isPressed ? "border-accent font-semibold" : "border-border hover:bg-bg",
    className,
  );
}

/** One segment of a joined group (the range presets): the chosen one is filled; the ring sits inside the group. */
function segmentClass(isPressed: boolean, className?: string): string {
  return joinClasses(
    "px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent",
    isPressed ? "bg-accent text-accent-fg" : "bg-surface text-muted hover:text-fg",
    className,
  );
}

export type ToggleButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "aria-pressed"> & {
  isPressed: boolean;
  /** `outline`: a free-standing option; `segment`: one of a joined group. */
  appearance?: "outline" | "segment";
};

/** A button that stays down: `aria-pressed` tells assistive technology which option is on. */
export function ToggleButton({ isPressed, appearance = "outline", className, ...props }: ToggleButtonProps) {
  const classes = appearance === "segment" ? segmentClass(isPressed, className) : toggleClass(isPressed, className);
  return <button type="button" aria-pressed={isPressed} className={classes} {...props} />;
}
