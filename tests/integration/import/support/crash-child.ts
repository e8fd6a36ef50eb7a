// Child process of the import crash test: imports ARCHIVE into IMPORT_DB for ATHLETE and SIGKILLs ITSELF inside
// the transaction of entry KILL_AT (after its rows are written, before the commit). KILL_AT=0 runs to the end.
// CHUNK_ENTRIES entries are written per transaction, so kills land inside chunks too.
// Exit code 0 = finished; the parent sees signal SIGKILL otherwise.
import { openDatabase } from "@/db/client";
import { importArchive } from "@/lib/import";
import { TEST_IMPORT_LIMITS } from "./harness";

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const killAt = Number(process.env.KILL_AT ?? "0");
const chunkEntries = Number(requireEnv("CHUNK_ENTRIES"));
const db = openDatabase(requireEnv("IMPORT_DB"));

async function main(): Promise<void> {
  const view = await importArchive(
    {
      db,
      limits: TEST_IMPORT_LIMITS,
      chunk: { entries: chunkEntries, bytes: 64 * 1024 * 1024 },
      onEntryWritten: (position) => {
        if (killAt > 0 && position >= killAt) process.kill(process.pid, "SIGKILL");
      },
    },
    requireEnv("ATHLETE"),
    { path: requireEnv("ARCHIVE") },
    "cli",
  );
  process.stdout.write(JSON.stringify(view.summary));
  db.$client.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
