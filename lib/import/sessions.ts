/** A training-session entry: the parser is chosen from the keys, never from the file name (polar-export.md §0). */
import type { ImportedSession } from "@/lib/import/model";
import { isCurrentSession, parseCurrentSession } from "@/lib/import/session-current";
import { isLegacySession, parseLegacySession } from "@/lib/import/session-legacy";
import { readIdFromFileName } from "@/lib/import/session-common";

export class NotASessionError extends Error {}

export function parseSessionEntry(json: unknown, basename: string): ImportedSession {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new NotASessionError("not a JSON object");
  const record = json as Record<string, unknown>;
  if (isCurrentSession(record)) return parseCurrentSession(record);
  if (isLegacySession(record)) return parseLegacySession(record, readIdFromFileName(basename));
  throw new NotASessionError("neither session format: no identifier/durationMillis, no exportVersion/duration");
}
