import { zipSync, type Zippable } from "fflate";

/**
 * ZIP archives for data exports, written by fflate (DEFLATE, UTF-8 names). A thin wrapper only to fix the
 * entries' timestamp rule in one place.
 */

export type ZipEntry = { name: string; data: Uint8Array };

/**
 * ZIP stores a wall-clock time with no zone, and fflate writes it from a `Date`'s local fields. Handing it the
 * UTC wall time as a zone-less ISO string (which `Date` reads as local) stamps every entry with UTC, so an
 * export is the same bytes whichever zone the server runs in.
 */
function toZipTimestamp(modifiedAt: Date): string {
  return modifiedAt.toISOString().slice(0, 19);
}

/**
 * Builds a ZIP archive of `entries` (in order), all stamped with `modifiedAt` (UTC, 1980–2099 as ZIP allows).
 * @throws Error when two entries share a name: a ZIP reader would keep only one of them.
 */
export function createZip(entries: ZipEntry[], modifiedAt: Date): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) {
    if (Object.hasOwn(files, entry.name)) throw new Error(`Duplicate ZIP entry: ${entry.name}`);
    files[entry.name] = entry.data;
  }
  return zipSync(files, { level: 6, mtime: toZipTimestamp(modifiedAt) });
}
