import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { pendingDeregistrations, polarConnections, users } from "@/db/schema";
import {
  getConnectionSummary,
  getPolarCredentials,
  setConnectionState,
  storePolarSignIn,
  toMemberId,
} from "@/lib/auth/connection";
import { createTestDb, insertUser, readDatabaseBytes, TEST_KEY, type TestDb } from "./support";

const TOKEN = "9b1f0c5ad2e84c7fa3d61b0e27c94f58";
const NOW = Date.parse("2026-03-01T08:00:00Z");

describe("polar connection storage", () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
    insertUser(t.db, { id: "u-1" });
  });
  afterEach(() => t.close());

  it("stores the token only encrypted: the database file never contains it in plain text", () => {
    storePolarSignIn(t.db, { userId: "u-1", polarUserId: 48213977, accessToken: TOKEN, expiresInSeconds: 31535999, now: NOW }, TEST_KEY);
    t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = readDatabaseBytes(t.file);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(TOKEN, "utf8"))).toBe(false);
    expect(bytes.includes(Buffer.from(TOKEN, "utf16le"))).toBe(false);
    const row = t.db.select().from(polarConnections).where(eq(polarConnections.userId, "u-1")).get();
    expect(row?.accessTokenEncrypted.split(".")).toHaveLength(3);
    expect(row?.tokenExpiresAt?.getTime()).toBe(NOW + 31535999 * 1000);
    expect(t.db.select({ polarUserId: users.polarUserId }).from(users).get()?.polarUserId).toBe(48213977);
  });

  it("refuses credentials until the athlete is registered, then returns the decrypted token", () => {
    storePolarSignIn(t.db, { userId: "u-1", polarUserId: 48213977, accessToken: TOKEN, expiresInSeconds: null, now: NOW }, TEST_KEY);
    expect(getConnectionSummary(t.db, "u-1")).toMatchObject({ registrationStatus: "pending", state: "connected", memberId: toMemberId("u-1") });
    expect(getPolarCredentials(t.db, "u-1", TEST_KEY)).toBeNull();
    t.db.update(polarConnections).set({ registrationStatus: "registered" }).run();
    expect(getPolarCredentials(t.db, "u-1", TEST_KEY)).toEqual({ polarUserId: 48213977, accessToken: TOKEN });
  });

  it.each([
    ["reconnect_needed", null],
    ["disconnected", null],
    ["consents_needed", { polarUserId: 48213977, accessToken: TOKEN }],
    ["connected", { polarUserId: 48213977, accessToken: TOKEN }],
  ] as const)("credentials in state %s", (state, expected) => {
    storePolarSignIn(t.db, { userId: "u-1", polarUserId: 48213977, accessToken: TOKEN, expiresInSeconds: null, now: NOW }, TEST_KEY);
    t.db.update(polarConnections).set({ registrationStatus: "registered" }).run();
    setConnectionState(t.db, "u-1", state, "detail shown to the athlete");
    expect(getConnectionSummary(t.db, "u-1")?.state).toBe(state);
    expect(getPolarCredentials(t.db, "u-1", TEST_KEY)).toEqual(expected);
  });

  it("a re-sign-in replaces the token, clears reconnect_needed and drops a pending de-registration", () => {
    storePolarSignIn(t.db, { userId: "u-1", polarUserId: 48213977, accessToken: TOKEN, expiresInSeconds: null, now: NOW }, TEST_KEY);
    t.db.update(polarConnections).set({ registrationStatus: "registered" }).run();
    setConnectionState(t.db, "u-1", "reconnect_needed", "revoked");
    t.db.insert(pendingDeregistrations)
      .values({ polarUserId: 48213977, accessTokenEncrypted: "x.y.z", createdAt: new Date(NOW), nextAttemptAt: new Date(NOW) })
      .run();

    storePolarSignIn(t.db, { userId: "u-1", polarUserId: 48213977, accessToken: "fresh-token-2", expiresInSeconds: null, now: NOW + 1000 }, TEST_KEY);

    expect(getConnectionSummary(t.db, "u-1")).toMatchObject({ state: "connected", stateDetail: null, registrationStatus: "registered" });
    expect(getPolarCredentials(t.db, "u-1", TEST_KEY)?.accessToken).toBe("fresh-token-2");
    expect(t.db.select().from(pendingDeregistrations).all()).toEqual([]);
  });

  it("setConnectionState ignores users without a connection", () => {
    setConnectionState(t.db, "u-1", "reconnect_needed");
    expect(getConnectionSummary(t.db, "u-1")).toBeNull();
  });
});
