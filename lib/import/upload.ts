/**
 * An uploaded archive streamed to a temporary file (never held in memory), refused past the size limit. The
 * file lives in the OS temp directory under a random name: the client's file name is only a label.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";

export const UPLOAD_DIR = join(tmpdir(), "threshold-imports");

export async function saveUpload(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<{ path: string; bytes: number }> {
  if (!body) throw new AppError("bad_request", "Choose the .zip file Polar sent you, then upload it.");
  await mkdir(UPLOAD_DIR, { recursive: true });
  const path = join(UPLOAD_DIR, `${randomUUID()}.zip`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(new AppError("bad_request", `The file is larger than the ${Math.round(maxBytes / 1024 ** 2)} MB this server accepts.`));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), limit, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request", "The upload did not arrive completely. Please try again.");
  }
  if (bytes === 0) {
    await rm(path, { force: true });
    throw new AppError("bad_request", "The uploaded file is empty.");
  }
  return { path, bytes };
}
