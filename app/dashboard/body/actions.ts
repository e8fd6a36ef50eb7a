"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { AthleteOverridesInputSchema, saveAthleteOverrides } from "@/lib/dal/body/overrides";
import { AppError, type ActionResult } from "@/lib/errors";
import { action } from "@/lib/http/action";

const optionalInt = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === "") return null;
    const number = Number(value);
    if (!Number.isInteger(number)) {
      context.addIssue({ code: "custom", message: "Enter a whole number of beats per minute" });
      return z.NEVER;
    }
    return number;
  });
const optionalChoice = z.string().transform((value) => (value === "" ? null : value));

/** Form fields as strings; an empty field means "use Polar's value". */
const BodySettingsFormSchema = z.object({
  hrmax: optionalInt,
  hrrest: optionalInt,
  sex: optionalChoice,
  zoneModel: optionalChoice,
});

export type BodySettingsResult = ActionResult<{ sessionsRecomputed: number }>;

/** Saves HRmax/HRrest/sex/zone-model overrides and recomputes every session's zones and TRIMP. */
export async function saveBodySettingsAction(_previous: BodySettingsResult | null, formData: FormData): Promise<BodySettingsResult> {
  return action((viewer) => {
    const fields = BodySettingsFormSchema.safeParse({
      hrmax: String(formData.get("hrmax") ?? ""),
      hrrest: String(formData.get("hrrest") ?? ""),
      sex: String(formData.get("sex") ?? ""),
      zoneModel: String(formData.get("zoneModel") ?? ""),
    });
    const input = fields.success ? AthleteOverridesInputSchema.safeParse(fields.data) : fields;
    if (!input.success) {
      const issues = input.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
      throw new AppError("bad_request", issues.map((issue) => issue.message).join("; "), { issues });
    }
    const summary = saveAthleteOverrides(getDb(), viewer, input.data);
    revalidatePath("/dashboard", "layout");
    return { sessionsRecomputed: summary.sessionsRecomputed };
  });
}
