import { describe, expect, it } from "vitest";
import { createPolarClient, createRateGovernor, defaultRateGovernor, PolarError } from "@/lib/polar";
import user from "@/tests/fixtures/polar/user.json";
import { createFakeClock, createFakeFetch, rateLimitHeaders } from "./fake-fetch";

const T0 = Date.UTC(2024, 4, 2, 12);

function headers(record: Record<string, string>): Headers {
  return new Headers(record);
}

/** A sleep that stays pending until the test releases it, so waiting callers can be observed. */
function createManualSleep() {
  const pending: { ms: number; release: () => void }[] = [];
  return {
    pending,
    sleep: (ms: number) => new Promise<void>((resolve) => pending.push({ ms, release: resolve })),
  };
}

describe("createRateGovernor", () => {
  it("lets requests through while nothing is known", async () => {
    const clock = createFakeClock(T0);
    const governor = createRateGovernor({ now: clock.now, sleep: clock.sleep });
    await governor.acquire();
    await governor.acquire();
    expect(clock.sleeps).toEqual([]);
    expect(governor.snapshot().inFlight).toBe(2);
  });

  it("parses the three headers (short window first) into the snapshot", async () => {
    const clock = createFakeClock(T0);
    const governor = createRateGovernor({ now: clock.now, sleep: clock.sleep });
    await governor.acquire();
    governor.update(headers(rateLimitHeaders([37, 1204], [1000, 7500], [514, 60_233])), 200);
    expect(governor.snapshot()).toEqual({
      short: { usage: 37, limit: 1000, resetAt: T0 + 514_000 },
      long: { usage: 1204, limit: 7500, resetAt: T0 + 60_233_000 },
      inFlight: 0,
      waiting: 0,
      blockedUntil: null,
      headroom: 0.1,
      rateLimitedCount: 0,
    });
  });

  it("waits for the 15-minute reset once usage reaches limit × (1 − headroom)", async () => {
    const clock = createFakeClock(T0);
    const governor = createRateGovernor({ now: clock.now, sleep: clock.sleep });
    await governor.acquire();
    governor.update(headers(rateLimitHeaders([899, 2000], [1000, 7500], [300, 50_000])), 200);
    await governor.acquire();
    expect(clock.sleeps).toEqual([]);
    governor.update(headers(rateLimitHeaders([900, 2001], [1000, 7500], [299, 49_999])), 200);
    await governor.acquire();
    // 299 s until the reset plus one second of slack for Polar's whole-second rounding.
    expect(clock.sleeps).toEqual([300_000]);
    expect(clock.now()).toBe(T0 + 300_000);
    expect(governor.snapshot().short.usage).toBe(0);
  });

  it("a saturated window without RateLimit-Reset waits one full window, then rolls over", async () => {
    const clock = createFakeClock(T0);
    const governor = createRateGovernor({ now: clock.now, sleep: clock.sleep });
    await governor.acquire();
    governor.update(headers({ "RateLimit-Usage": "950, 950", "RateLimit-Limit": "1000, 7500" }), 200);
    await governor.acquire();
    expect(clock.sleeps).toEqual([901_000]);
    expect(governor.snapshot().short.usage).toBe(0);
  });

  it("counts requests in flight against the headroom", async () => {
    const clock = createFakeClock(T0);
    const manual = createManualSleep();
    const governor = createRateGovernor({ now: clock.now, sleep: manual.sleep });
    await governor.acquire();
    governor.update(headers(rateLimitHeaders([85, 100], [100, 7500], [600, 50_000])), 200);
    for (let i = 0; i < 5; i += 1) await governor.acquire();
    let sixthDone = false;
    const sixth = governor.acquire().then(() => {
      sixthDone = true;
    });
    await Promise.resolve();
    expect(governor.snapshot().inFlight).toBe(5);
    expect(governor.snapshot().waiting).toBe(1);
    expect(manual.pending.map((entry) => entry.ms)).toEqual([601_000]);
    expect(sixthDone).toBe(false);
    clock.advance(601_000);
    manual.pending[0].release();
    await sixth;
    expect(sixthDone).toBe(true);
  });

  it("after a 429 every caller waits for the reported reset", async () => {
    const clock = createFakeClock(T0);
    const manual = createManualSleep();
    const governor = createRateGovernor({ now: clock.now, sleep: manual.sleep });
    await governor.acquire();
    governor.update(headers(rateLimitHeaders([12, 300], [1000, 7500], [60, 50_000])), 429);
    expect(governor.snapshot().blockedUntil).toBe(T0 + 61_000);
    expect(governor.snapshot().rateLimitedCount).toBe(1);
    const waiters = [governor.acquire(), governor.acquire(), governor.acquire()];
    await Promise.resolve();
    expect(governor.snapshot().waiting).toBe(3);
    expect(manual.pending.map((entry) => entry.ms)).toEqual([61_000, 61_000, 61_000]);
    clock.advance(61_000);
    for (const entry of manual.pending) entry.release();
    await Promise.all(waiters);
    expect(governor.snapshot().blockedUntil).toBeNull();
  });

  it("uses Retry-After, then one minute, when a 429 carries no RateLimit headers", () => {
    const clock = createFakeClock(T0);
    const governor = createRateGovernor({ now: clock.now, sleep: clock.sleep });
    expect(governor.resetAtFor(headers({ "Retry-After": "30" }))).toBe(T0 + 30_000);
    expect(governor.resetAtFor(headers({}))).toBe(T0 + 60_000);
  });

  it("throws rate_limited instead of sleeping through the 24-hour window", async () => {
    const clock = createFakeClock(T0);
    const governor = createRateGovernor({ now: clock.now, sleep: clock.sleep });
    await governor.acquire();
    governor.update(headers(rateLimitHeaders([5, 6750], [1000, 7500], [800, 36_000])), 200);
    const error = await governor.acquire().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PolarError);
    expect((error as PolarError).code).toBe("rate_limited");
    expect((error as PolarError).resetAt).toBe(T0 + 36_001_000);
    expect(clock.sleeps).toEqual([]);
  });

  it("abandon releases an in-flight slot", async () => {
    const governor = createRateGovernor();
    await governor.acquire();
    governor.abandon();
    expect(governor.snapshot().inFlight).toBe(0);
  });

  it("validates headroom and exports a process-wide default", () => {
    expect(() => createRateGovernor({ headroom: 1 })).toThrow(RangeError);
    expect(() => createRateGovernor({ headroom: -0.1 })).toThrow(RangeError);
    expect(defaultRateGovernor.snapshot().headroom).toBe(0.1);
  });
});

describe("governor in front of the client", () => {
  it("issues no request above the headroom until the window resets", async () => {
    const clock = createFakeClock(T0);
    const limit = 100;
    let windowStart = T0;
    let used = 0;
    const issuedAt: number[] = [];
    const fake = createFakeFetch(() => {
      const now = clock.now();
      if (now >= windowStart + 900_000) {
        windowStart = now;
        used = 0;
      }
      used += 1;
      issuedAt.push(now);
      const resetSeconds = Math.ceil((windowStart + 900_000 - now) / 1000);
      return { status: 200, json: user, headers: rateLimitHeaders([used, used], [limit, 7500], [resetSeconds, 80_000]) };
    });
    const governor = createRateGovernor({ now: clock.now, sleep: clock.sleep });
    const client = createPolarClient({
      apiBaseUrl: "https://www.polaraccesslink.com",
      tokenUrl: "https://polarremote.com/v2/oauth2/token",
      clientId: "id",
      clientSecret: "secret",
      fetch: fake.fetch,
      governor,
      sleep: clock.sleep,
    }).forUser(48213977, "token");

    for (let i = 0; i < 120; i += 1) await client.getUser();

    const inFirstWindow = issuedAt.filter((at) => at < T0 + 900_000).length;
    expect(inFirstWindow).toBe(90);
    expect(issuedAt).toHaveLength(120);
    expect(Math.min(...issuedAt.slice(90))).toBeGreaterThanOrEqual(T0 + 900_000);
    expect(clock.sleeps).toHaveLength(1);
  });
});
