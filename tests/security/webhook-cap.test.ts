import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema/webhooks";
import { readCappedBody } from "@/lib/http/capped-body";
import { handlePolarWebhook, WEBHOOK_MAX_BODY_BYTES } from "@/lib/sync/webhook-receiver";
import { saveStoredWebhook } from "@/lib/sync/webhook-registration";
import { computeWebhookSignature } from "@/lib/sync/webhook-signature";
import { createTestDb, type TestDb } from "@/tests/fixtures/db";
import { addAthlete, TOKEN_KEY } from "../unit/sync/support";

/**
 * Finding 18.1: the receiver read any body whole before looking at its size, so eight 100 MB posts took the
 * server to ~1 GB. These tests feed the handler a 100 MB body that is generated lazily and count what it pulls:
 * the old `request.arrayBuffer()` pulled all 100 MB, the capped read stops one chunk past the cap.
 */

const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = 64 * 1024;
const SECRET = "cap-test-secret";
const AINO = 48213977;

type CountedBody = { stream: ReadableStream<Uint8Array>; pulled: () => number };

/** A body of `size` bytes produced on demand, remembering how many bytes the reader asked for. */
function countedBody(size: number, fill = 0x20): CountedBody {
  let pulled = 0;
  const chunk = new Uint8Array(CHUNK).fill(fill);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= size) return controller.close();
        const next = Math.min(CHUNK, size - pulled);
        pulled += next;
        controller.enqueue(next === CHUNK ? chunk : chunk.subarray(0, next));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

function post(body: BodyInit, headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/webhooks/polar", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
  addAthlete(t.db, { id: "aino", polarUserId: AINO });
  saveStoredWebhook(t.db, { id: "wh-1", url: "http://localhost:3000/api/webhooks/polar", events: ["SLEEP"], signatureSecretKey: SECRET }, TOKEN_KEY, 0);
});
afterEach(() => t.close());

const deps = () => ({ db: t.db, tokenKey: TOKEN_KEY, log: () => undefined });

describe("webhook body cap (18.1)", () => {
  it("refuses a declared Content-Length over the cap without reading a byte", async () => {
    const body = countedBody(HUNDRED_MB);
    const response = await handlePolarWebhook(post(body.stream, { "content-length": String(HUNDRED_MB) }), deps());
    expect(response.status).toBe(413);
    expect(body.pulled()).toBe(0);
  });

  it("stops reading a chunked 100 MB body one chunk past the cap", async () => {
    const body = countedBody(HUNDRED_MB);
    const response = await handlePolarWebhook(post(body.stream, {}), deps());
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(WEBHOOK_MAX_BODY_BYTES + CHUNK);
    expect(t.db.select().from(webhookEvents).all()).toEqual([]);
  });

  it("bounds PING too: a 100 MB PING gets 413, not 200, and is not read to the end", async () => {
    const chunked = countedBody(HUNDRED_MB);
    const response = await handlePolarWebhook(post(chunked.stream, { "polar-webhook-event": "PING" }), deps());
    expect(response.status).toBe(413);
    expect(chunked.pulled()).toBeLessThanOrEqual(WEBHOOK_MAX_BODY_BYTES + CHUNK);

    const declared = countedBody(HUNDRED_MB);
    const refused = await handlePolarWebhook(
      post(declared.stream, { "polar-webhook-event": "PING", "content-length": String(HUNDRED_MB) }),
      deps(),
    );
    expect(refused.status).toBe(413);
    expect(declared.pulled()).toBe(0);
  });

  it("checks the signature before parsing: unsigned garbage under the cap is 401, not a JSON error", async () => {
    const response = await handlePolarWebhook(post("{not json", { "polar-webhook-event": "SLEEP" }), deps());
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_signature" });
  });

  it("still accepts a small signed event", async () => {
    const body = JSON.stringify({ event: "SLEEP", user_id: AINO, date: "2026-03-01", timestamp: "2026-03-01T04:10:02Z" });
    const signature = computeWebhookSignature(new TextEncoder().encode(body), SECRET);
    const response = await handlePolarWebhook(
      post(body, { "polar-webhook-event": "SLEEP", "polar-webhook-signature": signature }),
      { ...deps(), now: () => 1 },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "accepted" });
  });
});

describe("readCappedBody", () => {
  it("returns the bytes of a body up to the cap, split over chunks", async () => {
    const body = countedBody(3 * CHUNK + 5, 0x61);
    const read = await readCappedBody(post(body.stream, {}), 3 * CHUNK + 5);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.bytes.byteLength).toBe(3 * CHUNK + 5);
      expect(read.bytes.every((byte) => byte === 0x61)).toBe(true);
    }
  });

  it("refuses one byte over the cap, and a Content-Length that is not a number", async () => {
    expect(await readCappedBody(post(countedBody(CHUNK + 1).stream, {}), CHUNK)).toEqual({ ok: false, reason: "too_large" });
    expect(await readCappedBody(post("{}", { "content-length": "2x" }), CHUNK)).toEqual({ ok: false, reason: "bad_length" });
  });
});
