import type { AthleteAccess } from "@/lib/polar-sim/access";
import { listVisibleDates, requireAthleteAccess, respondApiError, todayOf } from "@/lib/polar-sim/access";
import type { JsonObject, JsonValue, SimUploadKind } from "@/lib/polar-sim/contract";
import { addDays, addMonths, diffDays, isValidDate, listDates } from "@/lib/polar-sim/dates";
import { applyMalformed } from "@/lib/polar-sim/faults";
import { applyNightEdit } from "@/lib/polar-sim/habits";
import { withHypnogramCodes } from "@/lib/polar-sim/variants";
import type { SimRequest, SimResponse } from "@/lib/polar-sim/http";
import { respondEmpty, respondJson } from "@/lib/polar-sim/http";
import type { MalformedKind, SimContext } from "@/lib/polar-sim/state";

/** The non-transactional endpoints of §6: plain GETs over date windows, re-readable at will. */

const ACTIVITY_MESSAGE = "Invalid or too old date. Cannot be older than 365 days.";
const DEFAULT_WINDOW_DAYS = 28;
const CARDIO_MAX_DAYS = 180;
const CARDIO_MAX_MONTHS = 6;

type Range = { ok: true; from: string; to: string } | { ok: false; response: SimResponse };

type RangeRules = {
  /** Both `from` and `to` must be given. */
  required: boolean;
  maxRangeDays: number;
  /** `from` may be at most this many days before today (else 400); null = no limit. */
  lookbackDays: number | null;
  message: string;
};

/** Parses `from`/`to` (inclusive). Without them: the last 28 days ending today; `to` alone ends the window. */
function parseRange(ctx: SimContext, access: AthleteAccess, query: URLSearchParams, rules: RangeRules): Range {
  const fail = (): Range => ({ ok: false, response: respondApiError(ctx, 400, rules.message) });
  const today = todayOf(ctx, access.athlete);
  const fromParam = query.get("from");
  const toParam = query.get("to");
  if (rules.required && (fromParam === null || toParam === null)) return fail();
  if ((fromParam !== null && !isValidDate(fromParam)) || (toParam !== null && !isValidDate(toParam))) return fail();
  const to = toParam ?? today;
  const from = fromParam ?? addDays(to, -(DEFAULT_WINDOW_DAYS - 1));
  if (from > to) return fail();
  if (diffDays(from, to) + 1 > rules.maxRangeDays) return fail();
  if (rules.lookbackDays !== null && diffDays(from, today) > rules.lookbackDays) return fail();
  return { ok: true, from, to };
}

function readFlag(query: URLSearchParams, name: string): boolean {
  return query.get(name)?.toLowerCase() === "true";
}

function applyDayMalformed(ctx: SimContext, access: AthleteAccess, kind: MalformedKind, date: string, json: JsonObject): JsonObject {
  return applyMalformed(ctx, access.athlete.profile.userId, kind, { date }, json);
}

/** Rendered objects of the visible days in [from, to], ascending; days whose render is null are skipped. */
function collectDays(
  ctx: SimContext,
  access: AthleteAccess,
  kind: SimUploadKind,
  from: string,
  to: string,
  render: (date: string) => JsonObject | null,
): JsonValue[] {
  const visible = listVisibleDates(ctx, access, kind, from, to);
  const out: JsonValue[] = [];
  for (const date of [...visible].sort()) {
    const json = render(date);
    if (json) out.push(json);
  }
  return out;
}

function isDayVisible(ctx: SimContext, access: AthleteAccess, kind: SimUploadKind, date: string): boolean {
  return listVisibleDates(ctx, access, kind, date, date).has(date);
}

// ── /v3/users/activities (§6.2) ──

function handleActivities(ctx: SimContext, access: AthleteAccess, query: URLSearchParams, rest: string[]): SimResponse {
  const athlete = access.athlete;
  const today = todayOf(ctx, athlete);
  const lookbackDays = ctx.state.switches.activityLookbackDays;
  const rules: RangeRules = { required: false, maxRangeDays: DEFAULT_WINDOW_DAYS, lookbackDays, message: ACTIVITY_MESSAGE };
  const opts = {
    steps: readFlag(query, "steps"),
    activityZones: readFlag(query, "activity_zones"),
    inactivityStamps: readFlag(query, "inactivity_stamps"),
    utcTimes: ctx.state.switches.dailyActivityTimes === "utc",
  };
  const single = (date: string, render: (d: string) => JsonObject | null): SimResponse => {
    if (!isValidDate(date) || diffDays(date, today) > lookbackDays) return respondApiError(ctx, 400, ACTIVITY_MESSAGE);
    if (!isDayVisible(ctx, access, "daily-activity", date)) return respondEmpty(204);
    const json = render(date);
    return json ? respondJson(200, json) : respondEmpty(204);
  };
  // A day the list never shows (the switch) is a day without data here; the transactions still deliver it.
  const hidden = new Set(ctx.state.switches.activityListHiddenDates);
  const renderDay = (date: string): JsonObject | null => {
    const json = hidden.has(date) ? null : athlete.dailyActivity(date, opts);
    return json && applyDayMalformed(ctx, access, "activity", date, json);
  };
  const renderSamples = (date: string): JsonObject | null => (hidden.has(date) ? null : athlete.dailyActivitySamples(date));
  if (rest.length === 0 || (rest.length === 1 && rest[0] === "samples")) {
    const range = parseRange(ctx, access, query, rules);
    if (!range.ok) return range.response;
    const render = rest.length === 0 ? renderDay : renderSamples;
    return respondJson(200, collectDays(ctx, access, "daily-activity", range.from, range.to, render));
  }
  if (rest.length === 1) return single(rest[0], renderDay);
  if (rest.length === 2 && rest[0] === "samples") return single(rest[1], renderSamples);
  return respondApiError(ctx, 404, null);
}

// ── /v3/users/continuous-heart-rate (§6.3) ──

function handleContinuousHeartRate(ctx: SimContext, access: AthleteAccess, query: URLSearchParams, rest: string[]): SimResponse {
  const switches = ctx.state.switches;
  const athlete = access.athlete;
  const render = (date: string): JsonObject | null => {
    const json = athlete.continuousHeartRate(date);
    return json && applyDayMalformed(ctx, access, "continuous-heart-rate", date, json);
  };
  if (rest.length === 1) {
    const date = rest[0];
    if (!isValidDate(date)) return respondApiError(ctx, 400, "Invalid date");
    const withinLookback = diffDays(date, todayOf(ctx, athlete)) <= switches.chrLookbackDays;
    const json = withinLookback && isDayVisible(ctx, access, "continuous-heart-rate", date) ? render(date) : null;
    return json ? respondJson(200, json) : respondApiError(ctx, 404, "No data found for date");
  }
  if (rest.length !== 0) return respondApiError(ctx, 404, null);
  const range = parseRange(ctx, access, query, {
    required: true,
    maxRangeDays: switches.chrMaxRangeDays,
    lookbackDays: switches.chrLookbackDays,
    message: "Invalid date range",
  });
  if (!range.ok) return range.response;
  const days = collectDays(ctx, access, "continuous-heart-rate", range.from, range.to, render);
  if (switches.chrRangeShape === "heart_rates") return respondJson(200, { heart_rates: days });
  // U9 alternative: the spec's single-day object (the first day with data of the range).
  const first = days[0];
  return first === undefined ? respondApiError(ctx, 404, "No data found for date") : respondJson(200, first);
}

// ── /v3/users/cardio-load (§6.4) ──

function handleCardioLoad(ctx: SimContext, access: AthleteAccess, query: URLSearchParams, rest: string[]): SimResponse {
  const athlete = access.athlete;
  const today = todayOf(ctx, athlete);
  const omit = ctx.state.switches.cardioPlaceholderOmitNumbers;
  const bad = (message: string): SimResponse => respondApiError(ctx, 400, message);
  const days = (from: string, to: string): SimResponse => {
    const visible = listVisibleDates(ctx, access, "cardio-load", from, to);
    const out: JsonValue[] = listDates(from, to).map((date) => {
      if (visible.has(date)) return applyDayMalformed(ctx, access, "cardio-load", date, athlete.cardioLoad(date, { omitPlaceholderNumbers: omit }));
      // Not uploaded yet (or before registration): Polar still lists the day, as a placeholder (§6.4, U14).
      const placeholder: JsonObject = { date, cardio_load_status: "LOAD_STATUS_NOT_AVAILABLE" };
      if (omit) return placeholder;
      return {
        ...placeholder,
        cardio_load: 0.0,
        strain: 0.0,
        tolerance: 0.0,
        cardio_load_ratio: 0.0,
        cardio_load_level: { very_low: 0.0, low: 0.0, medium: 0.0, high: 0.0, "very-high": 0.0 },
      };
    });
    return respondJson(200, out);
  };
  if (rest.length === 0) return days(addDays(today, -(DEFAULT_WINDOW_DAYS - 1)), today);
  if (rest.length === 1 && rest[0] === "date") {
    const cardioLookback = ctx.state.switches.cardioLookbackDays;
    const range = parseRange(ctx, access, query, {
      required: true,
      maxRangeDays: CARDIO_MAX_DAYS,
      lookbackDays: cardioLookback === 0 ? null : cardioLookback,
      message: "Invalid date range",
    });
    return range.ok ? days(range.from, range.to) : range.response;
  }
  if (rest.length === 1) return isValidDate(rest[0]) ? days(rest[0], rest[0]) : bad("Invalid date");
  if (rest.length === 3 && rest[0] === "period") {
    const n = /^\d+$/.test(rest[2]) ? Number(rest[2]) : NaN;
    if (rest[1] === "days") {
      if (!(n >= 1 && n <= CARDIO_MAX_DAYS)) return bad(`days must be between 1 and ${CARDIO_MAX_DAYS}`);
      return days(addDays(today, -(n - 1)), today);
    }
    if (rest[1] === "months") {
      if (!(n >= 1 && n <= CARDIO_MAX_MONTHS)) return bad(`months must be between 1 and ${CARDIO_MAX_MONTHS}`);
      return days(addDays(addMonths(today, -n), 1), today);
    }
  }
  return respondApiError(ctx, 404, null);
}

// ── sleep and Nightly Recharge (§6.5, §6.6) ──

function handleNightly(
  ctx: SimContext,
  access: AthleteAccess,
  rest: string[],
  kind: "sleep" | "nightly-recharge",
  listKey: string,
  render: (date: string) => JsonObject | null,
): SimResponse {
  const today = todayOf(ctx, access.athlete);
  const from = addDays(today, -(DEFAULT_WINDOW_DAYS - 1));
  if (rest.length === 0) return respondJson(200, { [listKey]: collectDays(ctx, access, kind, from, today, render) });
  if (rest.length === 1 && rest[0] === "available" && kind === "sleep") {
    const available = collectDays(ctx, access, kind, from, today, (date) => access.athlete.sleepAvailable(date));
    return respondJson(200, { available });
  }
  if (rest.length !== 1) return respondApiError(ctx, 404, null);
  const date = rest[0];
  if (!isValidDate(date)) return respondApiError(ctx, 400, "Invalid date");
  const withinLookback = diffDays(date, today) <= ctx.state.switches.sleepLookbackDays;
  const json = withinLookback && isDayVisible(ctx, access, kind, date) ? render(date) : null;
  return json ? respondJson(200, json) : respondApiError(ctx, 404, null);
}

// ── SleepWise and biosensing (§6.7, §6.8): no simulated data, valid empty answers ──

function handleEmptyRanged(ctx: SimContext, access: AthleteAccess, query: URLSearchParams, required: boolean): SimResponse {
  const range = parseRange(ctx, access, query, { required, maxRangeDays: DEFAULT_WINDOW_DAYS, lookbackDays: null, message: "Invalid date range" });
  return range.ok ? respondEmpty(204) : range.response;
}

const SLEEPWISE = new Set(["alertness", "circadian-bedtime"]);
const BIOSENSING = new Set(["bodytemperature", "skintemperature", "skincontacts", "ecg", "spo2"]);

/** `/v3/users/<segments>` for the non-transactional resources; null when the path is not one of them. */
export function handleUserWindowed(ctx: SimContext, request: SimRequest, segments: string[]): SimResponse | null {
  const [resource, ...rest] = segments;
  const known = ["activities", "continuous-heart-rate", "cardio-load", "sleep", "nightly-recharge", "sleepwise", "biosensing", "physical-info"];
  if (resource === undefined || !known.includes(resource)) return null;
  if (request.method !== "GET") return respondApiError(ctx, 405, null);
  const result = requireAthleteAccess(ctx, request, null);
  if (!result.ok) return result.response;
  const access = result.access;
  const athlete = access.athlete;
  const query = request.query;
  switch (resource) {
    case "activities":
      return handleActivities(ctx, access, query, rest);
    case "continuous-heart-rate":
      return handleContinuousHeartRate(ctx, access, query, rest);
    case "cardio-load":
      return handleCardioLoad(ctx, access, query, rest);
    case "sleep":
      return handleNightly(ctx, access, rest, "sleep", "nights", (date) => {
        const json = athlete.sleep(date);
        const served = json && applyNightEdit(ctx, athlete, date, json);
        return served && applyDayMalformed(ctx, access, "sleep", date, withHypnogramCodes(served, athlete.profile.userId, date, ctx.state.switches));
      });
    case "nightly-recharge":
      return handleNightly(ctx, access, rest, "nightly-recharge", "recharges", (date) => {
        const json = athlete.nightlyRecharge(date);
        return json && applyDayMalformed(ctx, access, "nightly-recharge", date, json);
      });
    case "sleepwise": {
      const [kind, sub, ...more] = rest;
      if (kind === undefined || !SLEEPWISE.has(kind) || more.length > 0) return respondApiError(ctx, 404, null);
      if (sub === undefined) return handleEmptyRanged(ctx, access, query, false);
      return sub === "date" ? handleEmptyRanged(ctx, access, query, true) : respondApiError(ctx, 404, null);
    }
    case "biosensing": {
      if (rest.length !== 1 || !BIOSENSING.has(rest[0])) return respondApiError(ctx, 404, null);
      return handleEmptyRanged(ctx, access, query, false);
    }
    default: {
      if (rest.length !== 0) return respondApiError(ctx, 404, null);
      const json = access.registration ? athlete.physicalInfoCurrent(ctx.clock.now()) : null;
      return json ? respondJson(200, json) : respondApiError(ctx, 404, "User not found");
    }
  }
}
