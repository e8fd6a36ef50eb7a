/** Joins class names, skipping empty ones (`false`, `null`, `undefined`, ""). */
export function joinClasses(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}

/** The keyboard focus ring every control shares (the global `:focus-visible` rule, made explicit per control). */
export const FOCUS_RING = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent";
