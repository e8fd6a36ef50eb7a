import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { SimUpload } from "@/lib/polar-sim/contract";
import type { Sim } from "./helpers";
import { DAY_MS, callApi, connectAthlete, postAdmin, startTestSimulator, withTestSimulator } from "./helpers";

/**
 * §13 "Non-transactional", `/v3/exercises` against the transactional API it replaces: the same sessions under
 * different, deterministic hashed ids; the 30-day and after-registration window; a device whose sessions the
 * list never shows while the transactions still deliver them; the EXERCISE webhook's `entity_id`.
 */

let sim: Sim;
withTestSimulator((started) => (sim = started));

type Listed = Record<string, unknown> & { id: string; device_id: string; start_time: string; samples?: { "sample-type": string; data: string }[] };
type ExerciseUpload = Extract<SimUpload, { kind: "exercise" }>;

async function getJson<T>(token: string, path: string): Promise<T> {
  const response = await callApi(sim, token, path);
  expect(`${path} ${response.status}`).toBe(`${path} 200`);
  return (await response.json()) as T;
}

function exerciseUploads(userId: number, from: number, to = sim.clock.now() + 1): ExerciseUpload[] {
  return (sim.dataset.athlete(userId)?.uploadsBetween(from, to) ?? []).filter((u): u is ExerciseUpload => u.kind === "exercise");
}

/** Every exercise the transactional API offers now, read whole (summary and HR samples), then committed. */
async function readTransactions(token: string, userId: number): Promise<{ id: number; deviceId: string; start: string; hr: string | null }[]> {
  const out: { id: number; deviceId: string; start: string; hr: string | null }[] = [];
  for (;;) {
    const created = await callApi(sim, token, `/v3/users/${userId}/exercise-transactions`, { method: "POST" });
    if (created.status === 204) return out;
    const location = (await created.json()) as { "resource-uri": string };
    const auth = { headers: { authorization: `Bearer ${token}`, accept: "application/json" } };
    const list = (await (await fetch(location["resource-uri"], auth)).json()) as { exercises: string[] };
    for (const url of list.exercises) {
      const item = (await (await fetch(url, auth)).json()) as { id: number; "device-id": string; "start-time": string };
      const hrResponse = await fetch(`${url}/samples/0`, auth);
      const hr = hrResponse.status === 200 ? ((await hrResponse.json()) as { data: string }).data : null;
      out.push({ id: item.id, deviceId: item["device-id"], start: item["start-time"], hr });
    }
    await fetch(location["resource-uri"], { ...auth, method: "PUT" });
  }
}

describe("/v3/exercises and the exercise transactions", () => {
  it("serve the same sessions under hashed ids that differ from the int64 ids, deterministically per seed", async () => {
    const registeredAt = sim.clock.now();
    const { token, userId } = await connectAthlete(sim, "maria");
    sim.clock.advance(5 * DAY_MS);
    const listed = await getJson<Listed[]>(token, "/v3/exercises?samples=true");
    const transactional = await readTransactions(token, userId);
    const uploads = exerciseUploads(userId, registeredAt);
    expect(uploads.length).toBeGreaterThan(3);
    expect(listed.map((e) => e.id)).toEqual(uploads.map((u) => u.hashedId));
    expect(transactional.map((e) => e.id).sort()).toEqual(uploads.map((u) => u.id).sort());

    // Unique, short url-safe strings, never the int64 id in disguise.
    const hashed = listed.map((e) => e.id);
    expect(new Set(hashed).size).toBe(hashed.length);
    for (const upload of uploads) {
      expect(upload.hashedId).toMatch(/^[0-9A-Za-z]{7}$/);
      expect(upload.hashedId).not.toBe(String(upload.id));
    }
    // The only link between the two: device id and start time, with identical HR samples.
    for (const item of listed) {
      const twin = transactional.find((t) => t.deviceId === item.device_id && t.start === item.start_time);
      expect(twin, item.id).toBeDefined();
      expect(item.samples?.find((s) => s["sample-type"] === "0")?.data).toBe(twin?.hr);
    }

    // Same seed, same ids: a second simulator hands out the same hashed ids for the same sessions.
    const twinSim = await startTestSimulator();
    try {
      const again = twinSim.dataset.athlete(userId)?.uploadsBetween(registeredAt, sim.clock.now() + 1) ?? [];
      expect(again.flatMap((u) => (u.kind === "exercise" ? [u.hashedId] : []))).toEqual(hashed);
    } finally {
      await twinSim.close();
    }
  });

  it("never serves a session uploaded before registration, through either API", async () => {
    // History exists before this instant: the athlete trained for weeks before connecting.
    sim.clock.advance(10 * DAY_MS);
    const before = exerciseUploads(userIdOfLogin("aino"), sim.clock.now() - 30 * DAY_MS);
    expect(before.length).toBeGreaterThan(0);
    const { token, userId } = await connectAthlete(sim, "aino");
    expect(await getJson<Listed[]>(token, "/v3/exercises")).toEqual([]);
    expect((await callApi(sim, token, `/v3/exercises/${before[0].hashedId}`)).status).toBe(404);
    expect((await callApi(sim, token, `/v3/users/${userId}/exercise-transactions`, { method: "POST" })).status).toBe(204);
  });

  it("lists a late upload of an old session while it is within 30 days of its upload", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    const uploads = (await (await postAdmin(sim, `/athletes/${userId}/upload`, { exercises: 1, exerciseAgeDays: 35 })).json()) as SimUpload[];
    const late = uploads.find((u): u is ExerciseUpload => u.kind === "exercise");
    if (!late) throw new Error("no session uploaded");
    const listed = await getJson<Listed[]>(token, "/v3/exercises");
    const item = listed.find((e) => e.id === late.hashedId);
    // Started 35 days ago (local start − offset = UTC), uploaded now.
    const startUtc = Date.parse(`${item?.start_time}Z`) - Number(item?.start_time_utc_offset) * 60_000;
    expect(sim.clock.now() - startUtc).toBeGreaterThan(35 * DAY_MS);
    expect((await readTransactions(token, userId)).map((t) => t.id)).toEqual([late.id]);
    sim.clock.advance(31 * DAY_MS);
    expect((await getJson<Listed[]>(token, "/v3/exercises")).map((e) => e.id)).not.toContain(late.hashedId);
  });

  it("hides a listed device's sessions from /v3/exercises while the transactions still deliver them", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(3 * DAY_MS);
    const listed = await getJson<Listed[]>(token, "/v3/exercises");
    expect(listed.length).toBeGreaterThan(0);
    const deviceId = listed[0].device_id;
    await postAdmin(sim, "/switches", { exerciseListHiddenDevices: [deviceId] });
    expect(await getJson<Listed[]>(token, "/v3/exercises?samples=true&zones=true")).toEqual([]);
    expect((await callApi(sim, token, `/v3/exercises/${listed[0].id}`)).status).toBe(404);
    const delivered = await readTransactions(token, userId);
    expect(delivered.map((t) => t.id).sort()).toEqual(exerciseUploads(userId, 0).map((u) => u.id).sort());
    expect(delivered.every((t) => t.deviceId === deviceId && t.hr !== null)).toBe(true);

    // Another device id hides nothing.
    await postAdmin(sim, "/switches", { exerciseListHiddenDevices: ["NOT-THIS-ONE"] });
    expect((await getJson<Listed[]>(token, "/v3/exercises")).map((e) => e.id)).toEqual(listed.map((e) => e.id));
  });

  it("honours the flags, the auth rules, the rate-limit headers and TCX gzip", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(2 * DAY_MS);
    const [plain] = await getJson<Listed[]>(token, "/v3/exercises");
    expect(Object.keys(plain)).not.toEqual(expect.arrayContaining(["samples"]));
    for (const flag of ["samples", "zones", "route"] as const) {
      const key = flag === "zones" ? "heart_rate_zones" : flag;
      const [flagged] = await getJson<Listed[]>(token, `/v3/exercises?${flag}=true`);
      const single = await getJson<Listed>(token, `/v3/exercises/${plain.id}?${flag}=true`);
      expect(Object.keys(flagged).filter((k) => !(k in plain))).toEqual(flagged.has_route || flag !== "route" ? [key] : []);
      expect(single).toEqual(flagged);
    }
    const response = await callApi(sim, token, "/v3/exercises");
    expect(response.headers.get("ratelimit-usage")).toMatch(/^\d+, \d+$/);
    expect((await callApi(sim, null, "/v3/exercises")).status).toBe(401);
    expect((await callApi(sim, "not-a-token", `/v3/exercises/${plain.id}`)).status).toBe(401);
    await postAdmin(sim, `/athletes/${userId}/consents`, { granted: false });
    expect((await callApi(sim, token, "/v3/exercises")).status).toBe(403);
    await postAdmin(sim, `/athletes/${userId}/consents`, { granted: true });

    await postAdmin(sim, "/switches", { tcxGzip: true });
    const tcx = await callApi(sim, token, `/v3/exercises/${plain.id}/tcx`, { headers: { accept: "*/*" } });
    const file = sim.dataset.athlete(userId)?.exerciseFileByHash(plain.id, "tcx");
    if (!file) return expect(tcx.status).toBe(404);
    const bytes = Buffer.from(await tcx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(bytes).equals(file.body)).toBe(true);
  });

  it("serves a fresh upload under the hashed id its EXERCISE webhook carries as entity_id", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    const uploads = (await (await postAdmin(sim, `/athletes/${userId}/upload`, { exercises: 1 })).json()) as SimUpload[];
    const session = uploads.find((u): u is ExerciseUpload => u.kind === "exercise");
    if (!session) throw new Error("no session uploaded");
    // The delivery body is built from the same upload record (webhooks.test.ts checks the bytes).
    const one = await getJson<Listed>(token, `/v3/exercises/${session.hashedId}`);
    expect(one.id).toBe(session.hashedId);
    expect((await getJson<Listed[]>(token, "/v3/exercises")).map((e) => e.id)).toContain(session.hashedId);
  });
});

function userIdOfLogin(login: string): number {
  const athlete = sim.dataset.athletes.find((a) => a.profile.login === login);
  if (!athlete) throw new Error(`no athlete ${login}`);
  return athlete.profile.userId;
}
