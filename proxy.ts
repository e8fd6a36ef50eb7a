import { NextResponse, type NextRequest } from "next/server";

// Auth.js's database-session cookie; the __Secure- variant is used when the app runs on https.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Optimistic gate: anonymous visitors of app pages go to /signin, with the page they wanted as callbackUrl.
 * Only the cookie's presence is checked here (no database in the proxy); lib/dal verifies the session on
 * every read and write, so a stale or forged cookie gets nothing.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const target = new URL("/signin", request.url);
  target.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(target);
}

export const config = {
  // Every page except the landing page (`/`), /signin, API routes (they answer 401 themselves), Next's assets
  // and files with an extension: new app pages are protected by default.
  matcher: ["/((?!api/|_next/|signin|favicon\\.ico|.*\\.[a-zA-Z0-9]+$).+)"],
};
