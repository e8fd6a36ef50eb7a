import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Sim } from "./helpers";
import { DAY_MS, basicHeader, callApi, connectAthlete, issueToken, postAdmin, startTestSimulator, withTestSimulator } from "./helpers";

/** §13 "Rate limits and faults" and "Control": limits, faults, clock, admin API, robustness, determinism. */

let sim: Sim;
withTestSimulator((started) => (sim = started));

function rateHeaders(response: Response): [string | null, string | null, string | null] {
  return [response.headers.get("ratelimit-usage"), response.headers.get("ratelimit-limit"), response.headers.get("ratelimit-reset")];
}

describe("rate limits", () => {
  it("reports the three headers, two values each, on every response", async () => {
    const { token } = await issueToken(sim, "aino");
    const responses = [
      await callApi(sim, token, "/v3/users/48213977"),
      await callApi(sim, null, "/v3/exercises"),
      await callApi(sim, token, "/v3/nothing-here"),
      await fetch(`${sim.url}/oauth2/authorization?response_type=code&client_id=threshold-demo`),
      await fetch(`${sim.url}/__admin/clock`),
      await fetch(`${sim.url}/v3/notifications`, { headers: { authorization: basicHeader() } }),
    ];
    for (const response of responses) {
      for (const value of rateHeaders(response)) expect(value).toMatch(/^\d+, \d+$/);
    }
  });

  it("uses fixed windows from the first request and limits of 500+20n / 5000+100n", async () => {
    const { token } = await issueToken(sim, "aino");
    const first = await callApi(sim, token, "/v3/users/48213977");
    // The token exchange itself was the first metered request (Basic shares the client's counters).
    expect(rateHeaders(first)).toEqual(["2, 2", "500, 5000", "900, 86400"]);
    sim.clock.advance(100_000);
    expect(rateHeaders(await callApi(sim, token, "/v3/users/48213977"))).toEqual(["3, 3", "500, 5000", "800, 86300"]);
    sim.clock.advance(800_000);
    expect(rateHeaders(await callApi(sim, token, "/v3/users/48213977"))).toEqual(["1, 4", "500, 5000", "900, 85500"]);
    await connectAthlete(sim, "mikko");
    await connectAthlete(sim, "aino");
    const limits = (await callApi(sim, token, "/v3/users/48213977")).headers.get("ratelimit-limit");
    expect(limits).toBe("540, 5200");
  });

  it("answers 429 with an empty body when a window is exhausted; refused requests still count in the long window", async () => {
    await postAdmin(sim, "/switches", { rateLimitShortBase: 3, rateLimitShortPerUser: 0 });
    const { token } = await issueToken(sim, "aino");
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 4; i++) {
      last = await callApi(sim, token, "/v3/users/48213977");
      statuses.push(last.status);
    }
    expect(statuses).toEqual([204, 204, 429, 429]);
    if (!last) throw new Error("no response");
    expect(await last.text()).toBe("");
    expect(last.headers.get("retry-after")).toBeNull();
    expect(rateHeaders(last)).toEqual(["5, 5", "3, 5000", "900, 86400"]);
    sim.clock.advance(900_000);
    const fresh = await callApi(sim, token, "/v3/users/48213977");
    expect(fresh.status).toBe(204);
    expect(fresh.headers.get("ratelimit-usage")).toBe("1, 6");

    await postAdmin(sim, "/switches", { rateLimitShortBase: 500, rateLimitLongBase: 7, rateLimitLongPerUser: 0, retryAfter: true });
    const seventh = await callApi(sim, token, "/v3/users/48213977");
    expect(seventh.status).toBe(204);
    const overLong = await callApi(sim, token, "/v3/users/48213977");
    expect(overLong.status).toBe(429);
    expect(overLong.headers.get("retry-after")).toBe("85500");
  });
});

describe("faults", () => {
  it("delays, fails a seeded fraction with 5xx, bursts 429s, and clears", async () => {
    const { token } = await connectAthlete(sim, "aino");
    await postAdmin(sim, "/faults", { burst429: 2 });
    const burst = [];
    for (let i = 0; i < 3; i++) burst.push((await callApi(sim, token, "/v3/users/48213977")).status);
    expect(burst).toEqual([429, 429, 200]);

    const runErrors = async (): Promise<number[]> => {
      await postAdmin(sim, "/faults", { errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await callApi(sim, token, "/v3/users/48213977")).status);
      await fetch(`${sim.url}/__admin/faults`, { method: "DELETE" });
      return statuses;
    };
    const statuses = await runErrors();
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect((await callApi(sim, token, "/v3/users/48213977")).status).toBe(200);

    // The same seed replays the same failures.
    await postAdmin(sim, "/reset");
    const again = await connectAthlete(sim, "aino");
    const replay: number[] = [];
    await postAdmin(sim, "/faults", { errorRate: 0.5 });
    for (let i = 0; i < 30; i++) replay.push((await callApi(sim, again.token, "/v3/users/48213977")).status);
    expect(replay).toEqual(statuses);

    await postAdmin(sim, "/faults", { errorRate: 0, latencyMs: 40 });
    const started = performance.now();
    expect((await callApi(sim, again.token, "/v3/users/48213977")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });

  it("serves exactly one malformed exercise, in both exercise APIs", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(4 * DAY_MS);
    await postAdmin(sim, "/faults", { malformed: { userId, kind: "exercise" } });
    const sessions = (await (await callApi(sim, token, "/v3/exercises")).json()) as { id: string; duration: unknown }[];
    const bad = sessions.filter((s) => typeof s.duration !== "string");
    expect(bad).toHaveLength(1);
    expect(bad[0].duration).toBe(12);
    const created = (await (await callApi(sim, token, `/v3/users/${userId}/exercise-transactions`, { method: "POST" })).json()) as {
      "resource-uri": string;
    };
    const list = (await (await fetch(created["resource-uri"], { headers: { authorization: `Bearer ${token}` } })).json()) as { exercises: string[] };
    const items = await Promise.all(
      list.exercises.map(async (url) => (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { duration: unknown }),
    );
    expect(items.filter((item) => item.duration === 12)).toHaveLength(1);
    await postAdmin(sim, "/faults", { malformed: { userId, kind: "sleep" } });
    const nights = ((await (await callApi(sim, token, "/v3/users/sleep")).json()) as { nights: { sleep_score: unknown }[] }).nights;
    expect(nights.filter((n) => n.sleep_score === "high")).toHaveLength(1);
    await fetch(`${sim.url}/__admin/faults`, { method: "DELETE" });
    const clean = (await (await callApi(sim, token, "/v3/exercises")).json()) as { duration: unknown }[];
    expect(clean.every((s) => typeof s.duration === "string")).toBe(true);
  });
});

describe("clock and admin API", () => {
  it("reads, advances and sets the clock; running mode follows real time", async () => {
    expect(await (await fetch(`${sim.url}/__admin/clock`)).json()).toEqual({ now: "2026-01-05T06:00:00.000Z" });
    expect(await (await postAdmin(sim, "/clock/advance", { seconds: 90 })).json()).toEqual({ now: "2026-01-05T06:01:30.000Z" });
    expect(await (await postAdmin(sim, "/clock/set", { now: "2026-02-01T00:00:00Z" })).json()).toEqual({ now: "2026-02-01T00:00:00.000Z" });
    expect((await postAdmin(sim, "/clock/set", { now: "yesterday" })).status).toBe(400);
    const running = await startTestSimulator({ clockMode: "running", days: 30 });
    try {
      const before = running.clock.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(running.clock.now()).toBeGreaterThan(before);
    } finally {
      await running.close();
    }
  });

  it("lists athletes, logs API requests since a sequence number, exposes switches, and resets", async () => {
    const athletes = (await (await fetch(`${sim.url}/__admin/athletes`)).json()) as Record<string, unknown>[];
    expect(athletes.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(athletes[0]).sort()).toEqual(
      ["consents", "firstName", "lastName", "login", "registered", "registeredAt", "revoked", "story", "userId"].sort(),
    );
    const { token } = await connectAthlete(sim, "aino");
    const registered = ((await (await fetch(`${sim.url}/__admin/athletes`)).json()) as { login: string; registeredAt: string | null }[]).find(
      (a) => a.login === "aino",
    );
    expect(registered?.registeredAt).toBe("2026-01-05T06:00:00.000Z");
    const log = (await (await fetch(`${sim.url}/__admin/requests`)).json()) as { seq: number; path: string; status: number; userId?: number }[];
    expect(log.map((e) => `${e.status} ${e.path.split("?")[0]}`)).toEqual(["302 /oauth2/authorization", "200 /v2/oauth2/token", "200 /v3/users"]);
    expect(log[2].userId).toBe(48213977);
    await callApi(sim, token, "/v3/users/sleep?x=1");
    const since = (await (await fetch(`${sim.url}/__admin/requests?since=${log.length}`)).json()) as { path: string; method: string }[];
    expect(since).toEqual([expect.objectContaining({ method: "GET", path: "/v3/users/sleep?x=1" })]);

    await postAdmin(sim, "/switches", { transactionTtlSeconds: 0 });
    expect(((await (await fetch(`${sim.url}/__admin/switches`)).json()) as { transactionTtlSeconds: number }).transactionTtlSeconds).toBe(0);
    expect((await postAdmin(sim, "/switches", { noSuchSwitch: true })).status).toBe(400);
    sim.clock.advance(DAY_MS);
    await postAdmin(sim, "/reset");
    expect(((await (await fetch(`${sim.url}/__admin/switches`)).json()) as { transactionTtlSeconds: number }).transactionTtlSeconds).toBe(600);
    expect(await (await fetch(`${sim.url}/__admin/requests`)).json()).toEqual([]);
    expect(sim.clock.now()).toBe(Date.parse("2026-01-05T06:00:00Z"));
    expect((await callApi(sim, token, "/v3/users/48213977")).status).toBe(401);
  });
});

describe("switches of §12", () => {
  it("U4 token expiry, U7 spec error bodies, U9 range shape, U19 missing Accept, U23 gzipped TCX", async () => {
    const { token, userId } = await connectAthlete(sim, "mikko");
    sim.clock.advance(3 * DAY_MS);
    await postAdmin(sim, "/switches", {
      errorBodyShape: "spec",
      chrRangeShape: "spec",
      missingAccept: "406",
      tcxGzip: true,
      enforceTokenExpiry: true,
    });
    const missing = await callApi(sim, token, "/v3/exercises/NoSuch1");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 404, errorType: "NotFoundException", message: "Exercise not found" });
    const range = (await (await callApi(sim, token, "/v3/users/continuous-heart-rate?from=2026-01-05&to=2026-01-06")).json()) as Record<string, unknown>;
    expect(range).not.toHaveProperty("heart_rates");
    expect(range.date).toBe("2026-01-05");
    // fetch always sends `Accept: */*`; node:http sends no Accept unless told to.
    const http = await import("node:http");
    const bare = await new Promise<number>((resolve, reject) => {
      http
        .get(`${sim.url}/v3/exercises`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on("error", reject);
    });
    expect(bare).toBe(406);

    const created = (await (await callApi(sim, token, `/v3/users/${userId}/exercise-transactions`, { method: "POST" })).json()) as {
      "resource-uri": string;
    };
    const list = (await (await fetch(created["resource-uri"], { headers: { authorization: `Bearer ${token}`, accept: "*/*" } })).json()) as {
      exercises: string[];
    };
    const tcx = await fetch(`${list.exercises[0]}/tcx`, { headers: { authorization: `Bearer ${token}`, accept: "*/*" } });
    const bytes = Buffer.from(await tcx.arrayBuffer());
    // Every simulated session has a TCX; with the switch on, its bytes are gzip (magic 1f 8b) around the XML.
    expect(tcx.status).toBe(200);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(bytes).toString("utf8")).toContain("<TrainingCenterDatabase");

    sim.clock.advance(365 * DAY_MS);
    expect((await callApi(sim, token, "/v3/exercises")).status).toBe(401);
  });

  it("U15: unsigned PING and the X- header spelling", async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const http = await import("node:http");
    const server = http.createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on("end", () => res.end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    try {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      await postAdmin(sim, "/switches", { pingSigned: false, signatureHeader: "X-Polar-Webhook-Signature" });
      const created = await fetch(`${sim.url}/v3/webhooks`, {
        method: "POST",
        headers: { authorization: basicHeader(), "content-type": "application/json" },
        body: JSON.stringify({ events: ["EXERCISE"], url: `http://127.0.0.1:${port}/hook` }),
      });
      expect(created.status).toBe(201);
      expect(seen[0]["polar-webhook-signature"]).toBeUndefined();
      expect(seen[0]["x-polar-webhook-signature"]).toBeUndefined();
      const { userId } = await connectAthlete(sim, "aino");
      await postAdmin(sim, `/athletes/${userId}/upload`, { exercises: 1 });
      await sim.admin.waitForDeliveries();
      expect(seen[1]["polar-webhook-event"]).toBe("EXERCISE");
      expect(seen[1]["x-polar-webhook-signature"]).toMatch(/^[0-9a-f]{64}$/);
      expect(seen[1]["polar-webhook-signature"]).toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("robustness", () => {
  it("answers unknown paths 404, malformed input 400, and keeps serving", async () => {
    const { token } = await connectAthlete(sim, "aino");
    expect((await fetch(`${sim.url}/nothing`)).status).toBe(404);
    expect((await callApi(sim, token, "/v3/users/48213977/unknown-transactions")).status).toBe(404);
    expect((await callApi(sim, token, "/v3/users/whatever")).status).toBe(404);
    expect((await fetch(`${sim.url}/v3/users/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${sim.url}/__admin/clock/advance`, { method: "POST", body: "{" })).status).toBe(400);
    expect((await fetch(`${sim.url}/__admin/athletes/1/upload`, { method: "POST", body: "{}" })).status).toBe(404);
    expect((await callApi(sim, token, "/v3/users", { method: "POST", body: "[1,2" })).status).toBe(400);
    expect((await callApi(sim, token, "/v3/exercises", { method: "DELETE" })).status).toBe(405);
    expect((await callApi(sim, token, "/v3/users/48213977")).status).toBe(200);
  });
});

describe("determinism", () => {
  const script = async (target: Sim): Promise<string[]> => {
    const bodies: string[] = [];
    const record = async (response: Response): Promise<void> => {
      bodies.push(`${response.status} ${(await response.text()).split(target.url).join("<sim>")}`);
    };
    const { token, userId } = await connectAthlete(target, "priya");
    bodies.push(token);
    target.clock.advance(3 * DAY_MS);
    const created = await callApi(target, token, `/v3/users/${userId}/exercise-transactions`, { method: "POST" });
    const location = (await created.clone().json()) as { "resource-uri": string };
    await record(created);
    await record(await fetch(location["resource-uri"], { headers: { authorization: `Bearer ${token}` } }));
    await record(await callApi(target, token, "/v3/exercises?zones=true"));
    await record(await callApi(target, token, "/v3/users/sleep"));
    await record(await callApi(target, token, "/v3/users/cardio-load"));
    await record(await callApi(target, token, "/v3/users/activities?steps=true"));
    await record(await postAdmin(target, `/athletes/${userId}/upload`, { exercises: 2, sleep: true, activity: true }));
    await record(await callApi(target, token, "/v3/exercises"));
    return bodies;
  };

  it("gives byte-identical responses for the same seed, different ones for another seed", async () => {
    const [a, b, c] = await Promise.all([startTestSimulator({ seed: 7 }), startTestSimulator({ seed: 7 }), startTestSimulator({ seed: 8 })]);
    try {
      const [first, second, other] = [await script(a), await script(b), await script(c)];
      expect(second).toEqual(first);
      expect(first.join("").length).toBeGreaterThan(10_000);
      expect(other[0]).not.toBe(first[0]);
      expect(other).not.toEqual(first);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
