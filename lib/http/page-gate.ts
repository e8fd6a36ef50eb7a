/**
 * Pages anyone may open without a session: the landing page and sign-in. API routes answer 401 themselves
 * and Next's assets are public; every other page (new ones included) sends an anonymous visitor to /signin.
 */
export function isProtectedPage(pathname: string): boolean {
  if (pathname === "/" || pathname === "") return false;
  if (pathname.startsWith("/signin") || pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return false;
  // Files (favicon.ico, robots.txt, images from public/) are not pages.
  return !/\.[a-zA-Z0-9]+$/.test(pathname);
}
