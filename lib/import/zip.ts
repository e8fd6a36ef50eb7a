/**
 * Reading Polar's archive from a file with yauzl, entry by entry (polar-export.md §1, §6): the central
 * directory is checked first (a corrupt, truncated or non-zip file and a zip bomb fail here, before anything is
 * written), then each entry is read on its own into memory. Entry names only ever classify entries: nothing is
 * extracted to a path.
 */
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { AppError } from "@/lib/errors";

export type ImportLimits = {
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Uncompressed ÷ compressed, for the whole archive and for entries of at least `RATIO_MIN_ENTRY_BYTES`. */
  maxRatio: number;
};

/** Small entries compress by any ratio (a file of zeros); only large ones can carry a bomb. */
export const RATIO_MIN_ENTRY_BYTES = 1024 * 1024;

export type ArchiveEntry = {
  index: number;
  /** The name inside the zip, verbatim (may carry folders and colons). */
  name: string;
  /** The last path segment: what classification matches on. */
  basename: string;
  compressedSize: number;
  uncompressedSize: number;
};

export type OpenedArchive = {
  fileSize: number;
  entries: ArchiveEntry[];
  totalUncompressedBytes: number;
  readText(entry: ArchiveEntry): Promise<string>;
  close(): void;
};

function invalidArchive(message: string, details?: Record<string, unknown>): AppError {
  return new AppError("bad_request", message, details);
}

export function toBasename(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}

async function readStream(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    // The declared size is already within the guards; more bytes than declared is a lie (yauzl checks too).
    if (total > limit) {
      stream.destroy();
      throw invalidArchive("An archive entry is larger than its header says: the file is damaged or malicious.");
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

/** Opens and checks the archive; throws `bad_request` with a clear message when it cannot be imported. */
export async function openArchive(path: string, limits: ImportLimits): Promise<OpenedArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { autoClose: false, strictFileNames: false, validateEntrySizes: true });
  } catch (error) {
    throw invalidArchive(
      `This file is not a readable zip archive (${error instanceof Error ? error.message : String(error)}). Download the archive from Polar again and upload the .zip file as it is.`,
    );
  }
  const close = (): void => {
    if (zip.isOpen) zip.close();
  };
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw invalidArchive(`The archive has ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted.`, { entries: zip.entryCount });
    }
    const entries: ArchiveEntry[] = [];
    const raw = new Map<number, yauzl.Entry>();
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      total += entry.uncompressedSize;
      if (total > limits.maxUncompressedBytes) {
        throw invalidArchive(`The archive unpacks to more than ${limits.maxUncompressedBytes} bytes, the limit.`, { limit: limits.maxUncompressedBytes });
      }
      if (entry.uncompressedSize >= RATIO_MIN_ENTRY_BYTES && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
        throw invalidArchive(`The entry ${entry.fileName} is compressed more than ${limits.maxRatio}:1: refused as a possible zip bomb.`, { entry: entry.fileName });
      }
      const index = entries.length;
      raw.set(index, entry);
      entries.push({ index, name: entry.fileName, basename: toBasename(entry.fileName), compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
    }
    if (total >= RATIO_MIN_ENTRY_BYTES && total > limits.maxRatio * Math.max(1, zip.fileSize)) {
      throw invalidArchive(`The archive is compressed more than ${limits.maxRatio}:1: refused as a possible zip bomb.`);
    }
    return {
      fileSize: zip.fileSize,
      entries,
      totalUncompressedBytes: total,
      async readText(entry) {
        const found = raw.get(entry.index);
        if (!found) throw new Error(`no entry ${entry.index}`);
        const stream = await zip.openReadStreamPromise(found);
        return (await readStream(stream, found.uncompressedSize)).toString("utf8");
      },
      close,
    };
  } catch (error) {
    close();
    if (error instanceof AppError) throw error;
    throw invalidArchive(`The archive is damaged or truncated (${error instanceof Error ? error.message : String(error)}).`);
  }
}
