import type { z } from "zod";
import { PolarError, redactSecrets, sanitizeUrl } from "./errors";
import { sendPolarRequest, type HttpDeps, type HttpMethod, type PolarAuth, type PolarResponse } from "./http";
import { defaultRateGovernor, type RateGovernor } from "./rate-governor";
import {
  PolarActivitySummarySchema,
  PolarActivityStepSamplesSchema,
  PolarActivityZoneSamplesSchema,
  PolarDailyActivitySchema,
  type PolarActivitySummary,
  type PolarActivityStepSamples,
  type PolarActivityZoneSamples,
  type PolarDailyActivity,
} from "./schemas/activity";
import { PolarCardioLoadDaySchema, type PolarCardioLoadDay } from "./schemas/cardio-load";
import { formatIssuePath } from "./schemas/common";
import {
  PolarContinuousHeartRateDaySchema,
  type PolarContinuousHeartRateDay,
} from "./schemas/continuous-heart-rate";
import {
  PolarExerciseSampleListSchema,
  PolarExerciseSampleSchema,
  PolarExerciseSchema,
  PolarExerciseV2Schema,
  PolarExerciseZonesSchema,
  type PolarExercise,
  type PolarExerciseSample,
  type PolarExerciseV2,
  type PolarExerciseZones,
} from "./schemas/exercise";
import { PolarNightlyRechargeSchema, type PolarNightlyRecharge } from "./schemas/nightly-recharge";
import { PolarNotificationListSchema, type PolarNotification } from "./schemas/notifications";
import { PolarTokenResponseSchema } from "./schemas/oauth";
import {
  PolarPhysicalInfoSchema,
  PolarPhysicalInfoV2Schema,
  type PolarPhysicalInfo,
  type PolarPhysicalInfoV2,
} from "./schemas/physical-info";
import { PolarSleepAvailableSchema, PolarSleepSchema, type PolarSleep, type PolarSleepAvailable } from "./schemas/sleep";
import {
  PolarActivityTransactionListSchema,
  PolarExerciseTransactionListSchema,
  PolarPhysicalInfoTransactionListSchema,
  PolarTransactionLocationSchema,
} from "./schemas/transactions";
import { PolarUserSchema, type PolarUser } from "./schemas/user";
import { PolarWebhookCreatedSchema, PolarWebhookListSchema, type PolarWebhookEvent } from "./schemas/webhooks";
import { isIsoDate } from "./time";

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

const TRANSACTION_LIST_KEYS = {
  exercise: { schema: PolarExerciseTransactionListSchema, key: "exercises" },
  activity: { schema: PolarActivityTransactionListSchema, key: "activity-log" },
  "physical-information": { schema: PolarPhysicalInfoTransactionListSchema, key: "physical-informations" },
} as const;

function sleepReal(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "::1";
}

/** Validates one payload; a mismatch throws invalid_payload with the zod path and the raw body (secrets redacted). */
function validateOne<S extends z.ZodType>(schema: S, body: unknown, response: PolarResponse, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatIssuePath(issue.path) : "";
  throw new PolarError(
    "invalid_payload",
    `Polar ${what} failed validation at ${path === "" ? "(root)" : path}: ${issue ? issue.message : "invalid"}`,
    { status: response.status, url: response.url, raw: redactSecrets(body), path },
  );
}

type Checked<T> = { valid: { data: T; raw: unknown }[]; invalid: Lenient<T>["invalid"] };

/** Validates each element on its own so that one bad element never hides the rest; valid ones keep their raw JSON. */
function checkEach<S extends z.ZodType>(schema: S, elements: readonly unknown[], pathPrefix: string): Checked<z.output<S>> {
  const out: Checked<z.output<S>> = { valid: [], invalid: [] };
  elements.forEach((element, index) => {
    const result = schema.safeParse(element);
    if (result.success) {
      out.valid.push({ data: result.data, raw: element });
      return;
    }
    const issue = result.error.issues[0];
    const inner = issue ? formatIssuePath(issue.path) : "";
    const prefix = pathPrefix === "" ? String(index) : `${pathPrefix}.${index}`;
    out.invalid.push({ raw: element, error: issue ? issue.message : "invalid", path: inner === "" ? prefix : `${prefix}.${inner}` });
  });
  return out;
}

function validateEach<S extends z.ZodType>(schema: S, elements: readonly unknown[], pathPrefix: string): Lenient<z.output<S>> {
  const checked = checkEach(schema, elements, pathPrefix);
  return { items: checked.valid.map((entry) => entry.data), invalid: checked.invalid };
}

function createEmptyLenient<T>(): Lenient<T> {
  return { items: [], invalid: [] };
}

function requireArray(value: unknown, response: PolarResponse, what: string, path: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new PolarError("invalid_payload", `Polar ${what} failed validation at ${path === "" ? "(root)" : path}: expected an array`, {
    status: response.status,
    url: response.url,
    raw: redactSecrets(response.body),
    path,
  });
}

function readField(body: unknown, key: string): unknown {
  return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
}

function requireDate(value: string, name: string): string {
  if (!isIsoDate(value)) throw new PolarError("bad_request", `${name} must be a YYYY-MM-DD date`);
  return value;
}

function createNoDataError(response: PolarResponse, what: string): PolarError {
  return new PolarError("not_found", `Polar ${what} answered 204 (no data)`, { status: response.status, url: response.url });
}

function isNotFound(error: unknown): boolean {
  return error instanceof PolarError && error.code === "not_found";
}

export function createPolarClient(options: PolarClientOptions): PolarClient {
  const apiBaseUrl = options.apiBaseUrl.replace(/\/+$/, "");
  const apiOrigin = new URL(apiBaseUrl);
  const deps: HttpDeps = {
    fetch: options.fetch ?? fetch,
    governor: options.governor ?? defaultRateGovernor,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
    sleep: options.sleep ?? sleepReal,
    random: options.random ?? Math.random,
    maxRateLimitRetries: options.maxRateLimitRetries ?? 2,
  };
  const basic: PolarAuth = { kind: "basic", clientId: options.clientId, clientSecret: options.clientSecret };

  function apiUrl(path: string, query?: Record<string, string | undefined>): string {
    const url = new URL(`${apiBaseUrl}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    return url.toString();
  }

  /**
   * Item and resource URLs from Polar are followed verbatim (§1.1: never rebuilt), but the athlete's token is sent
   * only to AccessLink itself: the configured API origin, a polaraccesslink.com host over HTTPS, or loopback when
   * the configured API is loopback (the simulator).
   */
  function requireFollowableUrl(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new PolarError("invalid_payload", "Polar returned a URL that cannot be parsed", { path: "", raw: sanitizeUrl(url) });
    }
    const sameOrigin = parsed.origin === apiOrigin.origin;
    const polarHost =
      parsed.protocol === "https:" &&
      (parsed.hostname === "polaraccesslink.com" || parsed.hostname.endsWith(".polaraccesslink.com"));
    const loopback = isLoopbackHost(apiOrigin.hostname) && isLoopbackHost(parsed.hostname);
    if (!sameOrigin && !polarHost && !loopback) {
      throw new PolarError("invalid_payload", `Polar returned a URL outside AccessLink (${parsed.origin}); not followed`, {
        url: sanitizeUrl(url),
        path: "",
      });
    }
    return parsed.toString();
  }

  /** A documented sub-resource of an item URL (`…/exercises/{id}/samples`), keeping the item URL untouched. */
  function buildSubResourceUrl(itemUrl: string, segment: string): string {
    const parsed = new URL(requireFollowableUrl(itemUrl));
    parsed.pathname = `${parsed.pathname.replace(/\/+$/, "")}/${segment}`;
    return parsed.toString();
  }

  function send(method: HttpMethod, url: string, auth: PolarAuth, json?: unknown): Promise<PolarResponse> {
    return sendPolarRequest(deps, { method, url, auth, json });
  }

  async function exchangeCode(code: string, redirectUri: string | undefined): Promise<PolarTokenGrant> {
    const form: Record<string, string> = { grant_type: "authorization_code", code };
    // The echo rule (§2.3): redirect_uri only if it was sent to the authorization page, and then identical.
    if (redirectUri !== undefined) form.redirect_uri = redirectUri;
    const response = await sendPolarRequest(deps, {
      method: "POST",
      url: options.tokenUrl,
      auth: basic,
      form,
      tokenEndpoint: true,
    });
    const token = validateOne(PolarTokenResponseSchema, response.body, response, "token response");
    return { accessToken: token.access_token, userId: token.x_user_id, expiresIn: token.expires_in };
  }

  async function listNotifications(): Promise<PolarNotification[]> {
    const response = await send("GET", apiUrl("/v3/notifications"), basic);
    if (response.status === 204 || response.body === undefined) return [];
    return validateOne(PolarNotificationListSchema, response.body, response, "notifications")["available-user-data"];
  }

  const webhooks: PolarClient["webhooks"] = {
    async create(input) {
      const response = await send("POST", apiUrl("/v3/webhooks"), basic, { events: input.events, url: input.url });
      const created = validateOne(PolarWebhookCreatedSchema, response.body, response, "webhook create response").data;
      return { id: created.id, events: created.events, url: created.url, signatureSecretKey: created.signature_secret_key };
    },
    async list() {
      const response = await send("GET", apiUrl("/v3/webhooks"), basic);
      if (response.body === undefined) return [];
      const list = validateOne(PolarWebhookListSchema, response.body, response, "webhook list").data;
      // `active` exists since 18.01.2024; a webhook without it predates deactivation and is active.
      return list.map((hook) => ({ id: hook.id, events: hook.events, url: hook.url, active: hook.active ?? true }));
    },
    async update(id, input) {
      await send("PATCH", apiUrl(`/v3/webhooks/${encodeURIComponent(id)}`), basic, input);
    },
    async remove(id) {
      await send("DELETE", apiUrl(`/v3/webhooks/${encodeURIComponent(id)}`), basic);
    },
    async activate() {
      const response = await send("POST", apiUrl("/v3/webhooks/activate"), basic);
      return response.status !== 204;
    },
    async deactivate() {
      const response = await send("POST", apiUrl("/v3/webhooks/deactivate"), basic);
      return response.status !== 204;
    },
  };

  function forUser(userId: number, accessToken: string): PolarUserClient {
    if (!Number.isSafeInteger(userId) || userId <= 0) throw new RangeError("userId must be a positive integer");
    const bearer: PolarAuth = { kind: "bearer", token: accessToken };
    const userPath = `/v3/users/${encodeURIComponent(String(userId))}`;

    const get = (url: string) => send("GET", url, bearer);

    async function fetchItem<S extends z.ZodType>(schema: S, url: string, what: string): Promise<Fetched<z.output<S>>> {
      const response = await get(requireFollowableUrl(url));
      if (response.body === undefined) throw createNoDataError(response, what);
      return { data: validateOne(schema, response.body, response, what), raw: response.body, url: response.url };
    }

    /** For endpoints where 204 (and, when `notFoundIsEmpty`, 404) means "no data". */
    async function fetchOptional<S extends z.ZodType>(
      schema: S,
      url: string,
      what: string,
      notFoundIsEmpty: boolean,
    ): Promise<Fetched<z.output<S>> | null> {
      let response: PolarResponse;
      try {
        response = await get(url);
      } catch (error) {
        if (notFoundIsEmpty && isNotFound(error)) return null;
        throw error;
      }
      if (response.body === undefined) return null;
      return { data: validateOne(schema, response.body, response, what), raw: response.body, url: response.url };
    }

    /** A list endpoint: `key` names the wrapping field (`nights`), or "" for a bare array. 204 → empty. */
    async function fetchList<S extends z.ZodType>(schema: S, url: string, key: string, what: string): Promise<Lenient<z.output<S>>> {
      const response = await get(url);
      if (response.body === undefined) return createEmptyLenient();
      const elements = requireArray(key === "" ? response.body : readField(response.body, key), response, what, key);
      return validateEach(schema, elements, key);
    }

    function exerciseQuery(opts: ExerciseQueryOptions | undefined): Record<string, string | undefined> {
      return {
        samples: opts?.samples === undefined ? undefined : String(opts.samples),
        zones: opts?.zones === undefined ? undefined : String(opts.zones),
        route: opts?.route === undefined ? undefined : String(opts.route),
      };
    }

    function activityQuery(opts: DailyActivityQueryOptions | undefined): Record<string, string | undefined> {
      return {
        steps: opts?.steps === undefined ? undefined : String(opts.steps),
        activity_zones: opts?.activityZones === undefined ? undefined : String(opts.activityZones),
        inactivity_stamps: opts?.inactivityStamps === undefined ? undefined : String(opts.inactivityStamps),
      };
    }

    return {
      async registerUser(memberId) {
        let response: PolarResponse;
        try {
          response = await send("POST", apiUrl("/v3/users"), bearer, { "member-id": memberId });
        } catch (error) {
          // 409: already registered to our client (or member-id taken) — success for our purposes (§3.1).
          if (error instanceof PolarError && error.code === "conflict") return { status: "already-registered" };
          throw error;
        }
        if (response.body === undefined) throw createNoDataError(response, "user registration");
        return { status: "registered", user: validateOne(PolarUserSchema, response.body, response, "user") };
      },

      async getUser() {
        const response = await get(apiUrl(userPath));
        if (response.body === undefined) return null;
        return validateOne(PolarUserSchema, response.body, response, "user");
      },

      async deleteUser() {
        await send("DELETE", apiUrl(userPath), bearer);
      },

      async createTransaction(kind) {
        const response = await send("POST", apiUrl(`${userPath}/${kind}-transactions`), bearer);
        if (response.body === undefined) return null;
        const location = validateOne(PolarTransactionLocationSchema, response.body, response, `${kind} transaction`);
        return { transactionId: location["transaction-id"], resourceUri: location["resource-uri"] };
      },

      async listTransaction(kind, resourceUri) {
        const response = await get(requireFollowableUrl(resourceUri));
        if (response.body === undefined) return [];
        const { schema, key } = TRANSACTION_LIST_KEYS[kind];
        const list: Record<string, unknown> = validateOne(schema, response.body, response, `${kind} transaction list`);
        const urls = list[key];
        return Array.isArray(urls) ? urls.filter((url): url is string => typeof url === "string") : [];
      },

      async commitTransaction(resourceUri) {
        await send("PUT", requireFollowableUrl(resourceUri), bearer);
      },

      getExercise: async (url) => fetchItem(PolarExerciseSchema, url, "exercise"),

      getExerciseHeartRateZones: async (url) =>
        fetchOptional(PolarExerciseZonesSchema, buildSubResourceUrl(url, "heart-rate-zones"), "exercise heart-rate zones", false),

      async getExerciseSampleList(url) {
        const response = await get(buildSubResourceUrl(url, "samples"));
        if (response.body === undefined) return [];
        return validateOne(PolarExerciseSampleListSchema, response.body, response, "exercise sample list").samples ?? [];
      },

      getExerciseSample: async (sampleUrl) =>
        fetchOptional(PolarExerciseSampleSchema, requireFollowableUrl(sampleUrl), "exercise sample", false),

      getActivity: async (url) => fetchItem(PolarActivitySummarySchema, url, "activity summary"),

      getActivityStepSamples: async (url) =>
        fetchOptional(PolarActivityStepSamplesSchema, buildSubResourceUrl(url, "step-samples"), "activity step samples", false),

      getActivityZoneSamples: async (url) =>
        fetchOptional(PolarActivityZoneSamplesSchema, buildSubResourceUrl(url, "zone-samples"), "activity zone samples", false),

      getPhysicalInfo: async (url) => fetchItem(PolarPhysicalInfoSchema, url, "physical information"),

      async listExercises(opts) {
        const response = await get(apiUrl("/v3/exercises", exerciseQuery(opts)));
        if (response.body === undefined) return createEmptyLenient();
        const checked = checkEach(PolarExerciseV2Schema, requireArray(response.body, response, "exercise list", ""), "");
        return { items: checked.valid.map((entry) => ({ ...entry, url: response.url })), invalid: checked.invalid };
      },

      getExerciseByHash: async (id, opts) =>
        fetchOptional(
          PolarExerciseV2Schema,
          apiUrl(`/v3/exercises/${encodeURIComponent(id)}`, exerciseQuery(opts)),
          "exercise",
          true,
        ),

      listDailyActivities: async (from, to, opts) =>
        fetchList(
          PolarDailyActivitySchema,
          apiUrl("/v3/users/activities", {
            from: requireDate(from, "from"),
            to: requireDate(to, "to"),
            ...activityQuery(opts),
          }),
          "",
          "daily activity list",
        ),

      getDailyActivity: async (date, opts) =>
        fetchOptional(
          PolarDailyActivitySchema,
          apiUrl(`/v3/users/activities/${requireDate(date, "date")}`, activityQuery(opts)),
          "daily activity",
          false,
        ),

      async getContinuousHeartRateRange(from, to) {
        const url = apiUrl("/v3/users/continuous-heart-rate", { from: requireDate(from, "from"), to: requireDate(to, "to") });
        const response = await get(url);
        const body = response.body;
        if (body === undefined) return createEmptyLenient();
        // Live responses wrap days in `heart_rates` (U9); the spec shows one day object; accept a bare array too.
        if (Array.isArray(body)) return validateEach(PolarContinuousHeartRateDaySchema, body, "");
        const wrapped = readField(body, "heart_rates");
        if (wrapped !== undefined) {
          const days = requireArray(wrapped, response, "continuous heart-rate range", "heart_rates");
          return validateEach(PolarContinuousHeartRateDaySchema, days, "heart_rates");
        }
        const single = validateEach(PolarContinuousHeartRateDaySchema, [body], "");
        return { items: single.items, invalid: single.invalid.map((entry) => ({ ...entry, path: entry.path.replace(/^0\.?/, "") })) };
      },

      getContinuousHeartRateDay: async (date) =>
        fetchOptional(
          PolarContinuousHeartRateDaySchema,
          apiUrl(`/v3/users/continuous-heart-rate/${requireDate(date, "date")}`),
          "continuous heart rate",
          true,
        ),

      listCardioLoad: async (from, to) =>
        fetchList(
          PolarCardioLoadDaySchema,
          apiUrl("/v3/users/cardio-load/date", { from: requireDate(from, "from"), to: requireDate(to, "to") }),
          "",
          "cardio load",
        ),

      listSleep: async () => fetchList(PolarSleepSchema, apiUrl("/v3/users/sleep"), "nights", "sleep list"),

      getSleep: async (date) =>
        fetchOptional(PolarSleepSchema, apiUrl(`/v3/users/sleep/${requireDate(date, "date")}`), "sleep", true),

      listSleepAvailable: async () =>
        fetchList(PolarSleepAvailableSchema, apiUrl("/v3/users/sleep/available"), "available", "available sleep"),

      listNightlyRecharge: async () =>
        fetchList(PolarNightlyRechargeSchema, apiUrl("/v3/users/nightly-recharge"), "recharges", "nightly recharge list"),

      getNightlyRecharge: async (date) =>
        fetchOptional(
          PolarNightlyRechargeSchema,
          apiUrl(`/v3/users/nightly-recharge/${requireDate(date, "date")}`),
          "nightly recharge",
          true,
        ),

      getPhysicalInfoCurrent: async () =>
        fetchOptional(PolarPhysicalInfoV2Schema, apiUrl("/v3/users/physical-info"), "physical info", true),
    };
  }

  return { exchangeCode, listNotifications, webhooks, forUser };
}
