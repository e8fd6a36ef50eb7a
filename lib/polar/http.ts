import { PolarError, redactSecrets, sanitizeUrl, type PolarErrorCode } from "./errors";
import type { RateGovernor } from "./rate-governor";

/**
 * One AccessLink HTTP exchange: credentials, timeout, rate-limit governor, retries and status → PolarError.
 *
 * - Every request passes the governor first and reports its `RateLimit-*` headers back (§8).
 * - 429: the governor blocks everyone until the reported reset; the request is retried a bounded number of times.
 * - 5xx, timeouts and network failures: retried with exponential backoff and full jitter up to `maxRetries`,
 *   then `upstream`. Never for the token endpoint: a code is single-use and a repeated exchange revokes every
 *   token issued from it (§2.2).
 * - 4xx is final: 400 bad_request (token endpoint: oauth), 401 unauthorized, 403 consent_required,
 *   404 not_found, 409 conflict.
 * - 204 and empty bodies are never JSON-parsed.
 * Credentials travel only in the Authorization header; no header ever reaches an error or a message.
 */

export type PolarAuth =
  | { kind: "bearer"; token: string }
  | { kind: "basic"; clientId: string; clientSecret: string };

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type PolarRequest = {
  method: HttpMethod;
  url: string;
  auth: PolarAuth;
  /** JSON body (sent with `Content-Type: application/json`). */
  json?: unknown;
  /** Form body (`application/x-www-form-urlencoded`), used by the token endpoint. */
  form?: Record<string, string>;
  /** The OAuth token endpoint: 400/401 become `oauth` errors and nothing is retried except after a 429. */
  tokenEndpoint?: boolean;
};

export type PolarResponse = {
  status: number;
  /** Parsed JSON; `undefined` for 204 and empty bodies. */
  body: unknown;
  headers: Headers;
  /** The request URL without credentials. */
  url: string;
};

export type HttpDeps = {
  fetch: typeof fetch;
  governor: RateGovernor;
  timeoutMs: number;
  maxRetries: number;
  sleep: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1); injected in tests. */
  random: () => number;
  /** How many 429s one request waits out before giving up with `rate_limited`. */
  maxRateLimitRetries: number;
};

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 15_000;
const RAW_TEXT_LIMIT = 4000;

/** Exponential backoff with jitter: attempt n waits between half and all of min(cap, base·2ⁿ). */
export function computeBackoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

function buildAuthorizationHeader(auth: PolarAuth): string {
  if (auth.kind === "bearer") return `Bearer ${auth.token}`;
  return `Basic ${Buffer.from(`${auth.clientId}:${auth.clientSecret}`, "utf8").toString("base64")}`;
}

function describeTarget(method: HttpMethod, safeUrl: string): string {
  try {
    const parsed = new URL(safeUrl);
    return `${method} ${parsed.pathname}${parsed.search}`;
  } catch {
    return method;
  }
}

/** JSON when it parses, else the (truncated) text; secret fields redacted. `undefined` for an empty body. */
function toRaw(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return redactSecrets(JSON.parse(text));
  } catch {
    return text.length > RAW_TEXT_LIMIT ? `${text.slice(0, RAW_TEXT_LIMIT)}…` : text;
  }
}

function readOAuthError(raw: unknown): string | undefined {
  if (raw !== null && typeof raw === "object" && "error" in raw) {
    const error = (raw as { error: unknown }).error;
    if (typeof error === "string") return error;
  }
  return undefined;
}

const STATUS_CODES: Record<number, PolarErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "consent_required",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
};

function createStatusError(
  request: PolarRequest,
  status: number,
  text: string,
  safeUrl: string,
  resetAt: number | undefined,
): PolarError {
  const raw = toRaw(text);
  const target = describeTarget(request.method, safeUrl);
  if (request.tokenEndpoint && (status === 400 || status === 401)) {
    const oauthError = readOAuthError(raw);
    return new PolarError("oauth", `Polar token endpoint refused the exchange (${status}${oauthError ? ` ${oauthError}` : ""})`, {
      status,
      url: safeUrl,
      raw,
      oauthError,
    });
  }
  const code: PolarErrorCode = STATUS_CODES[status] ?? (status >= 500 || status < 400 ? "upstream" : "bad_request");
  return new PolarError(code, `Polar ${target} answered ${status} (${code})`, {
    status,
    url: safeUrl,
    raw,
    resetAt: code === "rate_limited" ? resetAt : undefined,
  });
}

type Attempt =
  | { kind: "response"; response: Response; text: string }
  | { kind: "timeout" }
  | { kind: "network"; error: unknown };

async function attemptFetch(deps: HttpDeps, request: PolarRequest): Promise<Attempt> {
  const headers = new Headers({ Accept: "application/json", Authorization: buildAuthorizationHeader(request.auth) });
  let body: string | undefined;
  if (request.form !== undefined) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(request.form).toString();
  } else if (request.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(request.json);
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs);
  try {
    // `redirect: "manual"`: a redirect must never carry the Authorization header to another host.
    const response = await deps.fetch(request.url, {
      method: request.method,
      headers,
      body,
      signal: controller.signal,
      redirect: "manual",
    });
    // The body is read under the same timeout; a 204 has none and is never parsed.
    const text = response.status === 204 ? "" : await response.text();
    return { kind: "response", response, text };
  } catch (error) {
    if (timedOut) return { kind: "timeout" };
    return { kind: "network", error };
  } finally {
    clearTimeout(timer);
  }
}

export async function sendPolarRequest(deps: HttpDeps, request: PolarRequest): Promise<PolarResponse> {
  const safeUrl = sanitizeUrl(request.url);
  const target = describeTarget(request.method, safeUrl);
  const maxRetries = request.tokenEndpoint ? 0 : deps.maxRetries;
  let transientFailures = 0;
  let rateLimitHits = 0;

  for (;;) {
    await deps.governor.acquire();
    const attempt = await attemptFetch(deps, request);

    if (attempt.kind !== "response") {
      deps.governor.abandon();
      if (transientFailures < maxRetries) {
        await deps.sleep(computeBackoffMs(transientFailures, deps.random));
        transientFailures += 1;
        continue;
      }
      const what = attempt.kind === "timeout" ? `timed out after ${deps.timeoutMs} ms` : "failed (network error)";
      throw new PolarError("upstream", `Polar ${target} ${what}`, {
        url: safeUrl,
        cause: attempt.kind === "network" ? attempt.error : undefined,
      });
    }

    const { response, text } = attempt;
    const status = response.status;
    deps.governor.update(response.headers, status);

    if (status >= 200 && status < 300) {
      if (status === 204 || text.trim() === "") return { status, body: undefined, headers: response.headers, url: safeUrl };
      try {
        return { status, body: JSON.parse(text), headers: response.headers, url: safeUrl };
      } catch {
        throw new PolarError("invalid_payload", `Polar ${target} answered ${status} with a body that is not JSON`, {
          status,
          url: safeUrl,
          raw: toRaw(text),
          path: "",
        });
      }
    }

    if (status === 429) {
      rateLimitHits += 1;
      if (rateLimitHits <= deps.maxRateLimitRetries) continue;
      throw createStatusError(request, status, text, safeUrl, deps.governor.resetAtFor(response.headers));
    }

    if (status >= 500 && transientFailures < maxRetries) {
      await deps.sleep(computeBackoffMs(transientFailures, deps.random));
      transientFailures += 1;
      continue;
    }

    throw createStatusError(request, status, text, safeUrl, undefined);
  }
}
