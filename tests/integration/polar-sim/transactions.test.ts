import { describe, expect, it } from "vitest";
import type { SimUpload } from "@/lib/polar-sim/contract";
import type { Sim } from "./helpers";
import { DAY_MS, basicHeader, callApi, connectAthlete, postAdmin, withTestSimulator } from "./helpers";

/** §13 "Transactions" and "Pull notifications". */

let sim: Sim;
withTestSimulator((started) => (sim = started));

type Location = { "transaction-id": number; "resource-uri": string };

async function openTransaction(token: string, userId: number, kind: string): Promise<Response> {
  return callApi(sim, token, `/v3/users/${userId}/${kind}-transactions`, { method: "POST" });
}

async function readJson<T>(response: Response): Promise<T> {
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as T;
}

function fetchUrl(token: string, url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
}

/** Ids the simulator should offer: uploaded after registration, within 30 days, visible now. */
function expectedIds(userId: number, registeredAt: number, kind: SimUpload["kind"], lookbackDays = 30): number[] {
  const now = sim.clock.now();
  const uploads = sim.dataset.athlete(userId)?.uploadsBetween(Math.max(registeredAt, now - lookbackDays * DAY_MS), now + 1) ?? [];
  return uploads.flatMap((u) => (u.kind === kind && "id" in u ? [u.id] : []));
}

const idOf = (url: string): number => Number(url.split("/").pop());

async function notifications(): Promise<Response> {
  return fetch(`${sim.url}/v3/notifications`, { headers: { authorization: basicHeader(), accept: "application/json" } });
}

describe("exercise transactions", () => {
  it("creates, lists absolute URLs, serves every sub-resource, commits; committed items never return", async () => {
    const registeredAt = sim.clock.now();
    const { token, userId } = await connectAthlete(sim, "aino");
    expect((await openTransaction(token, userId, "exercise")).status).toBe(204);
    sim.clock.advance(6 * DAY_MS);
    const created = await openTransaction(token, userId, "exercise");
    expect(created.status).toBe(201);
    const location = (await created.json()) as Location;
    expect(location["resource-uri"]).toBe(`${sim.url}/v3/users/${userId}/exercise-transactions/${location["transaction-id"]}`);

    const list = await readJson<{ exercises: string[] }>(await fetchUrl(token, location["resource-uri"]));
    expect(list.exercises.map(idOf)).toEqual(expectedIds(userId, registeredAt, "exercise"));
    expect(list.exercises.every((url) => url.startsWith(`${location["resource-uri"]}/exercises/`))).toBe(true);

    const athlete = sim.dataset.athlete(userId);
    const firstUrl = list.exercises[0];
    const firstId = idOf(firstUrl);
    const link = { apiBaseUrl: sim.url, transactionId: location["transaction-id"] };
    expect(await readJson(await fetchUrl(token, firstUrl))).toEqual(athlete?.exercise(firstId, link));
    expect(await readJson(await fetchUrl(token, `${firstUrl}/heart-rate-zones`))).toEqual(athlete?.exerciseHeartRateZones(firstId, link));
    const samples = await readJson<{ samples: string[] }>(await fetchUrl(token, `${firstUrl}/samples`));
    expect(samples.samples.length).toBeGreaterThan(0);
    const series = await readJson<{ "sample-type": string }>(await fetchUrl(token, samples.samples[0]));
    expect(series["sample-type"]).toBe(samples.samples[0].split("/").pop());
    for (const format of ["fit", "tcx", "gpx"] as const) {
      const response = await fetchUrl(token, `${firstUrl}/${format}`);
      const file = athlete?.exerciseFile(firstId, format) ?? null;
      expect(response.status).toBe(file ? 200 : 204);
      if (file) expect(Buffer.from(await response.arrayBuffer()).equals(file.body)).toBe(true);
    }
    expect((await fetchUrl(token, `${location["resource-uri"]}/exercises/1`)).status).toBe(404);

    const commit = await fetchUrl(token, location["resource-uri"], { method: "PUT" });
    expect(commit.status).toBe(200);
    expect((await fetchUrl(token, location["resource-uri"])).status).toBe(404);
    expect((await fetchUrl(token, firstUrl)).status).toBe(404);
    expect((await openTransaction(token, userId, "exercise")).status).toBe(204);
    sim.clock.advance(2 * DAY_MS);
    const next = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    const nextList = await readJson<{ exercises: string[] }>(await fetchUrl(token, next["resource-uri"]));
    expect(nextList.exercises.map(idOf).some((id) => list.exercises.map(idOf).includes(id))).toBe(false);
    expect(nextList.exercises.length).toBeGreaterThan(0);
  });

  it("holds at most 50 items; the rest come in the next transaction", async () => {
    const { token, userId } = await connectAthlete(sim, "maria");
    sim.clock.advance(DAY_MS);
    for (let i = 0; i < 3; i++) await postAdmin(sim, `/athletes/${userId}/upload`, { exercises: 20 });
    const waiting = expectedIds(userId, 0, "exercise");
    expect(waiting.length).toBeGreaterThan(60);
    const first = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    const firstList = await readJson<{ exercises: string[] }>(await fetchUrl(token, first["resource-uri"]));
    expect(firstList.exercises.map(idOf)).toEqual(waiting.slice(0, 50));
    await fetchUrl(token, first["resource-uri"], { method: "PUT" });
    const second = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    const secondList = await readJson<{ exercises: string[] }>(await fetchUrl(token, second["resource-uri"]));
    expect(secondList.exercises.map(idOf)).toEqual(waiting.slice(50));
  });

  it("answers 204 to a POST while one is open (U2), and the alternatives by switch", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(5 * DAY_MS);
    const open = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    expect((await openTransaction(token, userId, "exercise")).status).toBe(204);
    await postAdmin(sim, "/switches", { openTransactionPost: "same" });
    const same = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    expect(same).toEqual(open);
  });

  it("expires an uncommitted transaction after 600 s (U1): 404 everywhere, items offered again", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(4 * DAY_MS);
    const open = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    const list = await readJson<{ exercises: string[] }>(await fetchUrl(token, open["resource-uri"]));
    sim.clock.advance(599_000);
    expect((await fetchUrl(token, list.exercises[0])).status).toBe(200);
    sim.clock.advance(1_000);
    expect((await fetchUrl(token, open["resource-uri"])).status).toBe(404);
    expect((await fetchUrl(token, list.exercises[0])).status).toBe(404);
    expect((await fetchUrl(token, open["resource-uri"], { method: "PUT" })).status).toBe(404);
    const again = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    expect(again["transaction-id"]).not.toBe(open["transaction-id"]);
    const againList = await readJson<{ exercises: string[] }>(await fetchUrl(token, again["resource-uri"]));
    expect(againList.exercises.map(idOf)).toEqual(list.exercises.map(idOf));
    // The admin fault expires open transactions at once.
    await postAdmin(sim, "/faults", { expireTransactions: true });
    expect((await fetchUrl(token, again["resource-uri"])).status).toBe(404);
  });

  it("answers 404 for unknown transaction ids and keeps later uploads for the next transaction", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    expect((await callApi(sim, token, `/v3/users/${userId}/exercise-transactions/999`)).status).toBe(404);
    expect((await callApi(sim, token, `/v3/users/${userId}/exercise-transactions/abc`, { method: "PUT" })).status).toBe(404);
    sim.clock.advance(3 * DAY_MS);
    const open = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    const uploads = (await (await postAdmin(sim, `/athletes/${userId}/upload`, { exercises: 1 })).json()) as SimUpload[];
    const liveId = uploads.flatMap((u) => (u.kind === "exercise" ? [u.id] : []))[0];
    const list = await readJson<{ exercises: string[] }>(await fetchUrl(token, open["resource-uri"]));
    expect(list.exercises.map(idOf)).not.toContain(liveId);
    await fetchUrl(token, open["resource-uri"], { method: "PUT" });
    const next = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    const nextList = await readJson<{ exercises: string[] }>(await fetchUrl(token, next["resource-uri"]));
    expect(nextList.exercises.map(idOf)).toEqual([liveId]);
  });

  it("offers only the last 30 days (U3), 28 with the switch", async () => {
    const registeredAt = sim.clock.now();
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(45 * DAY_MS);
    const thirty = expectedIds(userId, registeredAt, "exercise", 30);
    const all = expectedIds(userId, registeredAt, "exercise", 60);
    expect(all.length).toBeGreaterThan(thirty.length);
    const open = (await (await openTransaction(token, userId, "exercise")).json()) as Location;
    const list = await readJson<{ exercises: string[] }>(await fetchUrl(token, open["resource-uri"]));
    expect(list.exercises.map(idOf)).toEqual(thirty);
    await fetchUrl(token, open["resource-uri"], { method: "PUT" });
    await postAdmin(sim, "/reset");
    await postAdmin(sim, "/switches", { transactionLookbackDays: 28 });
    const again = await connectAthlete(sim, "aino");
    sim.clock.advance(45 * DAY_MS);
    const open28 = (await (await openTransaction(again.token, userId, "exercise")).json()) as Location;
    const list28 = await readJson<{ exercises: string[] }>(await fetchUrl(again.token, open28["resource-uri"]));
    expect(list28.exercises.map(idOf)).toEqual(expectedIds(userId, registeredAt, "exercise", 28));
  });
});

describe("activity and physical-information transactions", () => {
  it("serve summaries with step and zone samples, re-synced days as new summaries, and physical info", async () => {
    const registeredAt = sim.clock.now();
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(20 * DAY_MS);
    const athlete = sim.dataset.athlete(userId);
    const open = (await (await openTransaction(token, userId, "activity")).json()) as Location;
    const list = await readJson<{ "activity-log": string[] }>(await fetchUrl(token, open["resource-uri"]));
    const ids = list["activity-log"].map(idOf);
    expect(ids).toEqual(expectedIds(userId, registeredAt, "activity-summary"));
    const summaries = await Promise.all(list["activity-log"].map(async (url) => readJson<{ id: number; date: string }>(await fetchUrl(token, url))));
    const link = { apiBaseUrl: sim.url, transactionId: open["transaction-id"] };
    expect(summaries[0]).toEqual(athlete?.activitySummary(ids[0], link));
    const dates = summaries.map((s) => s.date);
    expect(new Set(dates).size).toBeLessThan(dates.length);
    const steps = await readJson<{ date: string; samples: unknown[] }>(await fetchUrl(token, `${list["activity-log"][0]}/step-samples`));
    expect(steps).toEqual(athlete?.activityStepSamples(ids[0], link));
    const zones = await readJson<{ date: string }>(await fetchUrl(token, `${list["activity-log"][0]}/zone-samples`));
    expect(zones).toEqual(athlete?.activityZoneSamples(ids[0], link));

    const physical = (await (await openTransaction(token, userId, "physical-information")).json()) as Location;
    const physicalList = await readJson<{ "physical-informations": string[] }>(await fetchUrl(token, physical["resource-uri"]));
    expect(physicalList["physical-informations"].map(idOf)).toEqual(expectedIds(userId, registeredAt, "physical-info"));
    const entry = await readJson<Record<string, unknown>>(await fetchUrl(token, physicalList["physical-informations"][0]));
    expect(entry["transaction-id"]).toBe(physical["transaction-id"]);
    expect(typeof entry["maximum-heart-rate"]).toBe("number");
  });
});

describe("pull notifications", () => {
  it("lists one entry per (athlete, type) with uncommitted items, 204 when none, Basic auth only", async () => {
    expect((await fetch(`${sim.url}/v3/notifications`)).status).toBe(401);
    expect((await notifications()).status).toBe(204);
    const aino = await connectAthlete(sim, "aino");
    const mikko = await connectAthlete(sim, "mikko");
    sim.clock.advance(3 * DAY_MS);
    const body = (await (await notifications()).json()) as { "available-user-data": { "user-id": number; "data-type": string; url: string }[] };
    const entries = body["available-user-data"];
    expect(entries.map((e) => `${e["user-id"]} ${e["data-type"]}`)).toEqual([
      `${aino.userId} EXERCISE`,
      `${aino.userId} ACTIVITY_SUMMARY`,
      `${aino.userId} PHYSICAL_INFORMATION`,
      `${mikko.userId} EXERCISE`,
      `${mikko.userId} ACTIVITY_SUMMARY`,
      `${mikko.userId} PHYSICAL_INFORMATION`,
    ]);
    expect(entries[0].url).toBe(`${sim.url}/v3/users/${aino.userId}/exercise-transactions`);

    // Committing everything of one type clears that entry.
    const open = (await (await openTransaction(aino.token, aino.userId, "exercise")).json()) as Location;
    await fetchUrl(aino.token, open["resource-uri"], { method: "PUT" });
    const after = (await (await notifications()).json()) as typeof body;
    expect(after["available-user-data"].some((e) => e["user-id"] === aino.userId && e["data-type"] === "EXERCISE")).toBe(false);
    expect(after["available-user-data"]).toHaveLength(5);
  });
});
