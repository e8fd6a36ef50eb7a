import type { JsonObject, SimUpload, SimUploadKind } from "@/lib/polar-sim/contract";
import { DAY_MS } from "@/lib/polar-sim/dates";
import type { MalformedKind, MalformedTarget, SimContext } from "@/lib/polar-sim/state";
import { toRegistrationKey } from "@/lib/polar-sim/state";

/** The "one malformed item" fault: a single record served with a field of the wrong type. */

const UPLOAD_KINDS: Record<MalformedKind, SimUploadKind> = {
  exercise: "exercise",
  activity: "activity-summary",
  "physical-info": "physical-info",
  sleep: "sleep",
  "nightly-recharge": "nightly-recharge",
  "continuous-heart-rate": "continuous-heart-rate",
  "cardio-load": "cardio-load",
};

export const MALFORMED_KINDS = Object.keys(UPLOAD_KINDS) as MalformedKind[];

/**
 * Picks the target: the athlete's first record of that kind visible to the app now (after registration, within
 * the 30-day look-back), else the next one to be uploaded. Both exercise APIs serve the same session malformed.
 */
export function chooseMalformedTarget(ctx: SimContext, userId: number, kind: MalformedKind): MalformedTarget {
  const athlete = ctx.state.dataset.athlete(userId);
  const target: MalformedTarget = { userId, kind, itemId: null, hashedId: null, date: null };
  if (!athlete) return target;
  const now = ctx.clock.now();
  let registeredAt = Number.NEGATIVE_INFINITY;
  for (const client of ctx.state.clients) {
    const registration = ctx.state.registrations.get(toRegistrationKey(client.clientId, userId));
    if (registration) registeredAt = Math.max(registeredAt, registration.registeredAt);
  }
  const uploadKind = UPLOAD_KINDS[kind];
  const from = Math.max(registeredAt, now - 30 * DAY_MS);
  const pick = (uploads: SimUpload[]): SimUpload | undefined => uploads.find((upload) => upload.kind === uploadKind);
  const chosen = pick(athlete.uploadsBetween(from, now + 1)) ?? pick(athlete.uploadsBetween(now + 1, now + 400 * DAY_MS));
  if (!chosen) return target;
  if (chosen.kind === "exercise") return { ...target, itemId: chosen.id, hashedId: chosen.hashedId, date: chosen.date };
  if (chosen.kind === "activity-summary" || chosen.kind === "physical-info") return { ...target, itemId: chosen.id, date: chosen.date };
  return { ...target, date: chosen.date };
}

type Identity = { itemId?: number; hashedId?: string; date?: string };

function isTarget(target: MalformedTarget, identity: Identity): boolean {
  if (identity.itemId !== undefined) return target.itemId === identity.itemId;
  if (identity.hashedId !== undefined) return target.hashedId === identity.hashedId;
  if (identity.date !== undefined) return target.date === identity.date;
  return false;
}

/** The wrong-typed field per kind (e.g. `"duration": 12` where Polar sends an ISO duration string). */
const CORRUPTIONS: Record<MalformedKind, [string, number | string]> = {
  exercise: ["duration", 12],
  activity: ["calories", "many"],
  "physical-info": ["weight", "heavy"],
  sleep: ["sleep_score", "high"],
  "nightly-recharge": ["heart_rate_avg", "high"],
  "continuous-heart-rate": ["heart_rate_samples", "high"],
  "cardio-load": ["cardio_load", "high"],
};

/**
 * Returns `json` unchanged, or a copy with the kind's field replaced by a value of the wrong type when this record
 * is the malformed target (both exercise APIs and both activity APIs share the field names used here).
 */
export function applyMalformed(ctx: SimContext, userId: number, kind: MalformedKind, identity: Identity, json: JsonObject): JsonObject {
  const target = ctx.state.faults.malformed;
  if (!target || target.userId !== userId || target.kind !== kind || !isTarget(target, identity)) return json;
  const [field, value] = CORRUPTIONS[kind];
  return { ...json, [field]: value };
}
