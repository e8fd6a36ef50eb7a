import { describe, expect, it } from "vitest";
import type { Sim } from "./helpers";
import { DAY_MS, callApi, connectAthlete, issueToken, postAdmin, withTestSimulator } from "./helpers";

/** §13 "Users" and the 401/403 rules of every Bearer route. */

let sim: Sim;
withTestSimulator((started) => (sim = started));

function register(token: string, memberId: string): Promise<Response> {
  return callApi(sim, token, "/v3/users", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ "member-id": memberId }),
  });
}

/** One representative of every Bearer route family. */
const BEARER_ROUTES = [
  ["POST", "/v3/users"],
  ["GET", "/v3/users/48213977"],
  ["POST", "/v3/users/48213977/exercise-transactions"],
  ["POST", "/v3/users/48213977/activity-transactions"],
  ["POST", "/v3/users/48213977/physical-information-transactions"],
  ["GET", "/v3/users/48213977/exercise-transactions/3390001"],
  ["GET", "/v3/exercises"],
  ["GET", "/v3/exercises/abc"],
  ["GET", "/v3/users/activities"],
  ["GET", "/v3/users/activities/samples/2026-01-05"],
  ["GET", "/v3/users/continuous-heart-rate/2026-01-05"],
  ["GET", "/v3/users/cardio-load/"],
  ["GET", "/v3/users/sleep"],
  ["GET", "/v3/users/nightly-recharge/2026-01-05"],
  ["GET", "/v3/users/sleepwise/alertness"],
  ["GET", "/v3/users/biosensing/spo2"],
  ["GET", "/v3/users/physical-info"],
] as const;

describe("registration", () => {
  it("answers 200 with the kebab-case user object built from the profile, then 409", async () => {
    const { token } = await issueToken(sim, "aino");
    const first = await register(token, "thr-1");
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      "polar-user-id": 48213977,
      "member-id": "thr-1",
      "registration-date": "2026-01-05T06:00:00.000Z",
      "first-name": "Aino",
      "last-name": "Virtanen",
      birthdate: "1992-03-14",
      gender: "FEMALE",
      weight: 61.5,
      height: 168,
      "extra-info": null,
    });
    expect((await register(token, "thr-1")).status).toBe(409);
    expect((await register(token, "thr-other")).status).toBe(409);
    const mikko = await issueToken(sim, "mikko");
    expect((await register(mikko.token, "thr-1")).status).toBe(409);
    expect((await register(mikko.token, "thr-2")).status).toBe(200);
  });

  it("rejects malformed JSON and a missing member-id with 400", async () => {
    const { token } = await issueToken(sim, "aino");
    const broken = await callApi(sim, token, "/v3/users", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(broken.status).toBe(400);
    expect((await callApi(sim, token, "/v3/users", { method: "POST", body: "{}" })).status).toBe(400);
  });

  it("GET answers the user once registered, 204 before", async () => {
    const { token } = await issueToken(sim, "aino");
    expect((await callApi(sim, token, "/v3/users/48213977")).status).toBe(204);
    await register(token, "m");
    const user = (await (await callApi(sim, token, "/v3/users/48213977")).json()) as Record<string, unknown>;
    expect(user["polar-user-id"]).toBe(48213977);
  });
});

describe("tokens and consents", () => {
  it("answers 401 on every Bearer route for a missing, unknown or revoked token", async () => {
    const { token } = await connectAthlete(sim, "aino");
    await postAdmin(sim, "/athletes/48213977/revoke");
    for (const [method, path] of BEARER_ROUTES) {
      for (const candidate of [null, "0123456789abcdef0123456789abcdef", token]) {
        const response = await callApi(sim, candidate, path, { method, body: method === "POST" ? "{}" : undefined });
        expect(`${method} ${path} ${response.status}`).toBe(`${method} ${path} 401`);
      }
    }
  });

  it("keeps the athlete who starts revoked at 401 even right after the token is issued", async () => {
    const { token } = await issueToken(sim, "sofia");
    expect((await register(token, "s")).status).toBe(401);
    const athletes = (await (await fetch(`${sim.url}/__admin/athletes`)).json()) as { login: string; revoked: boolean; consents: boolean }[];
    expect(athletes.find((a) => a.login === "sofia")).toMatchObject({ revoked: true });
    expect(athletes.find((a) => a.login === "kenji")).toMatchObject({ consents: false, revoked: false });
  });

  it("answers 403 on data routes for an athlete without consents, until consents are granted", async () => {
    const { token } = await issueToken(sim, "kenji");
    expect((await register(token, "k")).status).toBe(403);
    await postAdmin(sim, "/athletes/42870351/consents", { granted: true });
    expect((await register(token, "k")).status).toBe(200);
    await postAdmin(sim, "/athletes/42870351/consents", { granted: false });
    for (const [method, path] of BEARER_ROUTES.filter(([, p]) => !p.includes("48213977"))) {
      const response = await callApi(sim, token, path, { method, body: method === "POST" ? "{}" : undefined });
      expect(`${method} ${path} ${response.status}`).toBe(`${method} ${path} 403`);
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    }
  });

  it("never yields another athlete's data with a token (U24: 403 by default, switchable)", async () => {
    const aino = await connectAthlete(sim, "aino");
    await connectAthlete(sim, "mikko");
    expect((await callApi(sim, aino.token, "/v3/users/51730442")).status).toBe(403);
    expect((await callApi(sim, aino.token, "/v3/users/51730442/exercise-transactions", { method: "POST" })).status).toBe(403);
    await postAdmin(sim, "/switches", { foreignUserStatus: 404 });
    expect((await callApi(sim, aino.token, "/v3/users/51730442")).status).toBe(404);
  });

  it("reconnects an athlete revoked through admin when they authorize again", async () => {
    const first = await connectAthlete(sim, "aino");
    await postAdmin(sim, "/athletes/48213977/revoke");
    const again = await issueToken(sim, "aino");
    expect((await callApi(sim, first.token, "/v3/users/48213977")).status).toBe(401);
    expect((await callApi(sim, again.token, "/v3/users/48213977")).status).toBe(200);
  });
});

describe("de-registration", () => {
  it("answers 204, revokes the token, stops offering data; a second DELETE is 401 (U21)", async () => {
    const { token } = await connectAthlete(sim, "aino");
    sim.clock.advance(3 * DAY_MS);
    const sessions = (await (await callApi(sim, token, "/v3/exercises")).json()) as unknown[];
    expect(sessions.length).toBeGreaterThan(0);
    const deleted = await callApi(sim, token, "/v3/users/48213977", { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect((await callApi(sim, token, "/v3/exercises")).status).toBe(401);
    expect((await callApi(sim, token, "/v3/users/48213977", { method: "DELETE" })).status).toBe(401);
    // A new token without a new registration sees nothing.
    const fresh = await issueToken(sim, "aino");
    expect(await (await callApi(sim, fresh.token, "/v3/exercises")).json()).toEqual([]);
    expect((await callApi(sim, fresh.token, "/v3/users/48213977/exercise-transactions", { method: "POST" })).status).toBe(204);
    const athletes = (await (await fetch(`${sim.url}/__admin/athletes`)).json()) as { login: string; registered: boolean }[];
    expect(athletes.find((a) => a.login === "aino")?.registered).toBe(false);
  });

  it("answers a second DELETE per switch U21", async () => {
    await postAdmin(sim, "/switches", { deleteTwice: "404" });
    const { token } = await connectAthlete(sim, "aino");
    expect((await callApi(sim, token, "/v3/users/48213977", { method: "DELETE" })).status).toBe(204);
    expect((await callApi(sim, token, "/v3/users/48213977", { method: "DELETE" })).status).toBe(404);
  });

  it("offers only data uploaded after registration", async () => {
    // Register on day 5: sessions of days 0-4 were uploaded before and are never offered.
    sim.clock.advance(5 * DAY_MS);
    const registeredAt = sim.clock.now();
    const { token, userId } = await connectAthlete(sim, "aino");
    const before = sim.dataset.athlete(userId)?.uploadsBetween(0, registeredAt).filter((u) => u.kind === "exercise") ?? [];
    expect(before.length).toBeGreaterThan(0);
    expect(await (await callApi(sim, token, "/v3/exercises")).json()).toEqual([]);
    expect((await callApi(sim, token, `/v3/users/${userId}/exercise-transactions`, { method: "POST" })).status).toBe(204);
    // Day-keyed resources start at the local registration date (U18): the night ending that morning, nothing older.
    const { nights } = (await (await callApi(sim, token, "/v3/users/sleep")).json()) as { nights: { date: string }[] };
    expect(nights.map((night) => night.date)).toEqual(["2026-01-10"]);
    sim.clock.advance(2 * DAY_MS);
    const after = sim.dataset.athlete(userId)?.uploadsBetween(registeredAt, sim.clock.now() + 1).filter((u) => u.kind === "exercise") ?? [];
    const listed = (await (await callApi(sim, token, "/v3/exercises")).json()) as { id: string }[];
    expect(listed.map((e) => e.id)).toEqual(after.map((u) => (u.kind === "exercise" ? u.hashedId : "")));
  });
});
