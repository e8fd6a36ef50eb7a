/**
 * The import's inserts as prepared statements. An archive holds thousands of sessions and days: building the
 * query and compiling its SQL for every row cost more than running it. A statement is prepared once per
 * database handle, table and set of columns (a writer always hands over the same keys), then reused.
 */
import { and, between, eq, getTableName, sql } from "drizzle-orm";
import type { SQLiteInsertValue, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { exercises } from "@/db/schema/polar-data";

type Row = Record<string, unknown>;
type Prepared = { run(values: Row): { lastInsertRowid: number | bigint } };

const prepared = new WeakMap<Db, Map<string, Prepared>>();

function prepareInsert<T extends SQLiteTable>(db: Db, table: T, keys: readonly string[]): Prepared {
  const values = Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as SQLiteInsertValue<T>;
  const statement = db.insert(table).values(values).prepare();
  return { run: (row) => statement.run(row) };
}

/** Inserts `row` into `table` through the statement prepared for its columns; returns the new row's id. */
export function insertRow<T extends SQLiteTable>(db: Db, table: T, row: Row): number {
  let forDb = prepared.get(db);
  if (!forDb) {
    forDb = new Map();
    prepared.set(db, forDb);
  }
  // An undefined value is an absent column (its default), as in drizzle's own insert.
  const keys = Object.keys(row).filter((key) => row[key] !== undefined);
  const cacheKey = `${getTableName(table)}(${keys.join(",")})`;
  let statement = forDb.get(cacheKey);
  if (!statement) {
    statement = prepareInsert(db, table, keys);
    forDb.set(cacheKey, statement);
  }
  return Number(statement.run(row).lastInsertRowid);
}

export type SessionKey = { id: number; deviceId: string | null; startUtcMs: number; durationSeconds: number; sport: string };

const sessionsNear = new WeakMap<Db, ReturnType<typeof prepareSessionsNear>>();

function prepareSessionsNear(db: Db) {
  return db
    .select({ id: exercises.id, deviceId: exercises.deviceId, startUtcMs: exercises.startUtcMs, durationSeconds: exercises.durationSeconds, sport: exercises.sport })
    .from(exercises)
    .where(and(eq(exercises.athleteId, sql.placeholder("athleteId")), between(exercises.startUtcMs, sql.placeholder("from"), sql.placeholder("to"))))
    .prepare();
}

/** The athlete's stored sessions starting in [from, to] (UTC ms), only the columns duplicate detection reads. */
export function selectSessionsNear(db: Db, athleteId: string, from: number, to: number): SessionKey[] {
  let statement = sessionsNear.get(db);
  if (!statement) {
    statement = prepareSessionsNear(db);
    sessionsNear.set(db, statement);
  }
  return statement.all({ athleteId, from, to });
}
