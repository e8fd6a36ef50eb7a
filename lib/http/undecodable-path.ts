/**
 * Paths whose percent-encoding cannot be decoded (`/api/sync/runs/%`, `/athletes/%E0%A4%A/load`). Next decodes
 * dynamic segments before any handler runs and answers such a path with a bare 500 that nothing logs, so the
 * proxy answers first: 400 for the API, 404 for a page (issue 18 §5). No Next.js imports: plain Web API.
 */

/** Whether every segment of a raw (still percent-encoded) pathname decodes. */
export function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The answer for an undecodable path, or null when the path is fine. */
export function rejectUndecodablePath(pathname: string): Response | null {
  if (isDecodablePath(pathname)) return null;
  const headers = { "cache-control": "no-store" };
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return Response.json({ error: { code: "bad_request", message: "The path is not valid percent-encoding." } }, { status: 400, headers });
  }
  return new Response("Not found: the address is not valid percent-encoding.", {
    status: 404,
    headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
  });
}
