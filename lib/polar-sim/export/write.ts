/**
 * Streams an archive to a file with fflate's `Zip`: one entry is rendered, deflated and written at a time,
 * waiting for the file stream to drain, so a multi-year archive never sits in memory.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from "fflate";
import { listExportEntries, type ExportEntry, type PolarExportOptions } from "@/lib/polar-sim/export/archive";

export type ExportWriteResult = { entries: number; bytes: number };

/** Fixed entry times keep the archive byte-identical for the same options (a zone-less wall time: any TZ). */
const ENTRY_MTIME = "2026-04-05T08:00:00";

export async function writeExportEntries(entries: Iterable<ExportEntry>, outPath: string, level: 0 | 1 | 6 = 6): Promise<ExportWriteResult> {
  const out = createWriteStream(outPath);
  let failure: Error | null = null;
  let bytes = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      bytes += chunk.length;
      out.write(chunk);
    }
  });
  let count = 0;
  for (const entry of entries) {
    const data = "text" in entry ? strToU8(entry.text) : entry.bytes;
    const file = level === 0 ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level });
    file.mtime = ENTRY_MTIME;
    zip.add(file);
    file.push(data, true);
    count++;
    if (failure) break;
    if (out.writableNeedDrain) await once(out, "drain");
  }
  zip.end();
  out.end();
  await once(out, "finish");
  if (failure) throw failure;
  return { entries: count, bytes };
}

export function writePolarExport(options: PolarExportOptions, outPath: string, level: 0 | 1 | 6 = 6): Promise<ExportWriteResult> {
  return writeExportEntries(listExportEntries(options), outPath, level);
}
