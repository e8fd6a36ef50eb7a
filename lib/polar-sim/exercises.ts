import type { AthleteAccess } from "@/lib/polar-sim/access";
import { listVisibleUploads, requireAthleteAccess, respondApiError } from "@/lib/polar-sim/access";
import type { JsonObject, JsonValue } from "@/lib/polar-sim/contract";
import { DAY_MS } from "@/lib/polar-sim/dates";
import { applyMalformed } from "@/lib/polar-sim/faults";
import type { SimRequest, SimResponse } from "@/lib/polar-sim/http";
import { respondJson } from "@/lib/polar-sim/http";
import type { SimContext } from "@/lib/polar-sim/state";
import { respondFile } from "@/lib/polar-sim/transactions";
import { withExerciseSampleMissingValues } from "@/lib/polar-sim/variants";

/**
 * `/v3/exercises` (§6.1): every session uploaded in the last 30 days and after registration, by hashed id (a
 * different id from the transactional API's int64 one, U17), with samples, zones and route inline on request.
 * Sessions of a device in `exerciseListHiddenDevices` are never listed nor readable here, while the exercise
 * transactions still deliver them (the Polar Loop report of §6.1).
 */

export const EXERCISE_LIST_WINDOW_DAYS = 30;

const NOT_FOUND = "Exercise not found";

type Flags = { samples: boolean; zones: boolean; route: boolean };

function readFlag(query: URLSearchParams, name: string): boolean {
  return query.get(name)?.toLowerCase() === "true";
}

/** Hashed ids the list serves now, in upload order. */
function listServedHashes(ctx: SimContext, access: AthleteAccess): string[] {
  const uploads = listVisibleUploads(ctx, access, ["exercise"], ctx.clock.now() - EXERCISE_LIST_WINDOW_DAYS * DAY_MS);
  const hidden = ctx.state.switches.exerciseListHiddenDevices;
  const out: string[] = [];
  for (const upload of uploads) {
    if (upload.kind !== "exercise") continue;
    if (hidden.length > 0) {
      const deviceId = access.athlete.exerciseByHash(upload.hashedId, { samples: false, zones: false, route: false })?.device_id;
      if (typeof deviceId === "string" && hidden.includes(deviceId)) continue;
    }
    out.push(upload.hashedId);
  }
  return out;
}

function render(ctx: SimContext, access: AthleteAccess, hashedId: string, flags: Flags): JsonObject | null {
  const json = access.athlete.exerciseByHash(hashedId, flags);
  if (!json) return null;
  return applyMalformed(ctx, access.athlete.profile.userId, "exercise", { hashedId }, withExerciseSampleMissingValues(json, ctx.state.switches));
}

/** `GET /v3/exercises`, `/v3/exercises/{id}` and its `/fit`, `/tcx`, `/gpx`; `segments` is the path after `exercises`. */
export function handleExercises(ctx: SimContext, request: SimRequest, segments: string[]): SimResponse {
  const result = requireAthleteAccess(ctx, request, null);
  if (!result.ok) return result.response;
  const access = result.access;
  const flags: Flags = {
    samples: readFlag(request.query, "samples"),
    zones: readFlag(request.query, "zones"),
    route: readFlag(request.query, "route"),
  };
  const hashes = listServedHashes(ctx, access);
  if (segments.length === 0) {
    // No data is `200 []`, never 204 (§6.1).
    const out: JsonValue[] = [];
    for (const hashedId of hashes) {
      const json = render(ctx, access, hashedId, flags);
      if (json) out.push(json);
    }
    return respondJson(200, out);
  }
  const hashedId = segments[0];
  if (segments.length > 2 || !hashes.includes(hashedId)) return respondApiError(ctx, 404, NOT_FOUND);
  if (segments.length === 1) {
    const json = render(ctx, access, hashedId, flags);
    return json ? respondJson(200, json) : respondApiError(ctx, 404, NOT_FOUND);
  }
  const format = segments[1];
  if (format !== "fit" && format !== "tcx" && format !== "gpx") return respondApiError(ctx, 404, null);
  const file = access.athlete.exerciseFileByHash(hashedId, format);
  return file ? respondFile(ctx, file, format) : respondApiError(ctx, 404, NOT_FOUND);
}
