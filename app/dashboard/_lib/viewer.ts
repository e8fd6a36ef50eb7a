import "server-only";
import { redirect } from "next/navigation";
import { getViewer, type Viewer } from "@/lib/auth/session";

/** The signed-in viewer for a dashboard page; signed-out visitors go to the sign-in page. */
export async function requirePageViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}
