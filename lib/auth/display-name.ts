import { z } from "zod";

/** The longest display name kept: it shows in the header, on rosters and in reports. */
export const DISPLAY_NAME_MAX = 60;

/**
 * A name a person typed for themselves (display name) or a coach typed for an athlete (roster label): trimmed,
 * inner whitespace runs collapsed, 1–60 characters, no control characters.
 */
export const displayNameSchema = z
  .string({ error: "Enter a name." })
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, { error: "Enter a name." })
      .max(DISPLAY_NAME_MAX, { error: `Keep the name to ${DISPLAY_NAME_MAX} characters or fewer.` })
      // C0 control characters and DEL break headers, CSV files and terminals.
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error: "The name contains characters that cannot be shown." }),
  );

export type DisplayName = z.infer<typeof displayNameSchema>;
