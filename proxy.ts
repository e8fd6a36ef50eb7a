import { NextResponse, type NextRequest } from "next/server";
import { rejectUndecodablePath } from "@/lib/http/undecodable-path";

// Auth.js's database-session cookie; the __Secure- variant is used when the app runs on https.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Pages behind the sign-in gate: every page except the landing page (`/`), /signin, API routes (they answer
 * 401 themselves), Next's assets and files with an extension, so new app pages are protected by default.
 */
const GATED_PAGE = /^\/(?!api\/|_next\/|signin|favicon\.ico|.*\.[a-zA-Z0-9]+$).+/;

/**
 * Optimistic gate: anonymous visitors of app pages go to /signin, with the page they wanted as callbackUrl.
 * Only the cookie's presence is checked here (no database in the proxy); lib/dal verifies the session on
 * every read and write, so a stale or forged cookie gets nothing.
 */
function gateSignedOut(request: NextRequest): NextResponse {
  if (!GATED_PAGE.test(request.nextUrl.pathname)) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const target = new URL("/signin", request.url);
  target.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(target);
}

export function proxy(request: NextRequest) {
  return rejectUndecodablePath(request.nextUrl.pathname) ?? gateSignedOut(request);
}

export const config = {
  // Everything but Next's own assets: undecodable paths are refused everywhere (API and pages) before Next
  // decodes them; the sign-in gate then picks the pages it guards (GATED_PAGE).
  matcher: ["/((?!_next/).*)"],
};
