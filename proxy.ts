import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/callback-url";
import { getEnv } from "@/lib/env";
import { isProtectedPage } from "@/lib/http/page-gate";
import { checkRequestLimit, readSessionToken } from "@/lib/http/request-limits";
import { buildPagePolicy, createNonce, NONCE_HEADER, setApiSecurityHeaders, setCommonSecurityHeaders } from "@/lib/http/security-headers";
import { rejectUndecodablePath } from "@/lib/http/undecodable-path";

/**
 * Every request but Next's own assets passes here (Node.js runtime), for four things:
 * - undecodable paths are refused (400 API, 404 page) before Next decodes them (undecodable-path.ts);
 * - rate limits on the expensive routes (lib/http/request-limits.ts): 429 with Retry-After;
 * - security headers on every page and API, with a per-request CSP nonce for pages (security-headers.ts);
 * - the optimistic gate: anonymous visitors of app pages go to /signin, with the page they wanted as
 *   callbackUrl. Only the cookie's presence is checked here (no database in the proxy); lib/dal verifies the
 *   session on every read and write, so a stale or forged cookie gets nothing.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const env = getEnv();
  const isHttps = env.APP_URL.startsWith("https:");
  const sessionToken = readSessionToken(request.cookies);
  const { pathname } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");

  const undecodable = rejectUndecodablePath(pathname);
  if (undecodable) {
    if (isApi) setApiSecurityHeaders(undecodable.headers, { isHttps });
    else setCommonSecurityHeaders(undecodable.headers, { isHttps });
    return undecodable;
  }

  if (isApi) {
    const limited = await checkRequestLimit(env, { method: request.method, url: request.nextUrl, headers: request.headers, sessionToken });
    const response = limited ?? NextResponse.next();
    setApiSecurityHeaders(response.headers, { isHttps });
    return response;
  }

  const nonce = createNonce();
  const policy = buildPagePolicy({
    nonce,
    isDevelopment: env.NODE_ENV === "development",
    formActionOrigins: [new URL(env.POLAR_AUTH_URL).origin],
    isHttps,
    mapTileUrl: env.MAP_TILE_URL,
  });
  let response: NextResponse;
  if (sessionToken === null && isProtectedPage(pathname)) {
    const target = new URL("/signin", request.url);
    target.searchParams.set("callbackUrl", `${pathname}${request.nextUrl.search}`);
    response = NextResponse.redirect(target);
  } else {
    // Next.js takes the nonce for its own scripts from the request's CSP; the layout reads x-nonce.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(NONCE_HEADER, nonce);
    requestHeaders.set("Content-Security-Policy", policy);
    // The page's path, for a page that finds the cookie stale and sends the visitor to sign in (callback-url.ts).
    requestHeaders.set(REQUEST_PATH_HEADER, `${pathname}${request.nextUrl.search}`);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  setCommonSecurityHeaders(response.headers, { isHttps });
  return response;
}

export const config = {
  // Everything but Next's own assets, and Polar's webhook: for a request the proxy sees, Next buffers up to
  // 10 MB of the body before any handler runs, which would undo the route's 64 KiB cap. The webhook route sets
  // the API headers itself.
  matcher: ["/((?!_next/|api/webhooks/).*)"],
};
