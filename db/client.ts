import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside `db.transaction((tx) => …)`: query helpers accept either. */
export type DbTx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/**
 * Opens (creating if needed) a SQLite database with the pragmas the app relies on and applies every pending
 * migration from `drizzle/`. Query functions take the returned `db` as their first argument, so tests pass a
 * fresh file or `:memory:`.
 */
export function openDatabase(filePath: string, options: { migrationsFolder?: string } = {}): Db {
  if (filePath !== ":memory:") {
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  }
  const sqlite = new Database(filePath);
  // WAL lets the UI read while a sync writes; busy_timeout makes concurrent writers wait instead of failing.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  // Foreign keys stay off while migrating: drizzle-kit rebuilds a table to change a column (create, copy, DROP,
  // rename), and with them on, that DROP would cascade into the child rows (an exercise's samples). The
  // generated `PRAGMA foreign_keys=OFF` cannot help: the migrator runs inside one transaction, where the pragma
  // is a no-op. The check afterwards fails start-up rather than run on a broken reference.
  sqlite.pragma("foreign_keys = OFF");
  migrate(db, { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER });
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length > 0) throw new Error(`migrations left ${broken.length} broken foreign key reference(s)`);
  sqlite.pragma("foreign_keys = ON");
  return db;
}
