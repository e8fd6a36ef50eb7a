import { describe, expect, it } from "vitest";
import { computeBackoffMs, createPolarClient, createRateGovernor, PolarError, type PolarClientOptions } from "@/lib/polar";
import token from "@/tests/fixtures/polar/token.json";
import user from "@/tests/fixtures/polar/user.json";
import { createFakeClock, createFakeFetch, rateLimitHeaders, type FakeHandler } from "./fake-fetch";

const API = "https://www.polaraccesslink.com";
const TOKEN_URL = "https://polarremote.com/v2/oauth2/token";
const CLIENT_ID = "3f9d2c61-7a0e-4c1b-9e55-0b7d8a2f4c10";
const CLIENT_SECRET = "s3cr3t-Th1s-Is-N0t-Real";
const BASIC = "M2Y5ZDJjNjEtN2EwZS00YzFiLTllNTUtMGI3ZDhhMmY0YzEwOnMzY3IzdC1UaDFzLUlzLU4wdC1SZWFs";
const ACCESS_TOKEN = "9b1f0c5ad2e84c7fa3d61b0e27c94f58";
const USER_ID = 48213977;

function setup(handler: FakeHandler, overrides: Partial<PolarClientOptions> = {}) {
  const clock = createFakeClock(Date.UTC(2024, 4, 2, 12));
  const fake = createFakeFetch(handler);
  const governor = createRateGovernor({ now: clock.now, sleep: clock.sleep });
  const client = createPolarClient({
    apiBaseUrl: API,
    tokenUrl: TOKEN_URL,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    fetch: fake.fetch,
    governor,
    sleep: clock.sleep,
    random: () => 0,
    ...overrides,
  });
  return { client, user: client.forUser(USER_ID, ACCESS_TOKEN), calls: fake.calls, clock, governor };
}

async function catchError(promise: Promise<unknown>): Promise<PolarError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PolarError) return error;
    throw error;
  }
  throw new Error("expected a PolarError");
}

describe("request basics", () => {
  it("sends Accept: application/json and the Bearer token on user calls", async () => {
    const { user: polarUser, calls } = setup(() => ({ status: 200, json: user }));
    await polarUser.getUser();
    expect(calls[0].url).toBe(`${API}/v3/users/${USER_ID}`);
    expect(calls[0].headers.get("Accept")).toBe("application/json");
    expect(calls[0].headers.get("Authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
  });

  it("sends HTTP Basic client credentials (the doc's example header) on notifications", async () => {
    const { client, calls } = setup(() => ({ status: 204 }));
    expect(await client.listNotifications()).toEqual([]);
    expect(calls[0].headers.get("Authorization")).toBe(`Basic ${BASIC}`);
  });

  it("never parses a 204 body", async () => {
    let textCalls = 0;
    const poisoned = {
      status: 204,
      ok: true,
      headers: new Headers(),
      text: async () => {
        textCalls += 1;
        throw new Error("a 204 body must not be read");
      },
      json: async () => {
        throw new Error("a 204 body must not be parsed");
      },
    };
    const client = createPolarClient({
      apiBaseUrl: API,
      tokenUrl: TOKEN_URL,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      fetch: (async () => poisoned) as unknown as typeof fetch,
      governor: createRateGovernor(),
    });
    expect(await client.forUser(USER_ID, ACCESS_TOKEN).getUser()).toBeNull();
    expect(await client.forUser(USER_ID, ACCESS_TOKEN).createTransaction("exercise")).toBeNull();
    expect(textCalls).toBe(0);
  });

  it("treats a 200 with an empty body as no body (commit PUT)", async () => {
    const { user: polarUser, calls } = setup(() => ({ status: 200, text: "" }));
    await polarUser.commitTransaction(`${API}/v3/users/${USER_ID}/exercise-transactions/3390112`);
    expect(calls[0].method).toBe("PUT");
  });

  it("a 2xx body that is not JSON is invalid_payload with the text as raw", async () => {
    const { user: polarUser } = setup(() => ({ status: 200, text: "<user><polar-user-id>1</polar-user-id></user>" }));
    const error = await catchError(polarUser.getUser());
    expect(error.code).toBe("invalid_payload");
    expect(error.raw).toBe("<user><polar-user-id>1</polar-user-id></user>");
  });

  it("does not follow redirects (the token must not travel elsewhere)", async () => {
    const { user: polarUser, calls } = setup(() => ({ status: 302, headers: { Location: "https://evil.example/" } }));
    const error = await catchError(polarUser.getUser());
    expect(error.code).toBe("upstream");
    expect(error.status).toBe(302);
    expect(calls).toHaveLength(1);
  });
});

describe("status → PolarError, no retries for 4xx", () => {
  it.each([
    [400, "bad_request"],
    [401, "unauthorized"],
    [403, "consent_required"],
    [404, "not_found"],
    [409, "conflict"],
    [405, "bad_request"],
  ] as const)("%d → %s after exactly one request", async (status, code) => {
    const { user: polarUser, calls, clock } = setup(() => ({ status }));
    const error = await catchError(polarUser.getUser());
    expect(error).toBeInstanceOf(PolarError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.url).toBe(`${API}/v3/users/${USER_ID}`);
    expect(calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("keeps the error body raw (wrapped snake_case webhook error)", async () => {
    const body = { error: { status: 400, error_type: "WebhookPingFailedException", message: "Ping failed" } };
    const { client } = setup(() => ({ status: 400, json: body }));
    const error = await catchError(client.webhooks.create({ url: "https://threshold.example.org/api/webhooks/polar", events: ["EXERCISE"] }));
    expect(error.code).toBe("bad_request");
    expect(error.raw).toEqual(body);
  });
});

describe("retries for 5xx and timeouts only", () => {
  it("retries 503 with exponential backoff and then succeeds", async () => {
    const { user: polarUser, calls, clock } = setup((_, index) => (index < 2 ? { status: 503 } : { status: 200, json: user }));
    const result = await polarUser.getUser();
    expect(result?.["polar-user-id"]).toBe(USER_ID);
    expect(calls).toHaveLength(3);
    // random() = 0 → half of base·2ⁿ: 250 ms, then 500 ms.
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it("gives up after maxRetries with upstream", async () => {
    const { user: polarUser, calls } = setup(() => ({ status: 500 }), { maxRetries: 3 });
    const error = await catchError(polarUser.getUser());
    expect(error.code).toBe("upstream");
    expect(error.status).toBe(500);
    expect(calls).toHaveLength(4);
  });

  it("aborts a hanging request after timeoutMs and retries it", async () => {
    const { user: polarUser, calls } = setup((_, index) => (index === 0 ? { hang: true } : { status: 200, json: user }), {
      timeoutMs: 20,
    });
    expect((await polarUser.getUser())?.["member-id"]).toBe("thr-7c41e09a");
    expect(calls).toHaveLength(2);
  });

  it("a request that keeps timing out ends as upstream with a timeout message", async () => {
    const { user: polarUser, calls } = setup(() => ({ hang: true }), { timeoutMs: 10, maxRetries: 1 });
    const error = await catchError(polarUser.getUser());
    expect(error.code).toBe("upstream");
    expect(error.status).toBeUndefined();
    expect(error.message).toContain("timed out after 10 ms");
    expect(calls).toHaveLength(2);
  });

  it("retries network failures", async () => {
    const { user: polarUser, calls } = setup((_, index) =>
      index === 0 ? { networkError: "connect ECONNREFUSED" } : { status: 200, json: user },
    );
    expect(await polarUser.getUser()).not.toBeNull();
    expect(calls).toHaveLength(2);
  });

  it("backoff grows exponentially, stays within [ceiling/2, ceiling] and is capped", () => {
    expect(computeBackoffMs(0, () => 0)).toBe(250);
    expect(computeBackoffMs(0, () => 0.999999)).toBe(500);
    expect(computeBackoffMs(3, () => 0.5)).toBe(3000);
    expect(computeBackoffMs(20, () => 0.999999)).toBe(15_000);
  });
});

describe("429", () => {
  it("waits out RateLimit-Reset (short window) through the governor, then retries", async () => {
    const callTimes: number[] = [];
    let clockNow = () => 0;
    const { user: polarUser, calls, clock } = setup((_, index) => {
      callTimes.push(clockNow());
      return index === 0
        ? { status: 429, headers: rateLimitHeaders([1001, 1500], [1000, 7500], [120, 60_000]) }
        : { status: 200, json: user, headers: rateLimitHeaders([1, 1501], [1000, 7500], [900, 59_880]) };
    });
    clockNow = clock.now;
    expect(await polarUser.getUser()).not.toBeNull();
    expect(calls).toHaveLength(2);
    expect(callTimes[1] - callTimes[0]).toBeGreaterThanOrEqual(120_000);
  });

  it("fails with rate_limited and resetAt when 429 persists", async () => {
    const { user: polarUser, calls, clock } = setup(
      () => ({ status: 429, headers: rateLimitHeaders([1001, 1500], [1000, 7500], [60, 60_000]) }),
      { maxRateLimitRetries: 1 },
    );
    const error = await catchError(polarUser.getUser());
    expect(error.code).toBe("rate_limited");
    expect(error.status).toBe(429);
    expect(error.resetAt).toBeGreaterThanOrEqual(clock.now() + 60_000);
    expect(calls).toHaveLength(2);
  });

  it("does not sleep through an exhausted 24-hour window", async () => {
    const { user: polarUser, calls, clock } = setup(() => ({
      status: 429,
      headers: rateLimitHeaders([10, 7500], [1000, 7500], [300, 40_000]),
    }));
    const start = clock.now();
    const error = await catchError(polarUser.getUser());
    expect(error.code).toBe("rate_limited");
    expect(error.resetAt).toBeGreaterThanOrEqual(start + 40_000_000);
    expect(calls).toHaveLength(1);
    expect(clock.now()).toBe(start);
  });
});

describe("token endpoint", () => {
  it("posts the form with Basic auth and the echoed redirect_uri", async () => {
    const { client, calls } = setup(() => ({ status: 200, json: token }));
    const grant = await client.exchangeCode("a41c77d0e3b94f1a8a0c5d2e6f719b38", "http://localhost:3000/api/auth/callback/polar");
    expect(grant).toEqual({ accessToken: ACCESS_TOKEN, userId: USER_ID, expiresIn: 31_535_999 });
    expect(calls[0].url).toBe(TOKEN_URL);
    expect(calls[0].method).toBe("POST");
    expect(calls[0].headers.get("Authorization")).toBe(`Basic ${BASIC}`);
    expect(calls[0].headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(calls[0].body);
    expect(form.get("grant_type")).toBe("authorization_code");
    expect(form.get("code")).toBe("a41c77d0e3b94f1a8a0c5d2e6f719b38");
    expect(form.get("redirect_uri")).toBe("http://localhost:3000/api/auth/callback/polar");
    expect(form.has("client_secret")).toBe(false);
  });

  it("omits redirect_uri when none was sent to the authorization page", async () => {
    const { client, calls } = setup(() => ({ status: 200, json: token }));
    await client.exchangeCode("code-1", undefined);
    expect(new URLSearchParams(calls[0].body).has("redirect_uri")).toBe(false);
  });

  it("400 {error} → oauth with oauthError", async () => {
    const { client } = setup(() => ({ status: 400, json: { error: "invalid_grant" } }));
    const error = await catchError(client.exchangeCode("code-1", undefined));
    expect(error.code).toBe("oauth");
    expect(error.oauthError).toBe("invalid_grant");
    expect(error.status).toBe(400);
  });

  it("never retries the single-use code on 5xx or timeout", async () => {
    const failing = setup(() => ({ status: 502 }));
    expect((await catchError(failing.client.exchangeCode("code-1", undefined))).code).toBe("upstream");
    expect(failing.calls).toHaveLength(1);
    const hanging = setup(() => ({ hang: true }), { timeoutMs: 10 });
    expect((await catchError(hanging.client.exchangeCode("code-1", undefined))).code).toBe("upstream");
    expect(hanging.calls).toHaveLength(1);
  });
});

describe("secrets never appear in errors", () => {
  const secrets = [ACCESS_TOKEN, CLIENT_SECRET, BASIC];

  function assertClean(error: PolarError): void {
    const surfaces = [error.message, String(error), error.stack ?? "", error.url ?? "", JSON.stringify(error.raw ?? null)];
    for (const surface of surfaces) {
      for (const secret of secrets) expect(surface).not.toContain(secret);
    }
  }

  it.each([400, 401, 403, 404, 409, 429, 500])("status %d", async (status) => {
    const { user: polarUser } = setup(() => ({ status, text: "" }), { maxRetries: 0, maxRateLimitRetries: 0 });
    assertClean(await catchError(polarUser.getUser()));
  });

  it("timeouts and network errors", async () => {
    assertClean(await catchError(setup(() => ({ hang: true }), { timeoutMs: 5, maxRetries: 0 }).user.getUser()));
    assertClean(await catchError(setup(() => ({ networkError: "boom" }), { maxRetries: 0 }).user.getUser()));
  });

  it("a malformed token response redacts access_token from raw", async () => {
    const { client } = setup(() => ({ status: 200, json: { ...token, x_user_id: "48213977" } }));
    const error = await catchError(client.exchangeCode("code-1", undefined));
    expect(error.code).toBe("invalid_payload");
    expect(error.path).toBe("x_user_id");
    expect((error.raw as Record<string, unknown>).access_token).toBe("[redacted]");
    assertClean(error);
  });

  it("token endpoint errors", async () => {
    const { client } = setup(() => ({ status: 401, json: { error: "invalid_client" } }));
    const error = await catchError(client.exchangeCode("code-1", "http://localhost:3000/api/auth/callback/polar"));
    expect(error.code).toBe("oauth");
    expect(error.oauthError).toBe("invalid_client");
    assertClean(error);
  });

  it("a malformed webhook create response redacts the signature secret", async () => {
    const secret = "6c1f0d7e-4b2a-11ef-9d3c-0242ac120002";
    const { client } = setup(() => ({ status: 201, json: { data: { id: 7, events: [], url: "u", signature_secret_key: secret } } }));
    const error = await catchError(client.webhooks.create({ url: "https://threshold.example.org/hook", events: ["SLEEP"] }));
    expect(error.code).toBe("invalid_payload");
    expect(error.path).toBe("data.id");
    expect(JSON.stringify(error.raw)).not.toContain(secret);
    expect(error.message).not.toContain(secret);
  });
});
