import "server-only";
import { and, desc, eq, like, lte, max, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { continuousHeartRates, dailyActivities, sleeps } from "@/db/schema/polar-data";
import { syncQuarantine, syncRuns, type SyncResource } from "@/db/schema/sync";
import { diffDays, type LocalDate } from "@/lib/analytics/dates";
import { getSyncSettings, type SyncSettings } from "@/lib/sync/settings";
import type { Viewer } from "@/lib/auth/session";
import { getGrantedScopes } from "./access";
import type { ReadScope } from "./dto";

/**
 * Why a day (or night) has no data: the one explainer behind every empty or stale day on the overview,
 * Sleep, Activity, 24/7 HR and the roster. The cases, first match wins:
 * - `type_off`: the athlete switched the type off (nothing is requested, stored rows were deleted);
 * - `quarantined`: Polar sent the record but it could not be read (kept raw, re-read after a parser fix);
 * - `never_synced`: no sync has finished yet;
 * - `outside_polar_window`: older than Polar serves by date — importing the "Download your data" archive fills it;
 * - `device_not_synced`: newer than anything the watch has uploaded — it appears after the watch syncs to Polar;
 * - `polar_has_nothing`: Polar had nothing for that date (watch not worn, or no such measurement).
 */
export type EmptyDayKind = "activity" | "continuous-hr" | "sleep";

export type EmptyDayReason = "type_off" | "quarantined" | "never_synced" | "outside_polar_window" | "device_not_synced" | "polar_has_nothing";

export type EmptyDayExplanationDTO = {
  reason: EmptyDayReason;
  message: string;
  /** Where to act or read more (the sync log for quarantine, Settings for switched-off types and imports). */
  link: { href: string; label: string } | null;
  /** The newest day with any data from the watch (device_not_synced), else null. */
  latestDeviceDay: LocalDate | null;
};

export const EMPTY_DAY_KIND: Record<EmptyDayKind, { setting: keyof SyncSettings; resource: SyncResource; noun: string }> = {
  activity: { setting: "dailyActivity", resource: "activity", noun: "activity" },
  "continuous-hr": { setting: "continuousHr", resource: "continuous-hr", noun: "24/7 heart rate" },
  sleep: { setting: "sleep", resource: "sleep", noun: "sleep" },
};

/**
 * How far back Polar serves these types by date (polar-accesslink.md: `from` at most 365 days in the past).
 * Older days come only from the athlete's data archive.
 */
export const POLAR_DATE_WINDOW_DAYS = 365;

/** The newest local day ≤ `onOrBefore` with a stored row of `kind`, or null when there is none. */
export function findLatestDayWithData(db: Db, athleteId: string, kind: EmptyDayKind, onOrBefore: LocalDate): LocalDate | null {
  const table = kind === "activity" ? dailyActivities : kind === "continuous-hr" ? continuousHeartRates : sleeps;
  const row = db
    .select({ date: max(table.localDate) })
    .from(table)
    .where(and(eq(table.athleteId, athleteId), lte(table.localDate, onOrBefore)))
    .get();
  return row?.date ?? null;
}

/** Which data type each kind is shared under (lib/dal/activity.ts: activity is training, 24/7 HR recovery). */
const KIND_SCOPE: Record<EmptyDayKind, ReadScope> = { activity: "training", "continuous-hr": "recovery", sleep: "sleep" };

function hasFinishedSync(db: Db, athleteId: string): boolean {
  const row = db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(and(eq(syncRuns.athleteId, athleteId), or(eq(syncRuns.status, "succeeded"), eq(syncRuns.status, "partial"))))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1)
    .get();
  return row !== undefined;
}

function isQuarantined(db: Db, athleteId: string, resource: SyncResource, date: LocalDate): boolean {
  const row = db
    .select({ id: syncQuarantine.id })
    .from(syncQuarantine)
    .where(
      and(
        eq(syncQuarantine.athleteId, athleteId),
        eq(syncQuarantine.resource, resource),
        sql`${syncQuarantine.reparsedAt} IS NULL`,
        // Windowed records are keyed by their date; by-date endpoints carry it in the URL.
        or(eq(syncQuarantine.itemKey, date), like(syncQuarantine.itemKey, `%${date}%`)),
      ),
    )
    .get();
  return row !== undefined;
}

/**
 * Who reads the explanation. The athlete is told what to do ("You switched sleep off", with a link to act);
 * the athlete's coach is told about the athlete, with no link into the athlete's own settings or sync log,
 * and the watch's last day comes from the types the athlete shares with them only.
 */
export type ExplainerAudience = { reader: "athlete" } | { reader: "coach"; scopes: ReadonlySet<ReadScope> };

const SELF_READER: ExplainerAudience = { reader: "athlete" };

/** How `viewer` reads `athleteId`'s explanations: as the athlete, or as a coach holding the shared scopes. */
export function getExplainerAudience(db: Db, viewer: Viewer, athleteId: string): ExplainerAudience {
  return athleteId === viewer.userId ? SELF_READER : { reader: "coach", scopes: getGrantedScopes(db, viewer, athleteId) };
}
const ALL_KINDS: readonly EmptyDayKind[] = ["activity", "continuous-hr", "sleep"];

/**
 * What an explanation is decided from, each fact read only when a case needs it (the first matching case
 * stops the reads). `explainEmptyDay` reads them for one athlete; `explainEmptyDays` (provenance-batch.ts)
 * reads them for a roster in a fixed number of statements. One decision for both.
 */
export type EmptyDayFacts = {
  isTypeOn: () => boolean;
  isQuarantined: () => boolean;
  hasFinishedSync: () => boolean;
  /** The newest day ≤ today with a stored row of `kind`. */
  latestDayOf: (kind: EmptyDayKind) => LocalDate | null;
};

/** The kinds whose newest day the explanation may read for `audience` (a coach: the shared types only). */
export function listVisibleKinds(audience: ExplainerAudience): EmptyDayKind[] {
  return audience.reader === "coach" ? ALL_KINDS.filter((kind) => audience.scopes.has(KIND_SCOPE[kind])) : [...ALL_KINDS];
}

/** The decision of every explainer (see EmptyDayReason for the cases), worded for `audience`. */
export function decideEmptyDay(kind: EmptyDayKind, date: LocalDate, today: LocalDate, audience: ExplainerAudience, facts: EmptyDayFacts): EmptyDayExplanationDTO {
  const { noun } = EMPTY_DAY_KIND[kind];
  const isCoach = audience.reader === "coach";
  const link = (href: string, label: string) => (isCoach ? null : { href, label });
  if (!facts.isTypeOn()) {
    return {
      reason: "type_off",
      message: isCoach ? `The athlete switched ${noun} off, so Threshold does not sync it.` : `You switched ${noun} off, so Threshold does not sync it.`,
      link: link("/settings", "Change what is synced"),
      latestDeviceDay: null,
    };
  }
  if (facts.isQuarantined()) {
    return {
      reason: "quarantined",
      message: `Polar sent ${noun} for this date, but it could not be read. It is kept and re-read when Threshold learns its format.`,
      link: link("/dashboard/sync", "See the sync log"),
      latestDeviceDay: null,
    };
  }
  if (!facts.hasFinishedSync()) {
    return {
      reason: "never_synced",
      message: isCoach ? "Nothing has been synced for the athlete yet." : "Nothing has been synced yet: click Sync to pull your Polar data.",
      link: null,
      latestDeviceDay: null,
    };
  }
  if (diffDays(date, today) > POLAR_DATE_WINDOW_DAYS) {
    return {
      reason: "outside_polar_window",
      message: `Polar serves ${noun} only for the last ${POLAR_DATE_WINDOW_DAYS} days. ${isCoach ? "The athlete can import their" : "Importing your"} Polar data archive ${isCoach ? "to fill" : "would fill"} this date.`,
      link: link("/settings", "Import your Polar archive"),
      latestDeviceDay: null,
    };
  }
  // The newest day the watch uploaded anything for (activity, 24/7 HR or sleep): for a coach, of the shared
  // types only, so no date of an unshared type is hinted at.
  const days = listVisibleKinds(audience)
    .map((item) => facts.latestDayOf(item))
    .filter((day): day is LocalDate => day !== null);
  const latestDeviceDay = days.length === 0 ? null : days.reduce((a, b) => (a > b ? a : b));
  const watch = isCoach ? "The athlete's watch" : "Your watch";
  if (latestDeviceDay === null || date > latestDeviceDay) {
    return {
      reason: "device_not_synced",
      message:
        latestDeviceDay === null
          ? `${watch} has not uploaded any data to Polar yet. It appears here after the watch syncs with Polar Flow.`
          : `${watch} has not synced with Polar since ${latestDeviceDay}. This day appears after it does.`,
      link: null,
      latestDeviceDay,
    };
  }
  return {
    reason: "polar_has_nothing",
    message: `Polar has no ${noun} for this date: the watch was probably not worn${kind === "sleep" ? " that night" : ""}.`,
    link: null,
    latestDeviceDay,
  };
}

/** Explains why `kind` has no data on `date` for the athlete (see EmptyDayReason for the cases), worded for `audience`. */
export function explainEmptyDay(
  db: Db,
  athleteId: string,
  kind: EmptyDayKind,
  date: LocalDate,
  today: LocalDate,
  audience: ExplainerAudience = SELF_READER,
): EmptyDayExplanationDTO {
  const { setting, resource } = EMPTY_DAY_KIND[kind];
  return decideEmptyDay(kind, date, today, audience, {
    isTypeOn: () => getSyncSettings(db, athleteId)[setting],
    isQuarantined: () => isQuarantined(db, athleteId, resource, date),
    hasFinishedSync: () => hasFinishedSync(db, athleteId),
    latestDayOf: (item) => findLatestDayWithData(db, athleteId, item, today),
  });
}

/** The default day a day view opens on: the newest day with data, today when there is none. */
export function pickOpeningDay(latest: LocalDate | null, today: LocalDate): LocalDate {
  return latest === null || latest > today ? today : latest;
}
