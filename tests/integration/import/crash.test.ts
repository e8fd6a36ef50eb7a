import { runBundledChild } from "@/tests/fixtures/child-process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { importArchive } from "@/lib/import";
import { writePolarExport } from "@/lib/polar-sim/export";
import { createTestDb, snapshotAthlete, type TestDb } from "../sync/support/harness";
import { TEST_IMPORT_LIMITS } from "./support/harness";

/**
 * An import SIGKILLed inside the transaction of many different entries, then started again on the same
 * archive, ends with the same rows and the same summary as one uninterrupted import (like the sync's crash test).
 * The children write 4 entries per transaction, so most kills land inside a chunk, after some of its entries
 * were written: the chunk is lost whole and redone. The reference writes with the default chunks.
 */

const CHILD = path.join(process.cwd(), "tests/integration/import/support/crash-child.ts");
const ATHLETE = "athlete-under-test";
const KILL_AT = [1, 2, 3, 5, 8, 13, 21, 34, 55];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "threshold-import-crash-"));
const bundle = path.join(dir, "crash-child.cjs");
const archive = path.join(dir, "polar-user-data-export_crash.zip");
const dbs: TestDb[] = [];

beforeAll(async () => {
  await build({ entryPoints: [CHILD], bundle: true, platform: "node", format: "cjs", outfile: bundle, external: ["better-sqlite3"], logLevel: "warning" });
  await writePolarExport({ seed: 7, startDate: "2025-03-03", days: 12, login: "maria", format: "current", historyDaysBefore: 14 }, archive);
});

afterAll(() => {
  for (const db of dbs) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function runChild(env: Record<string, string>) {
  return runBundledChild(bundle, env);
}

function createAthleteDb(label: string): TestDb {
  const testDb = createTestDb(label);
  dbs.push(testDb);
  testDb.db.insert(users).values({ id: ATHLETE, name: "Maria" }).run();
  return testDb;
}

describe("a SIGKILLed import", () => {
  it("resumes and finishes with the result of an uninterrupted import", async () => {
    const reference = createAthleteDb("import-reference");
    const expected = await importArchive({ db: reference.db, limits: TEST_IMPORT_LIMITS }, ATHLETE, { path: archive }, "cli");
    expect(expected.status).toBe("done");
    expect(expected.summary.types.sessions.imported).toBeGreaterThan(5);

    const crashed = createAthleteDb("import-crashed");
    // The children open the file themselves; this connection only reads.
    const env = { IMPORT_DB: crashed.file, ATHLETE, ARCHIVE: archive, CHUNK_ENTRIES: "4" };
    for (const killAt of KILL_AT) {
      const result = await runChild({ ...env, KILL_AT: String(killAt) });
      expect(result.signal).toBe("SIGKILL");
    }
    const finished = await runChild({ ...env, KILL_AT: "0" });
    expect(finished.code).toBe(0);
    expect(JSON.parse(finished.stdout)).toEqual(expected.summary);
    expect(snapshotAthlete(crashed.db, ATHLETE)).toEqual(snapshotAthlete(reference.db, ATHLETE));
    // Every kill left a run marked failed (interrupted); the last one succeeded.
    const runs = crashed.db.$client.prepare("SELECT status FROM sync_run WHERE kind = 'import' ORDER BY started_at").all() as { status: string }[];
    expect(runs.map((r) => r.status)).toEqual([...KILL_AT.map(() => "failed"), "succeeded"]);
  });
});
