import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { importArchive } from "@/lib/import";
import { createTestDb, snapshotAthlete } from "../sync/support/harness";
import { TEST_IMPORT_LIMITS } from "./support/harness";

const dir = mkdtempSync(join(tmpdir(), "threshold-bad-archive-"));
const testDb = createTestDb("bad-archive");
afterAll(() => {
  testDb.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("an archive that cannot be imported", () => {
  it("is refused with a clear error before any run, job or row is written", async () => {
    testDb.db.insert(users).values({ id: "a", name: "A" }).run();
    const before = snapshotAthlete(testDb.db, "a", { withProvenance: true });
    const path = join(dir, "polar-user-data-export_x.zip");
    writeFileSync(path, "PK\u0003\u0004 but not really a zip");
    const error = await importArchive({ db: testDb.db, limits: TEST_IMPORT_LIMITS }, "a", { path }, "cli").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/not a readable zip/);
    const count = (table: string) => (testDb.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count("sync_run")).toBe(0);
    expect(count("import_job")).toBe(0);
    expect(snapshotAthlete(testDb.db, "a", { withProvenance: true })).toEqual(before);
  });
});
