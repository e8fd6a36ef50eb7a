/**
 * Imported training sessions into the sync's exercise tables. Zones and TRIMP come from the sync's own
 * `toExerciseRow` (the same derivation, not a copy): the session is handed over in AccessLink's shape.
 *
 * Duplicates (polar-export.md §6 quirk 6): a stored session is the same one when it has the same device and a
 * UTC start within ±2 s, or else a start within a minute, a duration within ±2 s and the same sport. An API row
 * is never touched (the API's copy wins); an imported row is not rewritten by a later import.
 */
import type { Db } from "@/db/client";
import { exerciseHrZones, exerciseSamples, exercises } from "@/db/schema/polar-data";
import type { ImportedSession } from "@/lib/import/model";
import type { ItemOutcome } from "@/lib/import/read";
import { insertRow, selectSessionsNear } from "@/lib/import/statements";
import { loadPhysiology } from "@/lib/sync/derive";
import { storeExerciseDetail } from "@/lib/sync/exercise-detail";
import { toExerciseRow, toExerciseSampleRow, type ExerciseInput } from "@/lib/sync/transforms";

export type ImportProvenance = { archiveName: string; entryName: string; fetchedAt: number };

const DEVICE_START_TOLERANCE_MS = 2_000;
const START_TOLERANCE_MS = 60_000;
const DURATION_TOLERANCE_S = 2;

/** `endpoint` of imported rows: where they came from, in the column every row already has. */
export function toImportEndpoint(prov: ImportProvenance): string {
  return `export:${prov.archiveName}/${prov.entryName}`;
}

/** The stored session that is this one (§6 quirk 6), if any: one indexed, prepared lookup of a minute's starts. */
export function findSameSession(db: Db, athleteId: string, session: ImportedSession): { id: number } | undefined {
  const candidates = selectSessionsNear(db, athleteId, session.startUtcMs - START_TOLERANCE_MS, session.startUtcMs + START_TOLERANCE_MS);
  const byDevice = candidates.find(
    (row) => session.deviceId !== null && row.deviceId === session.deviceId && Math.abs(row.startUtcMs - session.startUtcMs) <= DEVICE_START_TOLERANCE_MS,
  );
  if (byDevice) return byDevice;
  return candidates.find((row) => Math.abs(row.durationSeconds - session.durationSeconds) <= DURATION_TOLERANCE_S && row.sport === session.sport);
}

/** The session in AccessLink's exercise shape, so the sync's row builder (and derivation) applies unchanged. */
function toExerciseInput(session: ImportedSession): ExerciseInput {
  return {
    id: null,
    device: session.device,
    "device-id": session.deviceId,
    "start-time": session.startTimeLocal,
    "start-time-utc-offset": session.utcOffsetMinutes,
    duration: `PT${session.durationSeconds}S`,
    calories: session.calories,
    distance: session.distanceMeters,
    "heart-rate": { average: session.avgHr, maximum: session.maxHr },
    sport: session.sport,
    "detailed-sport-info": session.detailedSport,
    "has-route": session.route.length > 0,
    "training-load-pro": { "cardio-load": session.cardioLoad, "muscle-load": session.muscleLoad },
  };
}

/** The summary as it was in the file, without the bulky streams (they are stored packed beside it). */
export function toSummaryJson(raw: unknown): string {
  return JSON.stringify(raw, (key: string, value: unknown) =>
    key === "samples" || key === "routes" || key === "recordedRoute" || key === "physicalInformation" || key === "physicalInformationSnapshot" ? undefined : value,
  );
}

export function storeImportedSession(
  db: Db,
  athleteId: string,
  session: ImportedSession,
  raw: unknown,
  prov: ImportProvenance,
): ItemOutcome {
  if (findSameSession(db, athleteId, session)) return { status: "present" };
  const row = toExerciseRow(toExerciseInput(session), session.samples, loadPhysiology(db, athleteId, session.localDate));
  const endpoint = toImportEndpoint(prov);
  const exerciseId = insertRow(db, exercises, {
    ...row,
    polarExerciseId: null,
    polarHashedId: null,
    athleteId,
    endpoint,
    transactionId: null,
    fetchedAt: prov.fetchedAt,
    rawJson: toSummaryJson(raw),
    source: "export",
    archiveName: prov.archiveName,
    entryName: prov.entryName,
  });
  for (const series of session.samples) {
    insertRow(db, exerciseSamples, { ...toExerciseSampleRow(series), athleteId, exerciseId, endpoint, transactionId: null, fetchedAt: prov.fetchedAt });
  }
  for (const zone of session.zones) {
    insertRow(db, exerciseHrZones, { ...zone, athleteId, exerciseId, endpoint, transactionId: null, fetchedAt: prov.fetchedAt, rawJson: JSON.stringify(zone) });
  }
  storeExerciseDetail(db, athleteId, exerciseId, { route: session.route, laps: session.laps }, { endpoint, fetchedAt: prov.fetchedAt });
  return { status: "imported" };
}
