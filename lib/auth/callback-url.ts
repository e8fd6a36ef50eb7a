/**
 * The page a signed-out visitor asked for travels to /signin as `callbackUrl`. The proxy sees the path of
 * every page request and hands it to the page in this request header, so a page that finds no valid session
 * (a stale cookie passes the proxy's optimistic check) can send the visitor back to the same page after
 * sign-in. Pure: imported by proxy.ts, which must not pull in server-only modules.
 */
export const REQUEST_PATH_HEADER = "x-threshold-path";

/**
 * The sign-in URL that returns to `path` afterwards. Only same-origin paths are kept (a leading single "/");
 * anything else (absolute URLs, protocol-relative "//host", empty) falls back to `fallback`.
 */
export function signInUrl(path: string | null | undefined, fallback = "/dashboard"): string {
  return `/signin?callbackUrl=${encodeURIComponent(toSafeCallbackPath(path, fallback))}`;
}

/** Only same-site paths: an absolute or protocol-relative callbackUrl would be an open redirect. */
export function toSafeCallbackPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
