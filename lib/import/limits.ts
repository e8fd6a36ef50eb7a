import { getEnv } from "@/lib/env";
import type { ImportLimits } from "@/lib/import/zip";

/** The zip-bomb guards of this instance (lib/env.ts, `IMPORT_MAX_*`). */
export function getImportLimits(): ImportLimits {
  const env = getEnv();
  return { maxUncompressedBytes: env.IMPORT_MAX_UNCOMPRESSED_BYTES, maxEntries: env.IMPORT_MAX_ENTRIES, maxRatio: env.IMPORT_MAX_RATIO };
}
