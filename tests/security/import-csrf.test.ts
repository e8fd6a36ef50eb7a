import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { UPLOAD_DIR } from "@/lib/import/upload";
import { writePolarExport } from "@/lib/polar-sim/export";
import { createTestDb, type TestDb } from "@/tests/fixtures/db";
import { insertAthlete } from "@/tests/integration/dal/fixtures";

/**
 * The archive upload and the resume are state-changing routes: behind the pipeline's origin guard like every
 * other (tests/security/csrf.test.ts lists them). A refused upload writes no file and starts no import.
 */

const APP_URL = "http://localhost:3000";
const state: { db: TestDb | null; viewer: Viewer | null } = { db: null, viewer: null };
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
vi.stubEnv("APP_URL", APP_URL);
vi.stubEnv("AUTH_SECRET", "a".repeat(40));
vi.stubEnv("TOKEN_ENCRYPTION_KEY", "0".repeat(64));
vi.stubEnv("POLAR_CLIENT_ID", "test-client");
vi.stubEnv("POLAR_CLIENT_SECRET", "test-secret");

const importRoute = await import("@/app/api/import/route");
const resumeRoute = await import("@/app/api/import/resume/route");

const ATHLETE: Viewer = { userId: "ath-1", polarUserId: 7002, name: "Athlete" };
const dir = mkdtempSync(join(tmpdir(), "threshold-import-csrf-"));
const archive = join(dir, "polar-user-data-export_csrf.zip");

beforeAll(async () => {
  state.db = createTestDb("import-csrf");
  insertAthlete(state.db.db, ATHLETE.userId, ATHLETE.polarUserId ?? 0);
  state.viewer = ATHLETE;
  await writePolarExport({ seed: 3, startDate: "2025-05-05", days: 3, login: "aino", format: "current", historyDaysBefore: 1 }, archive);
});

afterAll(() => {
  state.db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const FOREIGN: Record<string, { origin: string | null; fetchSite: string | null }> = {
  "a foreign site": { origin: "http://evil.example", fetchSite: "cross-site" },
  "another port of the same host": { origin: "http://localhost:4000", fetchSite: "same-site" },
  "a script with no Origin": { origin: null, fetchSite: null },
};

function post(url: string, from: { origin: string | null; fetchSite: string | null }, body?: Buffer): Request {
  const headers = new Headers({ "content-type": "application/zip" });
  if (from.origin !== null) headers.set("origin", from.origin);
  if (from.fetchSite !== null) headers.set("sec-fetch-site", from.fetchSite);
  return new Request(url, { method: "POST", headers, body: body ? new Blob([new Uint8Array(body)]) : undefined });
}

const jobCount = () => (state.db?.db.$client.prepare("SELECT COUNT(*) AS n FROM import_job").get() as { n: number }).n;
const uploads = () => (existsSync(UPLOAD_DIR) ? readdirSync(UPLOAD_DIR).length : 0);

describe("CSRF: the archive import routes", () => {
  for (const [name, from] of Object.entries(FOREIGN)) {
    it(`refuses ${name}: 403, no file written, no import started`, async () => {
      const files = uploads();
      const upload = await importRoute.POST(post(`${APP_URL}/api/import?name=a.zip`, from, readFileSync(archive)));
      expect(upload.status).toBe(403);
      const resume = await resumeRoute.POST(post(`${APP_URL}/api/import/resume`, from));
      expect(resume.status).toBe(403);
      expect(jobCount()).toBe(0);
      expect(uploads()).toBe(files);
    });
  }

  it("accepts the app's own page: 202 and the import starts", async () => {
    const response = await importRoute.POST(post(`${APP_URL}/api/import?name=polar-user-data-export_csrf.zip`, { origin: APP_URL, fetchSite: "same-origin" }, readFileSync(archive)));
    expect(response.status).toBe(202);
    expect(jobCount()).toBe(1);
    // The import runs in the background: let it finish before the database goes away.
    const status = () => (state.db?.db.$client.prepare("SELECT status FROM import_job").get() as { status: string }).status;
    await vi.waitFor(() => expect(status()).toBe("done"), { timeout: 30_000, interval: 100 });
  });
});
