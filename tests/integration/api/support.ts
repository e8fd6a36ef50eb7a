import { vi } from "vitest";
import type { TestDb } from "../dal/fixtures";

/**
 * Seams of the token API tests: the app database (@/db) points at a test SQLite file. The viewer comes from
 * the Bearer token itself (no session mock): that is what is under test.
 */
export const apiState: { db: TestDb | null } = { db: null };

export function stubApiEnv(): void {
  vi.stubEnv("AUTH_SECRET", "a".repeat(40));
  vi.stubEnv("TOKEN_ENCRYPTION_KEY", "0".repeat(64));
  vi.stubEnv("POLAR_CLIENT_ID", "test-client");
  vi.stubEnv("POLAR_CLIENT_SECRET", "test-secret");
  vi.stubEnv("APP_URL", "http://localhost:3000");
}

export function getTestDb(): TestDb["db"] {
  if (!apiState.db) throw new Error("test database not ready");
  return apiState.db.db;
}

/** `/api/v1/athletes/[id]/daily` → `/api/v1/athletes/{id}/daily`, and the params of a concrete URL path. */
export function matchRoute(pattern: string, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(`^${pattern.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
  const match = regex.exec(pathname);
  return match ? Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])])) : null;
}
