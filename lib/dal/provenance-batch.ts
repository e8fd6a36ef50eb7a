import "server-only";
import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { continuousHeartRates, dailyActivities, sleeps } from "@/db/schema/polar-data";
import { athleteSyncSettings, syncQuarantine, syncRuns } from "@/db/schema/sync";
import type { LocalDate } from "@/lib/analytics/dates";
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from "@/lib/sync/settings";
import { decideEmptyDay, EMPTY_DAY_KIND, listVisibleKinds, type EmptyDayExplanationDTO, type EmptyDayKind, type ExplainerAudience } from "./provenance";

/**
 * The empty-day explainer (lib/dal/provenance.ts) for many athletes at once, for the roster: the same decision,
 * fed by a fixed number of statements whatever the number of athletes (settings, quarantine, finished runs,
 * and one per data table for the newest stored day), so a roster of hundreds stays batched.
 */

export type EmptyDayRequest = { athleteId: string; kind: EmptyDayKind; date: LocalDate; today: LocalDate; audience: ExplainerAudience };

/** Athletes per statement (two bound values each, well under SQLite's limit). */
const CHUNK = 400;

const TABLE_OF = { activity: dailyActivities, "continuous-hr": continuousHeartRates, sleep: sleeps } as const;

function chunk<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
  return chunks;
}

/** Per athlete, the newest stored day of `kind` on or before that athlete's today. */
function loadLatestDays(db: Db, kind: EmptyDayKind, requests: readonly { athleteId: string; today: LocalDate }[]): Map<string, LocalDate | null> {
  const result = new Map<string, LocalDate | null>();
  const table = TABLE_OF[kind];
  for (const part of chunk(requests)) {
    const values = sql.join(
      part.map((request) => sql`(${request.athleteId}, ${request.today})`),
      sql`, `,
    );
    // One index seek per athlete into the (athlete, local_date) unique index of each day-keyed table.
    const rows = db.all<{ athleteId: string; day: LocalDate | null }>(sql`
      with req(id, today) as (values ${values})
      select req.id as "athleteId", (select max(t.local_date) from ${table} t where t.athlete_id = req.id and t.local_date <= req.today) as "day"
      from req`);
    for (const row of rows) result.set(row.athleteId, row.day);
  }
  return result;
}

/** The explanation of each request, keyed by athlete (one request per athlete). */
export function explainEmptyDays(db: Db, requests: readonly EmptyDayRequest[]): Map<string, EmptyDayExplanationDTO> {
  const result = new Map<string, EmptyDayExplanationDTO>();
  if (requests.length === 0) return result;
  const ids = [...new Set(requests.map((request) => request.athleteId))];
  const settings = new Map<string, SyncSettings>();
  const quarantined: { athleteId: string; resource: string; itemKey: string }[] = [];
  const synced = new Set<string>();
  for (const part of chunk(ids)) {
    for (const { athleteId, ...row } of db
      .select({
        athleteId: athleteSyncSettings.athleteId,
        training: athleteSyncSettings.training,
        dailyActivity: athleteSyncSettings.dailyActivity,
        sleep: athleteSyncSettings.sleep,
        recovery: athleteSyncSettings.recovery,
        continuousHr: athleteSyncSettings.continuousHr,
        cardioLoad: athleteSyncSettings.cardioLoad,
        body: athleteSyncSettings.body,
      })
      .from(athleteSyncSettings)
      .where(inArray(athleteSyncSettings.athleteId, part))
      .all()) {
      settings.set(athleteId, row);
    }
    quarantined.push(
      ...db
        .select({ athleteId: syncQuarantine.athleteId, resource: syncQuarantine.resource, itemKey: syncQuarantine.itemKey })
        .from(syncQuarantine)
        .where(and(inArray(syncQuarantine.athleteId, part), isNull(syncQuarantine.reparsedAt)))
        .all(),
    );
    for (const row of db
      .selectDistinct({ athleteId: syncRuns.athleteId })
      .from(syncRuns)
      .where(and(inArray(syncRuns.athleteId, part), inArray(syncRuns.status, ["succeeded", "partial"])))
      .all()) {
      synced.add(row.athleteId);
    }
  }
  const latest = new Map<EmptyDayKind, Map<string, LocalDate | null>>();
  for (const kind of ["activity", "continuous-hr", "sleep"] as const) {
    const needing = requests.filter((request) => listVisibleKinds(request.audience).includes(kind));
    if (needing.length > 0) latest.set(kind, loadLatestDays(db, kind, needing));
  }
  for (const request of requests) {
    const { setting, resource } = EMPTY_DAY_KIND[request.kind];
    result.set(
      request.athleteId,
      decideEmptyDay(request.kind, request.date, request.today, request.audience, {
        isTypeOn: () => (settings.get(request.athleteId) ?? DEFAULT_SYNC_SETTINGS)[setting],
        // Windowed records are keyed by their date; by-date endpoints carry it in the URL (as in provenance.ts).
        isQuarantined: () => quarantined.some((row) => row.athleteId === request.athleteId && row.resource === resource && row.itemKey.includes(request.date)),
        hasFinishedSync: () => synced.has(request.athleteId),
        latestDayOf: (kind) => latest.get(kind)?.get(request.athleteId) ?? null,
      }),
    );
  }
  return result;
}
