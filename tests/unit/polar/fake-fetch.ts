/** Test doubles for lib/polar: a scripted fetch that records every request, and a fake clock. */

export type RecordedRequest = { method: string; url: string; headers: Headers; body: string | undefined };

export type FakeReply =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  /** Never answers; rejects when the request is aborted (timeout). */
  | { hang: true }
  /** fetch itself rejects (refused connection, DNS). */
  | { networkError: string };

export type FakeHandler = (request: RecordedRequest, index: number) => FakeReply;

export function createFakeFetch(handler: FakeHandler): { fetch: typeof fetch; calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    const request: RecordedRequest = {
      method: init?.method ?? "GET",
      url,
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined,
    };
    calls.push(request);
    const reply = handler(request, calls.length - 1);
    if ("hang" in reply) {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    }
    if ("networkError" in reply) throw new TypeError(reply.networkError);
    const headers = new Headers(reply.headers);
    if (reply.json !== undefined) headers.set("Content-Type", "application/json");
    const body = reply.status === 204 ? null : reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? "");
    return new Response(body, { status: reply.status, headers });
  };
  return { fetch: fakeFetch as typeof fetch, calls };
}

/** A clock whose sleep advances it: no real waiting, and every wait is recorded. */
export function createFakeClock(startMs: number): {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
  advance: (ms: number) => void;
} {
  let current = startMs;
  const sleeps: number[] = [];
  return {
    now: () => current,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      current += ms;
    },
    sleeps,
    advance: (ms: number) => {
      current += ms;
    },
  };
}

/** `RateLimit-*` headers as Polar sends them: short window first. */
export function rateLimitHeaders(usage: [number, number], limit: [number, number], reset: [number, number]): Record<string, string> {
  return {
    "RateLimit-Usage": `${usage[0]}, ${usage[1]}`,
    "RateLimit-Limit": `${limit[0]}, ${limit[1]}`,
    "RateLimit-Reset": `${reset[0]}, ${reset[1]}`,
  };
}
