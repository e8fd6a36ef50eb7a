import fs from "node:fs";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

export const TEST_KEY = "7a1c0e5f9b2d4c6e8f0a1b3c5d7e9f112233445566778899aabbccddeeff0011";

export { createTestDb, type TestDb } from "@/tests/fixtures/db";


export function insertUser(db: Db, values: { id: string; name?: string | null; polarUserId?: number | null }): void {
  db.insert(users)
    .values({ id: values.id, name: values.name ?? null, polarUserId: values.polarUserId ?? null })
    .run();
}

/** Every byte SQLite holds for the database: the main file plus the WAL (recent writes live there). */
export function readDatabaseBytes(file: string): Buffer {
  const parts = [file, `${file}-wal`].filter((part) => fs.existsSync(part)).map((part) => fs.readFileSync(part));
  return Buffer.concat(parts);
}

/** Rows of every table that mention `needles` in any column (text equal or containing, or numbers equal). */
export function findRowsMentioning(db: Db, needles: (string | number)[]): { table: string; row: Record<string, unknown> }[] {
  const sqlite = db.$client;
  const tables = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  const hits: { table: string; row: Record<string, unknown> }[] = [];
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all() as Record<string, unknown>[];
    for (const row of rows) {
      const mentions = Object.values(row).some((value) =>
        needles.some((needle) =>
          typeof needle === "number"
            ? value === needle || value === String(needle)
            : typeof value === "string" && value.includes(needle),
        ),
      );
      if (mentions) hits.push({ table, row });
    }
  }
  return hits;
}
