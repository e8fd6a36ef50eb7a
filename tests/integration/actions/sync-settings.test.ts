import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getSyncSettings } from "@/lib/sync/settings";
import { createTestDb, type TestDb } from "@/tests/fixtures/db";
import { insertAthlete } from "@/tests/integration/dal/fixtures";

/**
 * Settings → Synced data (design §6, issue 14 §9): the form's checkboxes become the athlete's sync settings,
 * a type left unticked is switched off, and the action answers with what was saved. Seams: the viewer, the
 * database and the request headers (the action's origin guard).
 */

const APP_URL = "http://localhost:3000";
const state: { db: TestDb | null; viewer: Viewer | null; headers: Headers } = {
  db: null,
  viewer: null,
  headers: new Headers({ origin: APP_URL, "sec-fetch-site": "same-origin" }),
};

vi.mock("@/db", () => ({
  getDb: () => {
    if (!state.db) throw new Error("test database not ready");
    return state.db.db;
  },
}));
vi.mock("@/lib/auth/session", () => ({
  requireViewer: async () => {
    if (!state.viewer) throw new AppError("unauthenticated", "Sign in with Polar to continue.");
    return state.viewer;
  },
  getViewer: async () => state.viewer,
}));
vi.mock("next/headers", () => ({ headers: async () => state.headers }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The module's delete action signs out through Auth.js, which does not load outside Next.
vi.mock("@/lib/auth", () => ({ signOut: async () => undefined }));
vi.stubEnv("APP_URL", APP_URL);
vi.stubEnv("AUTH_SECRET", "a".repeat(40));
vi.stubEnv("TOKEN_ENCRYPTION_KEY", "0".repeat(64));
vi.stubEnv("POLAR_CLIENT_ID", "test-client");
vi.stubEnv("POLAR_CLIENT_SECRET", "test-secret");

const { updateSyncSettingsAction } = await import("@/app/settings/actions");

const VIEWER: Viewer = { userId: "ath-1", polarUserId: 9101, name: "Athlete" };

function form(ticked: string[]): FormData {
  const data = new FormData();
  for (const key of ticked) data.set(key, "on");
  return data;
}

beforeAll(() => {
  state.db = createTestDb("sync-settings");
  insertAthlete(state.db.db, VIEWER.userId, VIEWER.polarUserId ?? 0);
  state.viewer = VIEWER;
});

afterAll(() => state.db?.close());

describe("updateSyncSettingsAction", () => {
  it("switches off exactly the types left unticked and returns what was saved", async () => {
    const result = await updateSyncSettingsAction(null, form(["training", "dailyActivity", "recovery", "continuousHr", "cardioLoad", "body"]));
    const expected = { training: true, dailyActivity: true, sleep: false, recovery: true, continuousHr: true, cardioLoad: true, body: true };
    expect(result).toEqual({ ok: true, data: expected });
    expect(getSyncSettings(db(), VIEWER.userId)).toEqual(expected);
  });

  it("refuses a value other than a ticked checkbox, and keeps the saved settings", async () => {
    const before = getSyncSettings(db(), VIEWER.userId);
    const data = form(["training"]);
    data.set("sleep", "yes please");
    const result = await updateSyncSettingsAction(null, data);
    expect(result).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(getSyncSettings(db(), VIEWER.userId)).toEqual(before);
  });

  it("refuses a post from another origin", async () => {
    state.headers = new Headers({ origin: "http://localhost:4000", "sec-fetch-site": "same-site" });
    const result = await updateSyncSettingsAction(null, form([]));
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(getSyncSettings(db(), VIEWER.userId).training).toBe(true);
  });
});

function db(): TestDb["db"] {
  if (!state.db) throw new Error("test database not ready");
  return state.db.db;
}
