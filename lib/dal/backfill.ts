import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/session";
import type { BackfillProgress } from "@/lib/sync/backfill-progress";
import { getBackfillProgress } from "@/lib/sync/backfill";

/**
 * The viewer's own history backfill ("Backfilling history: 4 of 12 months") for the sync page and the
 * overview; null when none is going (never started, or done). Athletes see only their own.
 */
export function getViewerBackfill(db: Db, viewer: Viewer): BackfillProgress | null {
  const progress = getBackfillProgress(db, viewer.userId);
  return progress && !progress.done ? progress : null;
}
