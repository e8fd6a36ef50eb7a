import { getTableName, sql } from "drizzle-orm";
import type { SQLiteInsertValue, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db, DbTx } from "@/db/client";

/**
 * INSERTs through statements prepared once per handle and column set. A sync inserts hundreds of rows of a few
 * shapes; building the query and compiling its SQL for each row cost more than running it. Prepared on the
 * database handle, a statement also runs inside that handle's transactions (one connection). Absent
 * (`undefined`) values are left out, so the column defaults apply as with a plain insert.
 */

type Handle = Db | DbTx;
type Statement = { run(values: Record<string, unknown>): unknown; get(values: Record<string, unknown>): unknown };

const prepared = new WeakMap<Handle, Map<string, Statement>>();

function prepare<T extends SQLiteTable>(db: Handle, table: T, columns: readonly string[], returningId: boolean): Statement {
  const key = `${getTableName(table)}(${columns.join(",")})${returningId ? " returning" : ""}`;
  let forHandle = prepared.get(db);
  if (!forHandle) {
    forHandle = new Map();
    prepared.set(db, forHandle);
  }
  const existing = forHandle.get(key);
  if (existing) return existing;
  const placeholders = Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])) as SQLiteInsertValue<T>;
  const insert = db.insert(table).values(placeholders);
  const statement: Statement = returningId ? insert.returning({ id: sql<number>`rowid` }).prepare() : insert.prepare();
  forHandle.set(key, statement);
  return statement;
}

/** The row's present values, as SQLite binds them: a boolean as 0/1 (column mappings do not apply to placeholders). */
function toBound(values: Record<string, unknown>): { columns: string[]; bound: Record<string, unknown> } {
  const columns: string[] = [];
  const bound: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(values)) {
    if (value === undefined) continue;
    columns.push(column);
    bound[column] = typeof value === "boolean" ? Number(value) : value;
  }
  return { columns, bound };
}

export function insertRow<T extends SQLiteTable>(db: Handle, table: T, values: Record<string, unknown>): void {
  const { columns, bound } = toBound(values);
  prepare(db, table, columns, false).run(bound);
}

/** Inserts one row and returns its rowid (the `INTEGER PRIMARY KEY` id). */
export function insertRowReturningId<T extends SQLiteTable>(db: Handle, table: T, values: Record<string, unknown>): number {
  const { columns, bound } = toBound(values);
  const row = prepare(db, table, columns, true).get(bound) as { id: number };
  return row.id;
}
