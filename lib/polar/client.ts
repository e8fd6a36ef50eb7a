import type { z } from "zod";
import { PolarError, sanitizeUrl } from "./errors";
import { sendPolarRequest, type HttpDeps, type HttpMethod, type PolarAuth, type PolarResponse } from "./http";
import { defaultRateGovernor } from "./rate-governor";
import { PolarActivitySummarySchema, PolarActivityStepSamplesSchema, PolarActivityZoneSamplesSchema, PolarDailyActivitySchema } from "./schemas/activity";
import { PolarCardioLoadDaySchema } from "./schemas/cardio-load";
import { PolarContinuousHeartRateDaySchema } from "./schemas/continuous-heart-rate";
import { PolarExerciseSampleListSchema, PolarExerciseSampleSchema, PolarExerciseSchema, PolarExerciseV2Schema, PolarExerciseZonesSchema } from "./schemas/exercise";
import { PolarNightlyRechargeSchema } from "./schemas/nightly-recharge";
import { PolarNotificationListSchema, type PolarNotification } from "./schemas/notifications";
import { PolarTokenResponseSchema } from "./schemas/oauth";
import { PolarPhysicalInfoSchema, PolarPhysicalInfoV2Schema } from "./schemas/physical-info";
import { PolarSleepAvailableSchema, PolarSleepSchema } from "./schemas/sleep";
import { PolarActivityTransactionListSchema, PolarExerciseTransactionListSchema, PolarPhysicalInfoTransactionListSchema, PolarTransactionLocationSchema } from "./schemas/transactions";
import { PolarUserSchema } from "./schemas/user";
import { PolarWebhookCreatedSchema, PolarWebhookListSchema } from "./schemas/webhooks";
import type { DailyActivityQueryOptions, ExerciseQueryOptions, Fetched, Lenient, PolarClient, PolarClientOptions, PolarTokenGrant, PolarUserClient } from "./client-types";
import { checkEach, createEmptyLenient, createNoDataError, isNotFound, readField, requireArray, requireDate, validateEach, validateOne } from "./validate";

/**
 * The AccessLink v3 client: `createPolarClient` builds the requests and validates every answer. Its types live in
 * client-types.ts, the per-payload validation helpers in validate.ts.
 */
export * from "./client-types";

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
