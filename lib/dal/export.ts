import "server-only";
import type { Db } from "@/db/client";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { toCsv } from "@/lib/dal/csv";
import { createZip } from "@/lib/dal/zip";

/**
 * The athlete's data export (docs/export.md). Built generically from the schema so it grows as data types
 * land: every table with a foreign key to `user` contributes the rows whose key is this athlete, and a table
 * without a user column contributes the rows that hang off an included parent (e.g. samples of an exercise).
 * Tables with their own user column are never reached through a parent, so another athlete's rows cannot leak
 * in through a shared team or invite.
 */

export const EXPORT_FORMAT = "threshold-export";
export const EXPORT_VERSION = 1;

export type ExportValue = string | number | null;
export type ExportRow = Record<string, ExportValue>;
export type AthleteExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  athlete: ExportRow;
  data: Record<string, ExportRow[]>;
};

const USER_TABLE = "user";
/** Auth.js plumbing: session tokens and account links are credentials, not the athlete's data. */
const EXCLUDED_TABLES = new Set(["session", "account", "verificationToken", "pending_deregistration"]);
/** Columns that hold credentials (encrypted or not) never leave the server. */
const SECRET_COLUMN = /token|secret|password/i;

type ForeignKey = { id: number; seq: number; table: string; from: string; to: string | null };
type ColumnInfo = { name: string; pk: number };
type Scope = { where: string; params: unknown[] };

type ExportTable = { name: string; columns: string[]; rows: ExportRow[] };

/** Everything stored about the athlete, table by table, credentials removed. */
export function readAthleteTables(db: Db, userId: string): { athlete: ExportTable; tables: ExportTable[] } {
  const sqlite = db.$client;
  const tables = (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
      .all() as { name: string }[]
  ).map((row) => row.name);

  const columnsOf = (table: string) => sqlite.prepare(`PRAGMA table_info(${quoteId(table)})`).all() as ColumnInfo[];
  const foreignKeysOf = (table: string) => sqlite.prepare(`PRAGMA foreign_key_list(${quoteId(table)})`).all() as ForeignKey[];
  const primaryKeyOf = (table: string) =>
    columnsOf(table)
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);

  const scopes = new Map<string, Scope>();
  scopes.set(USER_TABLE, { where: `${quoteId("id")} = ?`, params: [userId] });

  // Single-column foreign keys only: composite keys to user data do not exist in the schema.
  const singleKeys = new Map<string, ForeignKey[]>();
  for (const table of tables) {
    const keys = foreignKeysOf(table);
    const composite = new Set(keys.filter((key) => key.seq > 0).map((key) => key.id));
    singleKeys.set(table, keys.filter((key) => !composite.has(key.id)));
  }

  for (const table of tables) {
    if (table === USER_TABLE || EXCLUDED_TABLES.has(table)) continue;
    const userKeys = (singleKeys.get(table) ?? []).filter((key) => key.table === USER_TABLE);
    if (userKeys.length === 0) continue;
    scopes.set(table, {
      where: userKeys.map((key) => `${quoteId(key.from)} = ?`).join(" OR "),
      params: userKeys.map(() => userId),
    });
  }

  // Children without a user column of their own, to a fixed point (grandchildren of an exercise, …).
  let grew = true;
  while (grew) {
    grew = false;
    for (const table of tables) {
      if (scopes.has(table) || EXCLUDED_TABLES.has(table)) continue;
      const parentKeys = (singleKeys.get(table) ?? []).filter((key) => scopes.has(key.table) && key.table !== USER_TABLE);
      if (parentKeys.length === 0) continue;
      const parts: string[] = [];
      const params: unknown[] = [];
      for (const key of parentKeys) {
        const parent = scopes.get(key.table);
        const parentColumn = key.to ?? primaryKeyOf(key.table)[0];
        if (!parent || !parentColumn) continue;
        parts.push(`${quoteId(key.from)} IN (SELECT ${quoteId(parentColumn)} FROM ${quoteId(key.table)} WHERE ${parent.where})`);
        params.push(...parent.params);
      }
      if (parts.length === 0) continue;
      scopes.set(table, { where: parts.join(" OR "), params });
      grew = true;
    }
  }

  const readTable = (table: string, scope: Scope): ExportTable => {
    const columns = columnsOf(table)
      .map((column) => column.name)
      .filter((name) => !SECRET_COLUMN.test(name));
    if (columns.length === 0) return { name: table, columns, rows: [] };
    const order = primaryKeyOf(table).filter((name) => columns.includes(name));
    const sql =
      `SELECT ${columns.map(quoteId).join(", ")} FROM ${quoteId(table)} WHERE ${scope.where}` +
      (order.length > 0 ? ` ORDER BY ${order.map(quoteId).join(", ")}` : "");
    const rows = (sqlite.prepare(sql).all(...scope.params) as Record<string, unknown>[]).map(toExportRow);
    return { name: table, columns, rows };
  };

  const userScope = scopes.get(USER_TABLE);
  const athlete = userScope ? readTable(USER_TABLE, userScope) : undefined;
  if (!athlete || athlete.rows.length !== 1) throw new AppError("not_found", "No such athlete.");

  const owned: ExportTable[] = [];
  for (const table of [...scopes.keys()].filter((name) => name !== USER_TABLE).sort()) {
    const scope = scopes.get(table);
    if (scope) owned.push(readTable(table, scope));
  }
  return { athlete, tables: owned };
}

/** The versioned JSON export of one athlete. */
export function buildAthleteExport(db: Db, userId: string, exportedAt: Date): AthleteExport {
  const { athlete, tables } = readAthleteTables(db, userId);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    athlete: athlete.rows[0],
    data: Object.fromEntries(tables.map((table) => [table.name, table.rows])),
  };
}

function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** BLOBs (packed samples) become base64 text; SQLite integers above 2^53 do not occur (no bigint mode). */
function toExportRow(row: Record<string, unknown>): ExportRow {
  const out: ExportRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null || value === undefined) out[key] = null;
    else if (typeof value === "number" || typeof value === "string") out[key] = value;
    else if (typeof value === "bigint") out[key] = value.toString();
    else if (value instanceof Uint8Array) out[key] = Buffer.from(value).toString("base64");
    else out[key] = String(value);
  }
  return out;
}

/** One table as CSV (lib/dal/csv: RFC 4180, formula-guarded): header from `columns`, one record per row. */
export function toTableCsv(rows: ExportRow[], columns: string[]): string {
  return toCsv(
    columns,
    rows.map((row) => columns.map((name) => row[name] ?? null)),
  );
}

/**
 * The CSV flavour: a ZIP with `manifest.json` (format, version, exportedAt, file list), `athlete.csv` and one
 * `<table>.csv` per table, each with a header row even when the table has no rows.
 */
export function buildAthleteExportZip(db: Db, userId: string, exportedAt: Date): Uint8Array {
  const { athlete, tables } = readAthleteTables(db, userId);
  const encoder = new TextEncoder();
  const files = [
    { name: "athlete.csv", data: encoder.encode(toTableCsv(athlete.rows, athlete.columns)) },
    ...tables.map((table) => ({ name: `${table.name}.csv`, data: encoder.encode(toTableCsv(table.rows, table.columns)) })),
  ];
  const manifest = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    files: files.map((file) => file.name),
  };
  files.unshift({ name: "manifest.json", data: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`) });
  return createZip(files, exportedAt);
}

export type ExportFile = { body: Uint8Array | string; contentType: string; filename: string };

/** The signed-in athlete's export as a downloadable file. */
export async function exportViewerData(format: "json" | "csv", now: Date): Promise<ExportFile> {
  const viewer = await requireViewer();
  const stem = `threshold-export-${viewer.polarUserId ?? viewer.userId}-${now.toISOString().slice(0, 10)}`;
  if (format === "json") {
    const data = buildAthleteExport(getDb(), viewer.userId, now);
    return { body: JSON.stringify(data, null, 2), contentType: "application/json; charset=utf-8", filename: `${stem}.json` };
  }
  return { body: buildAthleteExportZip(getDb(), viewer.userId, now), contentType: "application/zip", filename: `${stem}.zip` };
}
