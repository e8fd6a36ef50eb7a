import type { RateGovernor } from "./rate-governor";
import type { PolarActivitySummary, PolarActivityStepSamples, PolarActivityZoneSamples, PolarDailyActivity } from "./schemas/activity";
import type { PolarCardioLoadDay } from "./schemas/cardio-load";
import type { PolarContinuousHeartRateDay } from "./schemas/continuous-heart-rate";
import type { PolarExercise, PolarExerciseSample, PolarExerciseV2, PolarExerciseZones } from "./schemas/exercise";
import type { PolarNightlyRecharge } from "./schemas/nightly-recharge";
import type { PolarNotification } from "./schemas/notifications";
import type { PolarPhysicalInfo, PolarPhysicalInfoV2 } from "./schemas/physical-info";
import type { PolarSleep, PolarSleepAvailable } from "./schemas/sleep";
import type { PolarUser } from "./schemas/user";
import type { PolarWebhookEvent } from "./schemas/webhooks";

/**
 * The AccessLink v3 client (polar-accesslink.md; contract in team/POLAR-CLIENT-API.md). Parsed types keep
 * Polar's own field names; turning them into rows is lib/sync's job. No Next.js, database or process.env here:
 * URLs, credentials, fetch, clock and sleep are injected.
 */

export type TransactionKind = "exercise" | "activity" | "physical-information";

/** A validated item with the JSON it came from (before validation) and the URL it was read from. */
export type Fetched<T> = { data: T; raw: unknown; url: string };

/** A validated list: the elements that passed, and each one that did not (with its zod path from the body root). */
export type Lenient<T> = { items: T[]; invalid: { raw: unknown; error: string; path: string }[] };

export type ExerciseQueryOptions = { samples?: boolean; zones?: boolean; route?: boolean };
export type DailyActivityQueryOptions = { steps?: boolean; activityZones?: boolean; inactivityStamps?: boolean };

export type PolarTokenGrant = { accessToken: string; userId: number; expiresIn: number };
export type PolarWebhookCreatedInfo = { id: string; events: string[]; url: string; signatureSecretKey: string };
export type PolarWebhookSummary = { id: string; events: string[]; url: string; active: boolean };

export type PolarUserClient = {
  /** `POST /v3/users`; 409 (already registered, or member-id taken) → `already-registered`. */
  registerUser(memberId: string): Promise<{ status: "registered"; user: PolarUser } | { status: "already-registered" }>;
  /** `GET /v3/users/{id}`; null on 204. */
  getUser(): Promise<PolarUser | null>;
  /** `DELETE /v3/users/{id}` (revokes the token). */
  deleteUser(): Promise<void>;
  /** null on 204 (nothing new, or a transaction is still open — U2). */
  createTransaction(kind: TransactionKind): Promise<{ transactionId: number; resourceUri: string } | null>;
  /** Item URLs verbatim; [] on 204; PolarError not_found on 404 (expired or unknown transaction). */
  listTransaction(kind: TransactionKind, resourceUri: string): Promise<string[]>;
  /** `PUT resource-uri`; PolarError not_found on 404. */
  commitTransaction(resourceUri: string): Promise<void>;
  /** Item URL verbatim; a 204 (no data) throws PolarError not_found with status 204. */
  getExercise(url: string): Promise<Fetched<PolarExercise>>;
  getExerciseHeartRateZones(url: string): Promise<Fetched<PolarExerciseZones> | null>;
  getExerciseSampleList(url: string): Promise<string[]>;
  getExerciseSample(sampleUrl: string): Promise<Fetched<PolarExerciseSample> | null>;
  getActivity(url: string): Promise<Fetched<PolarActivitySummary>>;
  getActivityStepSamples(url: string): Promise<Fetched<PolarActivityStepSamples> | null>;
  getActivityZoneSamples(url: string): Promise<Fetched<PolarActivityZoneSamples> | null>;
  getPhysicalInfo(url: string): Promise<Fetched<PolarPhysicalInfo>>;
  /**
   * `GET /v3/exercises`: every session uploaded in the last 30 days (after registration), samples and zones inline
   * when asked for. Each element is validated on its own and keeps the JSON it came from (`raw`).
   */
  listExercises(opts?: ExerciseQueryOptions): Promise<Lenient<Fetched<PolarExerciseV2>>>;
  /** null on 404 (`Exercise not found`, or outside the 30-day window). */
  getExerciseByHash(id: string, opts?: ExerciseQueryOptions): Promise<Fetched<PolarExerciseV2> | null>;
  listDailyActivities(from: string, to: string, opts?: DailyActivityQueryOptions): Promise<Lenient<PolarDailyActivity>>;
  /** `GET /v3/users/activities/{date}`; null on 204 (no data for the day). */
  getDailyActivity(date: string, opts?: DailyActivityQueryOptions): Promise<Fetched<PolarDailyActivity> | null>;
  /** Accepts the live `{"heart_rates": [...]}` shape, a bare array, and the spec's single-day object. */
  getContinuousHeartRateRange(from: string, to: string): Promise<Lenient<PolarContinuousHeartRateDay>>;
  getContinuousHeartRateDay(date: string): Promise<Fetched<PolarContinuousHeartRateDay> | null>;
  listCardioLoad(from: string, to: string): Promise<Lenient<PolarCardioLoadDay>>;
  listSleep(): Promise<Lenient<PolarSleep>>;
  getSleep(date: string): Promise<Fetched<PolarSleep> | null>;
  listSleepAvailable(): Promise<Lenient<PolarSleepAvailable>>;
  listNightlyRecharge(): Promise<Lenient<PolarNightlyRecharge>>;
  getNightlyRecharge(date: string): Promise<Fetched<PolarNightlyRecharge> | null>;
  getPhysicalInfoCurrent(): Promise<Fetched<PolarPhysicalInfoV2> | null>;
};

export type PolarClient = {
  /** Never retried on 5xx/timeout: a code is single-use and reuse revokes its tokens. 400/401 → `oauth`. */
  exchangeCode(code: string, redirectUri: string | undefined): Promise<PolarTokenGrant>;
  /** `GET /v3/notifications` (Basic); [] on 204. */
  listNotifications(): Promise<PolarNotification[]>;
  webhooks: {
    create(input: { url: string; events: PolarWebhookEvent[] }): Promise<PolarWebhookCreatedInfo>;
    list(): Promise<PolarWebhookSummary[]>;
    update(id: string, input: { url?: string; events?: PolarWebhookEvent[] }): Promise<void>;
    remove(id: string): Promise<void>;
    /** false on 204 (no webhook exists). */
    activate(): Promise<boolean>;
    deactivate(): Promise<boolean>;
  };
  forUser(userId: number, accessToken: string): PolarUserClient;
};

export type PolarClientOptions = {
  /** e.g. `https://www.polaraccesslink.com` (no trailing slash); paths start with `/v3/`. */
  apiBaseUrl: string;
  /** e.g. `https://polarremote.com/v2/oauth2/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  /** Default: the process-wide governor. */
  governor?: RateGovernor;
  /** Per request, default 30 000. */
  timeoutMs?: number;
  /** 5xx/timeouts only, default 3. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1), default Math.random. */
  random?: () => number;
  /** 429s one request waits out (via the governor) before failing with `rate_limited`, default 2. */
  maxRateLimitRetries?: number;
};
