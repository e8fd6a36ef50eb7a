import type { JsonObject, JsonValue } from "@/lib/polar-sim/contract";
import type { SimSwitches } from "@/lib/polar-sim/switches";

/**
 * Switches of §12 that change what a rendered payload says, applied to the generator's default rendering as it
 * is served (so flipping a switch at runtime changes the very next answer, and the generator's output for a
 * seed stays byte-identical with the switches off).
 */

/** U22: a missing sample value is the word `null` instead of an empty field (`598,null,611`). */
export function withSampleMissingValues(sample: JsonObject, switches: SimSwitches): JsonObject {
  if (switches.sampleMissingValue !== "null" || typeof sample.data !== "string") return sample;
  return { ...sample, data: sample.data.split(",").map((field) => (field === "" ? "null" : field)).join(",") };
}

/** U22 for the samples embedded in a non-transactional exercise. */
export function withExerciseSampleMissingValues(exercise: JsonObject, switches: SimSwitches): JsonObject {
  if (switches.sampleMissingValue !== "null" || !Array.isArray(exercise.samples)) return exercise;
  return {
    ...exercise,
    samples: exercise.samples.map((sample: JsonValue) =>
      sample !== null && typeof sample === "object" && !Array.isArray(sample) ? withSampleMissingValues(sample, switches) : sample,
    ),
  };
}

/** Codes outside the documented 0–5: Polar's own example shows 6; 9 stands for any code nobody documented. */
export const UNDOCUMENTED_HYPNOGRAM_CODES = [6, 9] as const;

/**
 * U13: some nights carry a hypnogram change point with an undocumented code. Deterministic: every third night
 * of an athlete (by user id and date) gets one, at the middle change point, so a test can find it again.
 */
export function withHypnogramCodes(sleep: JsonObject, userId: number, date: string, switches: SimSwitches): JsonObject {
  const hypnogram = sleep.hypnogram;
  if (!switches.hypnogramUndocumentedCodes || hypnogram === null || typeof hypnogram !== "object" || Array.isArray(hypnogram)) return sleep;
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  if ((userId + day) % 3 !== 0) return sleep;
  const keys = Object.keys(hypnogram);
  // The last key ends the night (wake); the middle one is a stage inside it.
  if (keys.length < 3) return sleep;
  const key = keys[Math.floor((keys.length - 1) / 2)];
  const code = UNDOCUMENTED_HYPNOGRAM_CODES[day % UNDOCUMENTED_HYPNOGRAM_CODES.length];
  return { ...sleep, hypnogram: { ...hypnogram, [key]: code } };
}
