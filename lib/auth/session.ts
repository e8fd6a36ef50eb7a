import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { ApiTokenScope } from "@/db/schema/api-tokens";
import { AppError } from "@/lib/errors";

/**
 * The one set of viewer helpers: `getViewer` (null when signed out), `requireViewer` (lib/dal, route handlers
 * and actions: AppError "unauthenticated") and `requirePageViewer` (pages and layouts: redirect to /signin).
 */

export type Viewer = {
  userId: string;
  polarUserId: number | null;
  name: string | null;
  /**
   * Set when the request came with a personal access token (lib/dal/api-tokens.ts): the most it may read, even
   * of the owner's own data. Absent for a browser session (no limit beyond sharing).
   */
  tokenScopes?: ReadonlySet<ApiTokenScope>;
};

/**
 * The signed-in user of this request, or null. Reads the database session (Auth.js) and the user row, so a
 * deleted user is anonymous at once even while their browser still holds a cookie. Memoised per request
 * (React `cache`): the layout, the header and the page share one `auth()` and one user query.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Loaded on call, not at import: lib/dal modules import this file, and their unit tests run outside Next
  // (where next-auth cannot load) with requireViewer mocked or not called.
  const [{ connection }, { auth }] = await Promise.all([import("next/server"), import("@/lib/auth")]);
  // Identity is per request: opt out of prerendering before anything reads cookies or the environment.
  await connection();
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const row = getDb()
    .select({ id: users.id, polarUserId: users.polarUserId, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return row ? { userId: row.id, polarUserId: row.polarUserId, name: row.name } : null;
});

/** The signed-in user; throws AppError("unauthenticated") otherwise. Every lib/dal read and write calls it. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in with Polar to continue.");
  return viewer;
}

/**
 * The signed-in user of a page; a signed-out visitor goes to /signin and comes back afterwards to the page
 * they asked for (the proxy passes its path and query, lib/auth/callback-url), else to `returnTo`.
 */
export async function requirePageViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  // Loaded on call like next-auth above: lib/dal's unit tests import this file outside Next.
  const [{ redirect }, { headers }, { REQUEST_PATH_HEADER, signInUrl }] = await Promise.all([
    import("next/navigation"),
    import("next/headers"),
    import("@/lib/auth/callback-url"),
  ]);
  return redirect(signInUrl((await headers()).get(REQUEST_PATH_HEADER) ?? returnTo, "/dashboard"));
}
