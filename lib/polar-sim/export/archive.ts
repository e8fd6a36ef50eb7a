/**
 * The "Download your data" archive of one simulated athlete (polar-export.md): flat zip, Polar's file names
 * (colons in current-format session names), one shape for every session of the archive (`current` or
 * `legacy`, §0), history from `historyDaysBefore` days before the athlete's first served day up to the end
 * of the dataset, plus files that are not sessions (a training target = a plan, §6 quirk 9) and files the
 * importer does not know (devices, a profile picture). Entries are produced lazily and deterministically.
 */
import { buildDayMinutes } from "@/lib/polar-sim/generator/day";
import { renderHeartRate, renderSeries, summarizeHeartRate, summarizeSeries } from "@/lib/polar-sim/generator/exercise";
import { AthleteModel, type SessionPlan } from "@/lib/polar-sim/generator/model";
import { buildNightDetail } from "@/lib/polar-sim/generator/night";
import { createRng, hashSeed } from "@/lib/polar-sim/generator/prng";
import { createImportAthlete, IMPORT_ATHLETE_INDEX } from "@/lib/polar-sim/generator/import-roster";
import { createDefaultRoster } from "@/lib/polar-sim/generator/roster";
import type { SimDatasetOptions } from "@/lib/polar-sim/contract";
import { renderExportActivity, renderExportHeartRateDay, renderExportRecharge, renderExportSleep } from "@/lib/polar-sim/export/daily";
import { renderCurrentSession, renderLegacySession } from "@/lib/polar-sim/export/sessions";
import { getPhysicalEntryAt, physicalSnapshot, toExportJson } from "@/lib/polar-sim/export/shared";
import { formatLocalDateTime } from "@/lib/polar-sim/generator/time";

export type ExportFormat = "current" | "legacy";

export type PolarExportOptions = SimDatasetOptions & {
  login: string;
  format: ExportFormat;
  /** Days of history before the athlete's first served day (default 400: more than a year). */
  historyDaysBefore?: number;
  /** When the archive is made (the simulator's clock): later sessions and unfinished days are not in it. */
  untilUtcMs?: number;
  /** Instead of `historyDaysBefore`: the archive covers this many days back from when it is made. */
  coverDays?: number;
};

export type ExportEntry = { name: string; text: string } | { name: string; bytes: Uint8Array };

/** Probability that a session was recorded without any HR sensor (all-null stream, `hrAvg: 0`). */
const NO_HEART_RATE_PROBABILITY = 0.04;

export function findExportModel(options: SimDatasetOptions, login: string): AthleteModel {
  const roster = createDefaultRoster();
  const index = roster.findIndex((spec) => spec.login === login || String(spec.userId) === login);
  if (index >= 0) return new AthleteModel(roster[index], index, options);
  const imported = createImportAthlete();
  if (imported.login === login || String(imported.userId) === login) return new AthleteModel(imported, IMPORT_ATHLETE_INDEX, options);
  throw new Error(`unknown simulated athlete "${login}" (known: ${[...roster, imported].map((s) => s.login).join(", ")})`);
}

function makeUuid(...parts: (number | string)[]): string {
  const hex = [0, 1, 2, 3].map((i) => hashSeed(...parts, i).toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function sessionFileName(format: ExportFormat, session: SessionPlan, uuid: string): string {
  const local = formatLocalDateTime(session.startUtc, session.offsetMinutes);
  // Legacy-era names carry the date only; Apr–Jun 2026 names carry the local time with colons (§1).
  return format === "legacy"
    ? `training-session-${local.slice(0, 10)}-${session.id}-${uuid}.json`
    : `training-session-${local}-${session.id}-${uuid}.json`;
}

/** Every entry of the archive, in archive order. */
export function* listExportEntries(options: PolarExportOptions): Generator<ExportEntry> {
  const datasetOptions: SimDatasetOptions = { seed: options.seed, startDate: options.startDate, days: options.days };
  const model = findExportModel(datasetOptions, options.login);
  const spec = model.spec;
  const uid = spec.userId;
  const end = Math.min(model.historyEndUtc, options.untilUtcMs ?? Number.POSITIVE_INFINITY);
  // The last whole local day before the archive was made.
  const lastDay = Math.min(options.days - 1, model.toDayOfUtc(end) - 1);
  const firstDay = options.coverDays !== undefined ? lastDay + 1 - options.coverDays : model.historyStartDay - (options.historyDaysBefore ?? 400);
  const uuid = (...parts: (number | string)[]) => makeUuid(options.seed, uid, ...parts);

  yield { name: `account-data-${uid}-${uuid("account")}.json`, text: toExportJson({ exportVersion: "1.6", username: `${spec.login}@example.invalid`, firstName: spec.firstName, lastName: spec.lastName, physicalInformation: physicalSnapshot(model, lastDay) }) };
  yield { name: `products-devices-${uid}-${uuid("devices")}.json`, text: toExportJson({ devices: [{ modelName: spec.device, deviceId: spec.deviceId }] }) };
  yield { name: `profile-picture-${uid}-SMALL-${uuid("picture")}.data`, bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) };
  // A kind of file no importer knows yet: it must be listed and skipped, not fail the import.
  yield { name: `wellness-insights-${uid}-${uuid("insights")}.json`, text: toExportJson({ exportVersion: "0.1", insights: [] }) };

  const nights: { result: unknown; score: unknown }[] = [];
  const recharges: unknown[] = [];
  let month = "";
  let monthDays: unknown[] = [];
  const heartRateFile = (ym: string) => ({ name: `247ohr_${ym.replace("-", "_")}-${uuid("247ohr", ym)}.json`, text: toExportJson({ deviceDays: monthDays }) });

  for (let day = firstDay; day <= lastDay; day++) {
    const plan = model.getDayPlan(day);
    const sessions = plan.sessions.filter((session) => session.endUtc < end);
    const withCalories = sessions.map((session) => ({
      session,
      calories: summarizeHeartRate(model, session, renderHeartRate(model, session)).calories,
    }));
    for (const session of sessions) {
      const series = renderSeries(model, session);
      const summary = summarizeSeries(session, summarizeHeartRate(model, session, series.hr), series);
      const withoutHeartRate = createRng(session.seed, "export-sensor").chance(NO_HEART_RATE_PROBABILITY);
      const input = { model, session, series, summary, withoutHeartRate };
      const json = options.format === "legacy" ? renderLegacySession(input) : renderCurrentSession(input);
      yield { name: sessionFileName(options.format, session, uuid("session", session.id)), text: toExportJson(json) };
    }
    if (day % 30 === 0) {
      // A planned workout: it has a name and phases, never a recording (§6 quirk 9).
      yield {
        name: `training-target-${plan.date}-${day - firstDay + 1}-${uuid("target", day)}.json`,
        text: toExportJson({ name: "Tempo 3x10", description: "planned", startTime: `${plan.date}T18:00:00.000`, exercises: [{ phases: [{ name: "Warm-up", duration: "PT10M" }] }] }),
      };
    }
    const nextNight = model.getDayPlan(day + 1).night;
    const minutes = buildDayMinutes(model, day, withCalories, [plan.night, nextNight]);
    yield { name: `activity-${plan.date}-${uuid("activity", day)}.json`, text: toExportJson(renderExportActivity(model, minutes)) };
    if (plan.night.recorded && plan.night.endUtc < end && day > firstDay) {
      const detail = buildNightDetail(model, plan.night);
      nights.push(renderExportSleep(model, detail));
      recharges.push(renderExportRecharge(model, detail));
    }
    const ym = plan.date.slice(0, 7);
    if (ym !== month && monthDays.length > 0) {
      yield heartRateFile(month);
      monthDays = [];
    }
    month = ym;
    monthDays.push(renderExportHeartRateDay(model, minutes, sessions, [plan.night, nextNight]));
  }
  if (monthDays.length > 0) yield heartRateFile(month);

  yield { name: `sleep_result_${uid}-${uuid("sleep-result")}.json`, text: toExportJson(nights.map((n) => n.result)) };
  yield { name: `sleep_score_${uid}-${uuid("sleep-score")}.json`, text: toExportJson(nights.map((n) => n.score)) };
  yield { name: `nightly_recovery_${uid}-${uuid("recovery")}.json`, text: toExportJson(recharges) };

  // The settings history: a snapshot per change, plus one repeated unchanged value (settings, not measurements).
  const entries = model.listPhysicalInfoEntries().filter((entry) => entry.day <= lastDay);
  const snapshots = [firstDay, ...entries.map((entry) => entry.day)].flatMap((day, i) => {
    const snapshot = { ...physicalSnapshot(model, day), dateTime: `${model.toDate(day)}T08:00:00.000` };
    return i === 1 ? [snapshot, { ...snapshot, dateTime: `${model.toDate(day + 1)}T08:00:00.000` }] : [snapshot];
  });
  const weights = entries.map((entry) => ({ weight: getPhysicalEntryAt(model, entry.day).weight, date: model.toDate(entry.day) }));
  yield { name: `calendar-items-${uid}-${uuid("calendar")}.json`, text: toExportJson({ exportVersion: "1.0", physicalInformations: snapshots, weights, notes: [], feelings: [] }) };
}
