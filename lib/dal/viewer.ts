import "server-only";
import { getDb } from "@/db";
import { getConnectionSummary, type ConnectionState, type RegistrationStatus } from "@/lib/auth/connection";
import { getViewer } from "@/lib/auth/session";

/** What the header shows about the signed-in athlete. */
export type ViewerSummaryDTO = {
  userId: string;
  name: string | null;
  polarUserId: number | null;
  /** `disconnected` when no Polar link is stored for this user. */
  connectionState: ConnectionState;
  registrationStatus: RegistrationStatus | null;
};

/** Null for anonymous visitors. */
export async function getViewerSummary(): Promise<ViewerSummaryDTO | null> {
  const viewer = await getViewer();
  if (!viewer) return null;
  const connection = getConnectionSummary(getDb(), viewer.userId);
  return {
    userId: viewer.userId,
    name: viewer.name,
    polarUserId: viewer.polarUserId,
    connectionState: connection?.state ?? "disconnected",
    registrationStatus: connection?.registrationStatus ?? null,
  };
}
