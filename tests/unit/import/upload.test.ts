import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { saveUpload, UPLOAD_DIR } from "@/lib/import/upload";

function streamOf(chunks: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(7));
      controller.close();
    },
  });
}

describe("saveUpload", () => {
  it("streams the body to a new temp file", async () => {
    const saved = await saveUpload(streamOf([1000, 2000, 3000]), 10_000);
    expect(saved.bytes).toBe(6000);
    expect(saved.path.startsWith(UPLOAD_DIR)).toBe(true);
    expect(readFileSync(saved.path).length).toBe(6000);
    rmSync(saved.path);
  });

  it("refuses a body over the limit and leaves no file behind", async () => {
    const before = existsSync(UPLOAD_DIR) ? readdirSync(UPLOAD_DIR).length : 0;
    const error = await saveUpload(streamOf([4000, 4000, 4000]), 10_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/larger than/);
    expect(readdirSync(UPLOAD_DIR).length).toBe(before);
  });

  it("refuses an empty or missing body", async () => {
    await expect(saveUpload(null, 10)).rejects.toThrow(/Choose the .zip file/);
    await expect(saveUpload(streamOf([]), 10)).rejects.toThrow(/empty/);
  });
});
