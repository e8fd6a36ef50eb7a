import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { accounts, pendingDeregistrations, sessions, users } from "@/db/schema";
import { PolarError, type PolarUser } from "@/lib/polar";
import { completePolarSignIn } from "@/lib/auth/config";
import { getConnectionSummary, getPolarCredentials, toMemberId } from "@/lib/auth/connection";
import { deleteAthleteAccount, retryPendingDeregistrations } from "@/lib/auth/deregistration";
import type { AthletePolarApi } from "@/lib/auth/polar-api";
import { checkPolarConnection, registerAthlete, type PolarIdentityDeps } from "@/lib/auth/registration";
import { createTestDb, findRowsMentioning, insertUser, readDatabaseBytes, TEST_KEY, type TestDb } from "./support";

const POLAR_ID = 48213977;
const TOKEN = "a41c77d0e3b94f1a8a0c5d2e6f719b38-token";
const T0 = Date.parse("2026-03-01T08:00:00Z");

const POLAR_USER = {
  "polar-user-id": POLAR_ID,
  "member-id": "thr-u-1",
  "registration-date": "2026-03-01T08:00:01.000Z",
  "first-name": "Aino",
  "last-name": "Virtanen",
  birthdate: "1992-03-14",
  gender: "FEMALE",
  weight: 61.5,
  height: 168,
  "extra-info": null,
} as unknown as PolarUser;

type Step = "ok" | PolarError | Error | "already-registered";

/** A fake AccessLink that answers each call from a script and records what was asked. */
function createFakePolar() {
  const calls: string[] = [];
  const script: { register: Step[]; getUser: Step[]; delete: Step[] } = { register: [], getUser: [], delete: [] };
  const next = (queue: Step[]): Step => queue.shift() ?? "ok";
  const polar: AthletePolarApi = {
    forUser(polarUserId, accessToken) {
      return {
        async registerUser(memberId) {
          calls.push(`register ${polarUserId} ${memberId} ${accessToken}`);
          const step = next(script.register);
          if (step instanceof Error) throw step;
          return step === "already-registered" ? { status: "already-registered" } : { status: "registered", user: POLAR_USER };
        },
        async getUser() {
          calls.push(`get ${polarUserId}`);
          const step = next(script.getUser);
          if (step instanceof Error) throw step;
          return POLAR_USER;
        },
        async deleteUser() {
          calls.push(`delete ${polarUserId} ${accessToken}`);
          const step = next(script.delete);
          if (step instanceof Error) throw step;
        },
      };
    },
  };
  return { polar, calls, script };
}

describe("athlete lifecycle: sign-in, registration, connection checks, delete", () => {
  let t: TestDb;
  let fake: ReturnType<typeof createFakePolar>;
  let now: number;
  let deps: PolarIdentityDeps;

  beforeEach(() => {
    t = createTestDb();
    fake = createFakePolar();
    now = T0;
    deps = { db: t.db, keyHex: TEST_KEY, polar: fake.polar, now: () => now };
    insertUser(t.db, { id: "u-1" });
  });
  afterEach(() => t.close());

  const signIn = (token = TOKEN) =>
    completePolarSignIn(deps, "u-1", { access_token: token, token_type: "bearer", expires_in: 31535999, x_user_id: POLAR_ID });

  it("first sign-in stores the token encrypted and registers with our member-id; the name comes from Polar", async () => {
    await signIn();
    expect(fake.calls).toEqual([`register ${POLAR_ID} ${toMemberId("u-1")} ${TOKEN}`]);
    expect(getConnectionSummary(t.db, "u-1")).toMatchObject({
      registrationStatus: "registered",
      registeredAt: new Date("2026-03-01T08:00:01.000Z"),
      state: "connected",
    });
    expect(t.db.select({ name: users.name }).from(users).get()?.name).toBe("Aino Virtanen");
    expect(getPolarCredentials(t.db, "u-1", TEST_KEY)).toEqual({ polarUserId: POLAR_ID, accessToken: TOKEN });
    t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(readDatabaseBytes(t.file).includes(Buffer.from(TOKEN))).toBe(false);
  });

  it("409 (already registered) is success; the profile is then read with GET /v3/users", async () => {
    fake.script.register.push("already-registered");
    await signIn();
    expect(fake.calls).toEqual([`register ${POLAR_ID} thr-u-1 ${TOKEN}`, `get ${POLAR_ID}`]);
    expect(getConnectionSummary(t.db, "u-1")?.registrationStatus).toBe("registered");
    expect(t.db.select({ name: users.name }).from(users).get()?.name).toBe("Aino Virtanen");
  });

  it("a failed registration leaves the athlete signed in, unregistered and unsyncable, and Retry fixes it", async () => {
    fake.script.register.push(new PolarError("upstream", "HTTP 503", { status: 503 }));
    await signIn();
    expect(getConnectionSummary(t.db, "u-1")).toMatchObject({
      registrationStatus: "failed",
      registrationError: "Polar could not be reached or had an error. Try again in a few minutes.",
      state: "connected",
    });
    expect(getPolarCredentials(t.db, "u-1", TEST_KEY)).toBeNull();

    const outcome = await registerAthlete(deps, "u-1");
    expect(outcome).toMatchObject({ status: "registered", name: "Aino Virtanen" });
    expect(getConnectionSummary(t.db, "u-1")).toMatchObject({ registrationStatus: "registered", registrationError: null });
  });

  it("403 at registration means consents are missing", async () => {
    fake.script.register.push(new PolarError("consent_required", "HTTP 403", { status: 403 }));
    await signIn();
    expect(getConnectionSummary(t.db, "u-1")).toMatchObject({ registrationStatus: "failed", state: "consents_needed" });
  });

  it("a repeat sign-in does not register again", async () => {
    await signIn();
    await signIn("second-token");
    expect(fake.calls).toHaveLength(1);
    expect(getPolarCredentials(t.db, "u-1", TEST_KEY)?.accessToken).toBe("second-token");
  });

  it("a sign-in over a refused link asks Polar again, and a still-refused token stays reconnect_needed", async () => {
    await signIn();
    fake.script.getUser.push(new PolarError("unauthorized", "HTTP 401", { status: 401 }));
    await checkPolarConnection(deps, "u-1");
    expect(getConnectionSummary(t.db, "u-1")?.state).toBe("reconnect_needed");

    fake.script.getUser.push(new PolarError("unauthorized", "HTTP 401", { status: 401 }));
    await signIn("reconnect-token");
    expect(fake.calls.at(-1)).toBe(`get ${POLAR_ID}`);
    expect(getConnectionSummary(t.db, "u-1")).toMatchObject({
      state: "reconnect_needed",
      stateDetail: "Polar no longer accepts Threshold's access to your account. Reconnect with Polar to continue.",
    });

    await signIn("third-token");
    expect(getConnectionSummary(t.db, "u-1")?.state).toBe("connected");
  });

  it("a display name the athlete chose is never overwritten by Polar's name", async () => {
    await signIn();
    t.db.update(users).set({ name: "Ai" }).where(eq(users.id, "u-1")).run();
    await checkPolarConnection(deps, "u-1");
    await registerAthlete(deps, "u-1");
    expect(t.db.select({ name: users.name }).from(users).get()?.name).toBe("Ai");
  });

  it("checking the connection maps 401 → reconnect_needed, 403 → consents_needed, 200 → connected", async () => {
    await signIn();
    fake.script.getUser.push(new PolarError("unauthorized", "HTTP 401", { status: 401 }));
    expect(await checkPolarConnection(deps, "u-1")).toMatchObject({ state: "failed", failure: { state: "reconnect_needed" } });
    expect(getConnectionSummary(t.db, "u-1")?.state).toBe("reconnect_needed");
    expect(getPolarCredentials(t.db, "u-1", TEST_KEY)).toBeNull();

    fake.script.getUser.push(new PolarError("consent_required", "HTTP 403", { status: 403 }));
    await checkPolarConnection(deps, "u-1");
    expect(getConnectionSummary(t.db, "u-1")?.state).toBe("consents_needed");

    fake.script.getUser.push(new PolarError("upstream", "timeout"));
    await checkPolarConnection(deps, "u-1");
    expect(getConnectionSummary(t.db, "u-1")?.state).toBe("consents_needed");

    expect(await checkPolarConnection(deps, "u-1")).toEqual({ state: "connected", name: "Aino Virtanen" });
    expect(getConnectionSummary(t.db, "u-1")?.state).toBe("connected");
  });

  it("every foreign key to user cascades (or, for authorship columns, is cleared) on delete", () => {
    const sqlite = t.db.$client;
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    const toUser = tables.flatMap((table) =>
      (sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string; on_delete: string }[])
        .filter((key) => key.table === "user")
        .map((key) => ({ table, column: key.from, onDelete: key.on_delete })),
    );
    expect(toUser.length).toBeGreaterThanOrEqual(3);
    // CASCADE removes the athlete's rows; SET NULL keeps a shared row (a team someone created) without them.
    // NO ACTION/RESTRICT would block the delete or leave rows pointing at a deleted user.
    expect(toUser.filter((key) => key.onDelete !== "CASCADE" && key.onDelete !== "SET NULL")).toEqual([]);
    expect(toUser.filter((key) => key.onDelete === "CASCADE").length).toBeGreaterThanOrEqual(3);
  });

  it("delete de-registers at Polar and leaves no row mentioning the athlete in any table", async () => {
    await signIn();
    t.db.insert(sessions).values({ sessionToken: "sess-1", userId: "u-1", expires: new Date(T0 + 86_400_000) }).run();
    t.db.insert(accounts).values({ userId: "u-1", type: "oauth", provider: "polar", providerAccountId: String(POLAR_ID) }).run();
    expect(findRowsMentioning(t.db, ["u-1", POLAR_ID]).length).toBeGreaterThanOrEqual(4);

    const result = await deleteAthleteAccount(deps, "u-1");

    expect(result).toEqual({ deregistration: "deregistered", detail: null });
    expect(fake.calls.at(-1)).toBe(`delete ${POLAR_ID} ${TOKEN}`);
    expect(findRowsMentioning(t.db, ["u-1", POLAR_ID, "thr-u-1"])).toEqual([]);
  });

  it("a revoked token (401) at delete counts as de-registered", async () => {
    await signIn();
    fake.script.delete.push(new PolarError("unauthorized", "HTTP 401", { status: 401 }));
    expect((await deleteAthleteAccount(deps, "u-1")).deregistration).toBe("deregistered");
    expect(t.db.select().from(pendingDeregistrations).all()).toEqual([]);
  });

  it("when Polar is unreachable the local delete still happens and the de-registration is retried later", async () => {
    await signIn();
    fake.script.delete.push(new TypeError("fetch failed"));
    const result = await deleteAthleteAccount(deps, "u-1");
    expect(result.deregistration).toBe("pending");

    // Only the pending row remains, keyed by the Polar id, its token encrypted.
    const left = findRowsMentioning(t.db, ["u-1", POLAR_ID]);
    expect(left.map((hit) => hit.table)).toEqual(["pending_deregistration"]);
    t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(readDatabaseBytes(t.file).includes(Buffer.from(TOKEN))).toBe(false);

    // Not due yet: nothing is attempted.
    expect(await retryPendingDeregistrations(deps)).toEqual({ attempted: 0, deregistered: 0, stillPending: 0 });

    now = T0 + 15 * 60 * 1000;
    fake.script.delete.push(new PolarError("upstream", "HTTP 502", { status: 502 }));
    expect(await retryPendingDeregistrations(deps)).toEqual({ attempted: 1, deregistered: 0, stillPending: 1 });
    const row = t.db.select().from(pendingDeregistrations).get();
    expect(row?.attempts).toBe(2);
    // Back-off doubles: 15 min after the first failure, 30 min after the second.
    expect(row?.nextAttemptAt.getTime()).toBe(now + 30 * 60 * 1000);

    now += 30 * 60 * 1000;
    expect(await retryPendingDeregistrations(deps)).toEqual({ attempted: 1, deregistered: 1, stillPending: 0 });
    expect(fake.calls.filter((call) => call === `delete ${POLAR_ID} ${TOKEN}`)).toHaveLength(3);
    expect(findRowsMentioning(t.db, ["u-1", POLAR_ID])).toEqual([]);
  });
});
