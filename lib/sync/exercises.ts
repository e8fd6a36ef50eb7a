import type { Fetched, PolarExerciseV2 } from "@/lib/polar";
import { isPolarError } from "@/lib/polar/errors";
import type { RunContext } from "./context";
import { lookup } from "./lookups";
import { loadPhysiology } from "./derive";
import { isRouteMissing, planRouteReads, readMissingRoutes, storeListedRoute } from "./exercise-detail";
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

/** Samples and zones inline; the route is asked for only while a session's route is not stored (exercise-detail.ts). */
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

function storeListed(ctx: RunContext, fetched: Fetched<PolarExerciseV2>, isRouteAsked = false): void {
  const prov = { endpoint: fetched.url, transactionId: null, fetchedAt: ctx.now() };
  try {
    ctx.countOutcome("exercise", storeExercise(ctx.db, ctx.athleteId, toListedExerciseBundle(fetched.data, fetched.raw, fetched.url), prov));
    if (isRouteAsked) storeListedRoute(ctx.db, ctx.athleteId, fetched.data, prov);
  } catch (error) {
    // Validated but uninterpretable (a RangeError from a time or duration): set aside, the rest goes on.
    if (!(error instanceof RangeError)) throw error;
    quarantineListed(ctx, fetched.raw, fetched.url, error.message, null, fetched.data.id);
  }
  ctx.itemDone();
}

function quarantineListed(ctx: RunContext, raw: unknown, endpoint: string, error: string, path: string | null, hashedId: string | null): void {
  quarantinePayload(ctx.db, ctx.athleteId, {
    resource: "exercise",
    // Keyed by the resource path, so it can never meet a transactional item's key (its int64 id).
    itemKey: hashedId === null ? endpoint : `/v3/exercises/${hashedId}`,
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
 * Whether the stored row of this hashed id holds exactly this summary, derived with the physiology that applies
 * now; then its samples are not read again. A session stored before the athlete's physical info arrived (or
 * before it changed) is read again while Polar serves it, so its zones and TRIMP use the current HRmax/HRrest.
 */
function isStoredUnchanged(ctx: RunContext, hashedId: string, summaryRaw: unknown): boolean {
  const stored = lookup(ctx.db, "exerciseByHashedId").get({ athleteId: ctx.athleteId, polarHashedId: hashedId });
  if (stored === undefined || stored.rawJson !== JSON.stringify(toSummaryRaw(summaryRaw))) return false;
  const physiology = loadPhysiology(ctx.db, ctx.athleteId, stored.startTimeLocal.slice(0, 10));
  return stored.hrMaxUsed === physiology.hrMax && stored.hrRestUsed === physiology.hrRest && stored.hrMaxSource === physiology.hrMaxSource;
}

/**
 * `/v3/exercises` in two steps, so that an up-to-date athlete costs one small request and a backfill two:
 * 1. the summaries (no samples): a session stored with the same summary is done;
 * 2. the rest with samples and zones: one by its hashed id (also how the EXERCISE webhook names it, §7.4), or,
 *    for two or more, the whole list again with samples inline (one request instead of one per session).
 * A session the second read no longer has (gone from the 30-day window meanwhile) is left to the next run.
 */
export async function syncExerciseList(ctx: RunContext): Promise<void> {
  const summaries = await ctx.user.listExercises();
  ctx.addTotal(summaries.items.length + summaries.invalid.length);
  const pending = new Set<string>();
  // Stored and unchanged, but without the route (stored before routes were): only the route is read.
  const routeOnly: string[] = [];
  for (const summary of summaries.items) {
    if (!isStoredUnchanged(ctx, summary.data.id, summary.raw)) {
      pending.add(summary.data.id);
      continue;
    }
    if (isRouteMissing(ctx.db, ctx.athleteId, summary.data)) routeOnly.push(summary.data.id);
    ctx.countOutcome("exercise", "unchanged");
    ctx.itemDone();
  }
  summaries.invalid.forEach((entry, index) => {
    const hashedId = readHashedId(entry.raw);
    // With an id, the full read below sets the whole element aside (samples included) or stores it.
    if (hashedId !== null) return void pending.add(hashedId);
    quarantineListed(ctx, entry.raw, `/v3/exercises#${index}`, entry.error, entry.path, null);
    ctx.itemDone();
  });
  await readMissingRoutes(ctx, routeOnly);
  if (pending.size === 0) return;
  const routes = planRouteReads(ctx.db, ctx.athleteId, summaries.items.map((summary) => summary.data), pending);
  if (pending.size === 1) {
    const [hashedId] = pending;
    const route = routes.separately.includes(hashedId);
    try {
      const fetched = await ctx.user.getExerciseByHash(hashedId, route ? { ...EXERCISE_LIST_OPTIONS, route } : EXERCISE_LIST_OPTIONS);
      if (fetched) storeListed(ctx, fetched, route);
    } catch (error) {
      if (!isPolarError(error, "invalid_payload")) throw error;
      quarantineListed(ctx, error.raw ?? null, error.url ?? `/v3/exercises/${hashedId}`, error.message, error.path ?? null, hashedId);
      ctx.itemDone();
    }
    return;
  }
  const full = await ctx.user.listExercises(routes.inline ? { ...EXERCISE_LIST_OPTIONS, route: true } : EXERCISE_LIST_OPTIONS);
  // One SQLite transaction for the whole list (each session still atomic inside it): a commit per session
  // cost more than storing it.
  ctx.db.transaction(() => {
    for (const fetched of full.items) if (pending.has(fetched.data.id)) storeListed(ctx, fetched, routes.inline);
    full.invalid.forEach((entry, index) => {
      const hashedId = readHashedId(entry.raw);
      if (hashedId === null || !pending.has(hashedId)) return;
      quarantineListed(ctx, entry.raw, `/v3/exercises#${index}`, entry.error, entry.path, hashedId);
      ctx.itemDone();
    });
  });
  await readMissingRoutes(ctx, routes.separately);
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
