import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Why a sign-in failed, in our own stable codes. Auth.js reports most OAuth callback failures as the opaque
 * `Configuration`; we capture the real error through the logger and put one of these in `/signin?error=`.
 */
export type SignInErrorCode =
  | "state_mismatch"
  | "code_rejected"
  | "access_denied"
  | "polar_unreachable"
  | "account_conflict"
  | "sign_in_failed";

export const SIGN_IN_ERROR_MESSAGES: Record<SignInErrorCode, string> = {
  state_mismatch:
    "The answer from Polar did not match the sign-in you started here (the security check failed), so you were not signed in. Start again from this page.",
  code_rejected:
    "Polar rejected the sign-in code: it was already used or has expired. Polar codes work once, within 10 minutes. Sign in again to get a fresh one.",
  access_denied:
    "Polar did not grant access (for example, Deny was pressed), so you were not signed in. Sign in again and allow access to use Threshold.",
  polar_unreachable: "Polar could not be reached to finish signing in. Try again in a few minutes.",
  account_conflict:
    "This Polar account belongs to a different Threshold account than the one you are signed in with. Sign out first, then sign in with Polar.",
  sign_in_failed: "Signing in with Polar failed. Try again; if it keeps failing, the server log has the details.",
};

const CODES = new Set<string>(Object.keys(SIGN_IN_ERROR_MESSAGES));

/** Reads `?error=` of the sign-in page: our codes, or Auth.js's own types for errors we did not rewrite. */
export function toSignInErrorCode(value: string | undefined | null): SignInErrorCode | null {
  if (!value) return null;
  if (CODES.has(value)) return value as SignInErrorCode;
  if (value === "AccessDenied") return "access_denied";
  if (value === "OAuthAccountNotLinked") return "account_conflict";
  return "sign_in_failed";
}

type ErrorLike = { name?: unknown; type?: unknown; code?: unknown; error?: unknown; message?: unknown; cause?: unknown };

/** Walks an Auth.js error and its causes (`cause.err` for AuthError wrappers) to find what really failed. */
export function classifySignInError(error: unknown): SignInErrorCode {
  for (const link of causeChain(error)) {
    if (link.type === "InvalidCheck") return "state_mismatch";
    if (link.type === "OAuthAccountNotLinked") return "account_conflict";
    if (link.code === "OAUTH_INVALID_RESPONSE" && typeof link.message === "string" && link.message.includes('"state"')) {
      return "state_mismatch";
    }
    // oauth4webapi's errors are recognised by `code`, not class name: production bundles minify class names.
    // A token-endpoint 400 carries the OAuth error code in `error`.
    if (link.code === "OAUTH_RESPONSE_BODY_ERROR" && link.error === "invalid_grant") return "code_rejected";
    if (link.code === "OAUTH_AUTHORIZATION_RESPONSE_ERROR" && link.error === "access_denied") return "access_denied";
    // Auth.js drops the provider's `error` parameter when it builds OAuthCallbackError; the usual cause is the
    // athlete declining at Polar (`error=access_denied`).
    if (link.type === "OAuthCallbackError") return "access_denied";
    if (link.name === "TypeError" && link.message === "fetch failed") return "polar_unreachable";
  }
  return "sign_in_failed";
}

function causeChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && chain.length < 8) {
    const link = current as ErrorLike;
    chain.push(link);
    const cause = link.cause;
    if (cause && typeof cause === "object" && "err" in cause) {
      current = (cause as { err: unknown }).err;
    } else {
      current = cause instanceof Error ? cause : undefined;
    }
  }
  return chain;
}

type Capture = { error?: unknown };
const captureStore = new AsyncLocalStorage<Capture>();

/**
 * The Auth.js logger. It records the error of the current request for `withSignInErrorCodes` and logs only
 * names and our classification: Auth.js's default logger prints causes and debug payloads that can contain
 * authorization codes, state values and token responses.
 */
export const authLogger = {
  error(error: Error) {
    const capture = captureStore.getStore();
    if (capture) capture.error = error;
    // Auth.js's static `type` survives minification; `name` may not.
    const type = (error as ErrorLike).type;
    console.error(`[auth] ${typeof type === "string" ? type : error.name}: ${classifySignInError(error)}`);
  },
  warn(code: string) {
    console.warn(`[auth] warning: ${code}`);
  },
  debug() {
    // Debug payloads include token responses; they are never printed.
  },
};

/**
 * Wraps the Auth.js route handler so a failed callback redirects to `/signin?error=<SignInErrorCode>` with the
 * real reason instead of Auth.js's generic `Configuration`.
 */
export function withSignInErrorCodes<R extends Request>(
  handler: (request: R) => Promise<Response>,
): (request: R) => Promise<Response> {
  return async (request) => {
    const capture: Capture = {};
    const response = await captureStore.run(capture, () => handler(request));
    const location = response.headers.get("location");
    if (capture.error === undefined || !location) return response;
    const target = new URL(location, request.url);
    if (!target.searchParams.has("error")) return response;
    target.searchParams.set("error", classifySignInError(capture.error));
    const headers = new Headers(response.headers);
    headers.set("location", target.toString());
    return new Response(null, { status: response.status, headers });
  };
}
