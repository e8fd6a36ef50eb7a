/**
 * The contract between the simulator's two halves:
 *
 * - `lib/polar-sim/generator/` decides WHAT the simulated athletes did (seeded physiology) and renders each
 *   record as the exact AccessLink v3 JSON (field names, kebab/snake mixes, time formats of
 *   `shared/polar-accesslink.md` §5–§6).
 * - the protocol server (`lib/polar-sim/*.ts` outside `generator/`) decides WHEN and HOW it is served: OAuth,
 *   registration, transactions, availability windows, status codes, rate limits, webhooks, faults, clock.
 *
 * The server never invents data; the generator never looks at HTTP, tokens or the clock.
 * All instants are epoch milliseconds (UTC). All `date` strings are the athlete's local `YYYY-MM-DD`.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type SimGender = "MALE" | "FEMALE";

/** A planted episode in an athlete's story, so tests can check that the app sees it. Dates inclusive. */
export type SimEpisode = {
  kind: "overreaching" | "illness" | "taper" | "travel" | "dst-change";
  from: string;
  to: string;
  note: string;
};

export type SimAthleteProfile = {
  /** Polar user id (`x_user_id`, `polar-user-id`, webhook `user_id`). */
  userId: number;
  /** The account name shown on the simulator's authorization page (e.g. "aino"). Unique. */
  login: string;
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD` */
  birthdate: string;
  gender: SimGender;
  /** kg */
  weight: number;
  /** cm */
  height: number;
  /** One line for humans: "steady runner", "planted overreaching block", … */
  story: string;
  /** The athlete's usual UTC offset in minutes (e.g. 180 for UTC+3, -300 for UTC-5). */
  utcOffsetMinutes: number;
  /** The connection starts revoked (every Bearer call 401 after the token is issued). */
  startsRevoked: boolean;
  /** The athlete has not accepted Polar's mandatory consents (data endpoints 403). */
  startsWithoutConsents: boolean;
  episodes: SimEpisode[];
};

/**
 * One thing that reached Polar Flow at `uploadedAt` (a watch sync). The server makes it visible from that
 * instant on, according to each endpoint's own window rules.
 */
export type SimUpload =
  /** A training session. `id` is the int64 id of the transactional API, `hashedId` the id of `/v3/exercises`. */
  | { kind: "exercise"; userId: number; id: number; hashedId: string; uploadedAt: number; date: string }
  /** A transactional daily-activity summary. Every re-sync of a day is a new summary with a new `id`. */
  | { kind: "activity-summary"; userId: number; id: number; uploadedAt: number; date: string }
  /** A physical-information entry (every change is a new, complete entry). */
  | { kind: "physical-info"; userId: number; id: number; uploadedAt: number; date: string }
  /** Day-keyed (non-transactional) resources; `date` is the local day (for sleep: Polar's wake-up `date`). */
  | {
      kind: "sleep" | "nightly-recharge" | "continuous-heart-rate" | "cardio-load" | "daily-activity";
      userId: number;
      uploadedAt: number;
      date: string;
    };

export type SimUploadKind = SimUpload["kind"];

/** URLs the server hands the renderer so rendered JSON can carry absolute links. */
export type SimLinkContext = {
  /** e.g. `http://127.0.0.1:4100` — no trailing slash. */
  apiBaseUrl: string;
  /** The transaction the item is being served in (transactional resources only). */
  transactionId?: number;
};

export type SimFile = { contentType: string; body: Buffer };

/**
 * Renders one athlete's records. Every method returns `null` when the record does not exist
 * (the server turns that into the endpoint's own "no data" status: 204 or 404).
 */
export type SimAthleteData = {
  profile: SimAthleteProfile;

  /** Every upload with `fromMs <= uploadedAt < toMs`, sorted by `uploadedAt`, then kind, then id/date. */
  uploadsBetween(fromMs: number, toMs: number): SimUpload[];

  // ── transactional exercise (§5.2) ──
  exercise(id: number, link: SimLinkContext): JsonObject | null;
  exerciseHeartRateZones(id: number, link: SimLinkContext): JsonObject | null;
  /** `{"samples": [url, …]}` listing one URL per available sample type. */
  exerciseSampleList(id: number, link: SimLinkContext): JsonObject | null;
  exerciseSample(id: number, typeId: string, link: SimLinkContext): JsonObject | null;
  exerciseFile(id: number, format: "fit" | "tcx" | "gpx"): SimFile | null;

  // ── transactional daily activity (§5.3) ──
  activitySummary(id: number, link: SimLinkContext): JsonObject | null;
  activityStepSamples(id: number, link: SimLinkContext): JsonObject | null;
  activityZoneSamples(id: number, link: SimLinkContext): JsonObject | null;

  // ── transactional physical info (§5.4) ──
  physicalInfo(id: number, link: SimLinkContext): JsonObject | null;

  // ── non-transactional (§6) ──
  /** `/v3/exercises/{hashedId}` (and each element of the `/v3/exercises` list). */
  exerciseByHash(hashedId: string, opts: { samples: boolean; zones: boolean; route: boolean }): JsonObject | null;
  exerciseFileByHash(hashedId: string, format: "fit" | "tcx" | "gpx"): SimFile | null;
  /** `/v3/users/activities/{date}` object (and list elements). */
  dailyActivity(
    date: string,
    opts: { steps: boolean; activityZones: boolean; inactivityStamps: boolean; utcTimes?: boolean },
  ): JsonObject | null;
  /** `/v3/users/activities/samples/{date}` object. */
  dailyActivitySamples(date: string): JsonObject | null;
  /** Single-day continuous HR object (`{polar_user, date, heart_rate_samples}`). */
  continuousHeartRate(date: string): JsonObject | null;
  /** One day's cardio-load object. Days without data still render a `LOAD_STATUS_NOT_AVAILABLE` placeholder. */
  cardioLoad(date: string, opts: { omitPlaceholderNumbers: boolean }): JsonObject;
  /** One night of `/v3/users/sleep/{date}`. */
  sleep(date: string): JsonObject | null;
  /** One entry of `/v3/users/sleep/available`. */
  sleepAvailable(date: string): JsonObject | null;
  nightlyRecharge(date: string): JsonObject | null;
  /** `/v3/users/physical-info` (new snake_case shape) as of `atMs`. */
  physicalInfoCurrent(atMs: number): JsonObject | null;
};

export type SimDatasetOptions = {
  seed: number;
  /** Local midnight of day 0 of every athlete's history, as `YYYY-MM-DD`. Uploads start on that day. */
  startDate: string;
  /** How many days of history exist from `startDate` on (uploads after that never happen). */
  days: number;
};

/**
 * What one admin upload brings. `exerciseAgeDays` backdates its sessions: they end that many days before the
 * upload (a late upload of an old session, found on a watch synced weeks later).
 */
export type SimUploadRequest = { exercises?: number; exerciseAgeDays?: number; sleep?: boolean; activity?: boolean };

export type SimDataset = {
  options: SimDatasetOptions;
  athletes: SimAthleteData[];
  athlete(userId: number): SimAthleteData | undefined;
  /**
   * Admin "the watch just synced": create new records for an athlete at `atMs` (uploadedAt = atMs)
   * and return them. Deterministic: the same calls in the same order give the same records.
   */
  uploadNow(
    userId: number,
    atMs: number,
    what: SimUploadRequest,
  ): SimUpload[];
};
