/**
 * The CSRF guard shared by every state-changing route handler and every server action (issue 18 §2, §8).
 * SameSite=Lax cookies still travel with a `no-cors` POST from another port of the same host (same site,
 * other origin), so the request's own provenance decides: `Sec-Fetch-Site` when the browser sends it, and an
 * `Origin` that must equal APP_URL's. A request with neither is refused too: browsers always send `Origin` on
 * a POST, so only scripts omit it, and scripts have no business changing state through the cookie session.
 * No Next.js or environment imports: the app passes APP_URL, tests pass their own.
 */

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/** The headers that identify where a request came from; a Request's or `next/headers`' both fit. */
type HeaderSource = { get(name: string): string | null };

/** `scheme://host[:port]` of a URL, or null when it is not an absolute http(s) URL. */
function toOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request comes from the app's own pages.
 * @param appUrl the app's public URL (APP_URL); only its origin counts.
 */
export function checkSameOrigin(headers: HeaderSource, appUrl: string): OriginVerdict {
  const expected = toOrigin(appUrl);
  if (!expected) return { ok: false, reason: "The app's own origin is not configured." };
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") {
    return { ok: false, reason: `Cross-origin request refused (Sec-Fetch-Site: ${fetchSite}).` };
  }
  const origin = headers.get("origin");
  if (origin === null) return { ok: false, reason: "Request without an Origin header refused." };
  if (toOrigin(origin) !== expected) return { ok: false, reason: "Cross-origin request refused." };
  return { ok: true };
}

/** Whether the body is declared as JSON (`application/json`, with or without parameters). */
export function isJsonContentType(headers: HeaderSource): boolean {
  const value = headers.get("content-type");
  if (!value) return false;
  return value.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/** Methods that never change state; everything else passes the origin guard first. */
export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}
