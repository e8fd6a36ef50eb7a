// npm run import -- --athlete <userId|polarUserId> <path.zip> [--json]
// Imports Polar's "Download your data" archive in this process; run it again on the same file to resume.
import "./load-env";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { polarConnections, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getImportLimits, importArchive, IMPORT_TYPES, TYPE_LABELS, type ImportJobView } from "@/lib/import";

const { values, positionals } = parseArgs({
  options: { athlete: { type: "string" }, json: { type: "boolean", default: false } },
  allowPositionals: true,
});

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run import -- --athlete <userId|polarUserId> <path.zip> [--json]`);
  process.exit(2);
}

function printSummary(view: ImportJobView): void {
  console.log(`${view.archiveName}: ${view.status}`);
  for (const type of IMPORT_TYPES) {
    const s = view.summary.types[type];
    if (s.files.total === 0) continue;
    const skipped = Object.entries(s.skipped).map(([why, n]) => `${n} ${why}`).join("; ");
    console.log(`  ${TYPE_LABELS[type].padEnd(19)} imported ${s.imported}, already present ${s.present}, skipped ${skipped || 0}, quarantined ${s.quarantined.length}`);
    for (const q of s.quarantined) console.log(`    ! ${q.entry}: ${q.error}`);
  }
  for (const [why, n] of Object.entries(view.summary.skippedEntries)) console.log(`  not imported: ${n} × ${why}`);
  if (view.summary.unknownEntries.length > 0) console.log(`  unknown files: ${view.summary.unknownEntries.join(", ")}`);
  if (view.error) console.log(`  ! ${view.error}`);
}

async function main(): Promise<void> {
  const key = values.athlete;
  const path = positionals[0];
  if (!key || !path) usage("Name an athlete and an archive.");
  const env = getEnv();
  const db = openDatabase(env.DATABASE_PATH);
  const byId = db.select({ id: users.id }).from(users).where(eq(users.id, key)).get();
  const byPolar = /^\d+$/.test(key)
    ? db.select({ id: polarConnections.userId }).from(polarConnections).where(eq(polarConnections.polarUserId, Number(key))).get()
    : undefined;
  const athleteId = byId?.id ?? byPolar?.id;
  if (!athleteId) usage(`No athlete with user id or Polar user id "${key}".`);
  try {
    const view = await importArchive({ db, limits: getImportLimits() }, athleteId, { path }, "cli");
    if (values.json) console.log(JSON.stringify(view, null, 2));
    else printSummary(view);
    process.exitCode = view.status === "failed" ? 1 : 0;
  } catch (error) {
    console.error(isAppError(error) ? error.message : error);
    process.exitCode = 1;
  } finally {
    db.$client.close();
  }
}

void main();
