import type { Fetched, PolarExerciseV2 } from "@/lib/polar";
import type { RunContext } from "./context";
import { quarantinePayload, storeExercise, type ExerciseBundle } from "./store";
import { syncTransactionalKind } from "./transactional";
import { STORED_SAMPLE_TYPES, type ExerciseInput } from "./transforms";

/**
 * Training sessions (polar-accesslink.md §6.1, design §3). The non-transactional `/v3/exercises` list is the main
 * path: ONE request returns every session uploaded in the last 30 days with its samples and zones inline. The
 * deprecated exercise transactions stay the fallback for what the list lacks (a device whose sessions it never
 * shows, an old session uploaded late) and are still committed, so Polar stops offering them. A session is one
 * row whichever API delivered it: matched by (device id, UTC start), with both ids kept (exercise-identity.ts).
 * The same writer, derivation (zones, TRIMP) and quarantine serve both paths.
 */

/** Route points are not stored (neither path ever stored a route), so they are not asked for. */
export const EXERCISE_LIST_OPTIONS = { samples: true, zones: true } as const;

/** The list item in the transactional exercise's field names (§6.1 is snake_case with kebab-case stragglers). */
export function toExerciseInput(exercise: PolarExerciseV2): ExerciseInput {
  return {
    id: null,
    "upload-time": exercise.upload_time,
    device: exercise.device,
    "device-id": exercise.device_id,
    "start-time": exercise.start_time,
    "start-time-utc-offset": exercise.start_time_utc_offset,
    duration: exercise.duration,
    calories: exercise.calories,
    distance: exercise.distance,
    "heart-rate": exercise.heart_rate,
    "training-load": exercise.training_load,
    sport: exercise.sport,
    "has-route": exercise.has_route,
    "detailed-sport-info": exercise.detailed_sport_info,
    "fat-percentage": exercise.fat_percentage,
    "carbohydrate-percentage": exercise.carbohydrate_percentage,
    "protein-percentage": exercise.protein_percentage,
    "running-index": exercise["running-index"],
    "training-load-pro": exercise.training_load_pro,
  };
}

const INLINE_KEYS = new Set(["samples", "route", "heart_rate_zones"]);

/** The summary as Polar sent it, without the inline series: samples and zones are stored in their own rows. */
function toSummaryRaw(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !INLINE_KEYS.has(key)));
}

/** One list item as the writer's bundle; `url` is where it was read (the list or `/v3/exercises/{id}`). */
export function toListedExerciseBundle(exercise: PolarExerciseV2, raw: unknown, url: string): ExerciseBundle {
  const samples = (exercise.samples ?? [])
    .filter((sample) => STORED_SAMPLE_TYPES.has(Number(sample["sample-type"])))
    .map((sample) => ({ sample, url }));
  return {
    exercise: toExerciseInput(exercise),
    exerciseRaw: toSummaryRaw(raw),
    zones: { zone: exercise.heart_rate_zones ?? null },
    samples,
    hashedId: exercise.id,
  };
}

/** Whether a stored endpoint is `/v3/exercises` (the list or one item by hashed id), not a transaction's item. */
export function isExerciseListEndpoint(endpoint: string): boolean {
  return new URL(endpoint, "http://relative.invalid").pathname.startsWith("/v3/exercises");
}

function readHashedId(raw: unknown): string | null {
  if (raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" && raw.id !== "") return raw.id;
  return null;
}

function storeListed(ctx: RunContext, fetched: Fetched<PolarExerciseV2>): void {
  const prov = { endpoint: fetched.url, transactionId: null, fetchedAt: ctx.now() };
  try {
    ctx.countOutcome("exercise", storeExercise(ctx.db, ctx.athleteId, toListedExerciseBundle(fetched.data, fetched.raw, fetched.url), prov));
  } catch (error) {
    // Validated but uninterpretable (a RangeError from a time or duration): set aside, the rest goes on.
    if (!(error instanceof RangeError)) throw error;
    quarantineListed(ctx, fetched.raw, fetched.url, error.message, null, fetched.data.id);
  }
  ctx.itemDone();
}

function quarantineListed(ctx: RunContext, raw: unknown, endpoint: string, error: string, path: string | null, key: string): void {
  quarantinePayload(ctx.db, ctx.athleteId, {
    resource: "exercise",
    // Hashed ids are letters and digits, never a bare int64: the key cannot collide with a transactional item's.
    itemKey: key,
    endpoint,
    transactionId: null,
    raw,
    error,
    path,
    fetchedAt: ctx.now(),
    runId: ctx.runId,
  });
  ctx.countOutcome("exercise", "quarantined");
}

/**
 * Reads `/v3/exercises` once and stores every session in it. An EXERCISE webhook (whose `entity_id` is this
 * API's hashed id, §7.4) starts a run of this resource: the session it announces is in this list.
 */
export async function syncExerciseList(ctx: RunContext): Promise<void> {
  const list = await ctx.user.listExercises(EXERCISE_LIST_OPTIONS);
  ctx.addTotal(list.items.length + list.invalid.length);
  for (const fetched of list.items) storeListed(ctx, fetched);
  list.invalid.forEach((entry, index) => {
    const hashedId = readHashedId(entry.raw);
    quarantineListed(ctx, entry.raw, `/v3/exercises#${index}`, entry.error, entry.path, hashedId ?? `/v3/exercises#${index}`);
    ctx.itemDone();
  });
}

/**
 * The "exercise" resource of a run: the list, then the transactions, which deliver only what no stored row
 * already holds (exercise-identity.ts) and are committed either way.
 */
export async function syncExercises(ctx: RunContext): Promise<void> {
  ctx.touch("exercise");
  ctx.setStep("Reading training sessions");
  await syncExerciseList(ctx);
  await syncTransactionalKind(ctx, "exercise");
}
