/**
 * Typed errors of the AccessLink client. Callers decide on `code` (and `status`), never on message text.
 *
 * Messages and `url` are safe to log: URLs built or followed by the client never carry credentials (tokens live
 * in the Authorization header only, which is never copied into an error), and `sanitizeUrl` strips userinfo and
 * any credential-like query parameter before a URL is stored here.
 */

export const POLAR_ERROR_CODES = [
  "unauthorized",
  "consent_required",
  "not_found",
  "rate_limited",
  "upstream",
  "invalid_payload",
  "bad_request",
  "conflict",
  "oauth",
] as const;

export type PolarErrorCode = (typeof POLAR_ERROR_CODES)[number];

export type PolarErrorDetails = {
  /** HTTP status that caused the error; absent for timeouts, network failures and local validation. */
  status?: number;
  /** The request URL without credentials. */
  url?: string;
  /** Epoch ms when the rate-limit window resets (`rate_limited` only). */
  resetAt?: number;
  /** Parsed response body (JSON) or its text; secrets such as `access_token` are redacted. */
  raw?: unknown;
  /** Dotted zod path of the first failing field (`invalid_payload` only), e.g. `nights.3.sleep_start_time`. */
  path?: string;
  /** The OAuth error code from `{"error": …}` at the token endpoint, e.g. `invalid_grant`. */
  oauthError?: string;
  cause?: unknown;
};

export class PolarError extends Error {
  readonly code: PolarErrorCode;
  readonly status?: number;
  readonly url?: string;
  readonly resetAt?: number;
  readonly raw?: unknown;
  readonly path?: string;
  readonly oauthError?: string;

  constructor(code: PolarErrorCode, message: string, details: PolarErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "PolarError";
    this.code = code;
    this.status = details.status;
    this.url = details.url;
    this.resetAt = details.resetAt;
    this.raw = details.raw;
    this.path = details.path;
    this.oauthError = details.oauthError;
  }
}

export function isPolarError(error: unknown, code?: PolarErrorCode): error is PolarError {
  return error instanceof PolarError && (code === undefined || error.code === code);
}

const CREDENTIAL_QUERY_KEYS = new Set(["access_token", "token", "code", "client_secret", "password", "secret"]);

/** Removes userinfo and credential-like query parameters so a URL can be logged and put in error messages. */
export function sanitizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "[unparseable url]";
  }
  parsed.username = "";
  parsed.password = "";
  for (const key of [...parsed.searchParams.keys()]) {
    if (CREDENTIAL_QUERY_KEYS.has(key.toLowerCase())) parsed.searchParams.set(key, "[redacted]");
  }
  return parsed.toString();
}

const SECRET_FIELDS = new Set(["access_token", "refresh_token", "id_token", "signature_secret_key", "client_secret"]);

/** Deep copy of a parsed body with secret-bearing fields replaced, for `raw` on errors and invalid items. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_FIELDS.has(key) ? "[redacted]" : redactSecrets(inner);
    }
    return out;
  }
  return value;
}
