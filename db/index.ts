import { getEnv } from "@/lib/env";
import { openDatabase, type Db } from "./client";

export { openDatabase, type Db } from "./client";
export * as schema from "./schema";

// One connection per server process, kept on globalThis so Next's dev reloads don't open a new one each time.
const globalForDb = globalThis as unknown as { thresholdDb?: Db };

/** The app's database (path from DATABASE_PATH), migrated on first use. */
export function getDb(): Db {
  globalForDb.thresholdDb ??= openDatabase(getEnv().DATABASE_PATH);
  return globalForDb.thresholdDb;
}
