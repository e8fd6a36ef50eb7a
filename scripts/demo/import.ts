/**
 * The demo's imported history (issue 15): an athlete who connects with years behind her brings them in Polar's
 * "Download your data" archive. The simulator writes her archive as it stands at that instant (its admin
 * endpoint, the same writer as `npm run sim:export`), and the real importer reads it, the code path of
 * Settings → Your data and `npm run import`, so the import is a run in her sync log. No row is written by hand.
 */
import { rm } from "node:fs/promises";
import type { Db } from "@/db/client";
import { importArchive, type ImportJobView } from "@/lib/import";
import type { ImportLimits } from "@/lib/import/zip";

export type DemoImport = {
  db: Db;
  simUrl: string;
  limits: ImportLimits;
  /** Simulated now: the import run's times. */
  now: () => number;
};

/** Days of history the archive covers back from the connection: more than a year of PMC on the first day. */
export const DEMO_IMPORT_COVER_DAYS = 400;

/** The demo athlete who imports it: the simulator's `importAthlete`. */
export const DEMO_IMPORT_LOGIN = "elena";

export async function importSimulatedArchive(
  options: DemoImport,
  athlete: { userId: string; polarUserId: number; login: string },
  coverDays: number,
): Promise<ImportJobView> {
  const response = await fetch(`${options.simUrl}/__admin/athletes/${athlete.polarUserId}/export`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ format: "current", coverDays }),
  });
  if (!response.ok) throw new Error(`The simulator could not write ${athlete.login}'s archive: HTTP ${response.status}`);
  const { path } = (await response.json()) as { path: string };
  try {
    const view = await importArchive({ db: options.db, limits: options.limits, now: options.now }, athlete.userId, { path }, "demo");
    if (view.status !== "done") throw new Error(`${athlete.login}'s archive import ended ${view.status}: ${view.error ?? "see the sync log"}`);
    return view;
  } finally {
    await rm(path, { force: true });
  }
}
