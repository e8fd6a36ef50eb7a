/**
 * Reads a request body without ever holding more than `maxBytes` of it. A declared `Content-Length` over the
 * cap is refused before a byte is read; a body without one (chunked) is read through the stream and the read
 * is cancelled as soon as the running total passes the cap. So an oversized post costs at most the cap plus
 * one chunk of memory, whatever its size.
 */
export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too_large" | "bad_length" };

export async function readCappedBody(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d+$/.test(declared.trim())) {
      await discardBody(request);
      return { ok: false, reason: "bad_length" };
    }
    if (Number(declared) > maxBytes) {
      await discardBody(request);
      return { ok: false, reason: "too_large" };
    }
  }
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Tells the stream we will not read it (the server drops the rest instead of buffering it for us). */
async function discardBody(request: Request): Promise<void> {
  if (request.body === null || request.bodyUsed) return;
  await request.body.cancel().catch(() => undefined);
}
