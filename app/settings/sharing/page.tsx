import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { ShareEditor } from "@/components/sharing/share-editor";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/session";
import { getShareCheckInNotes } from "@/lib/dal/check-in-sharing";
import { listMyShares } from "@/lib/dal/sharing";
import { setCheckInNotesSharingAction, stopSharingAction, stopSharingEverywhereAction, updateSharingAction } from "./actions";

export const metadata: Metadata = { title: "Sharing" };

/** "Share my check-in notes": off by default, apart from the data types; notes also need recovery shared. */
function CheckInNotesSwitch({ teamId, isOn, hasRecovery }: { teamId: string; isOn: boolean; hasRecovery: boolean }) {
  return (
    <ActionForm action={setCheckInNotesSharingAction} className="mt-3 flex flex-wrap items-center gap-2 text-sm" testId="share-check-in-notes">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="on" value={isOn ? "false" : "true"} />
      <span data-on={isOn}>
        Check-in notes: <strong>{isOn ? "shared" : "not shared"}</strong>
        {isOn && !hasRecovery ? <span className="text-muted"> (hidden while recovery is not shared)</span> : null}
      </span>
      <Button type="submit" size="sm">
        {isOn ? "Stop sharing my check-in notes" : "Share my check-in notes"}
      </Button>
    </ActionForm>
  );
}

export default async function SharingPage() {
  const viewer = await requirePageViewer("/settings/sharing");
  const shares = listMyShares(getDb(), viewer);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Sharing"
        description="Every coach and team that sees your data, and what they see. Changes apply at once: a coach's next page load no longer shows what you switched off."
      >
        <Link href="/settings" className="text-sm text-accent hover:underline">
          ← Settings
        </Link>
      </PageHeader>
      {shares.length === 0 ? (
        <Card title="Nobody sees your data" testId="shares" state="empty">
          <p className="text-sm text-muted">You share with no team. A coach can send you an invitation link.</p>
        </Card>
      ) : (
        <>
          {shares.map((share) => (
            <Card key={share.teamId} title={share.teamName} testId="share" state="loaded">
              <p className="mb-2 text-sm text-muted">Coaches: {share.coaches.join(", ")}</p>
              <ShareEditor teamId={share.teamId} scopes={share.scopes} action={updateSharingAction} />
              <CheckInNotesSwitch teamId={share.teamId} isOn={getShareCheckInNotes(getDb(), viewer, share.teamId)} hasRecovery={share.scopes.includes("recovery")} />
              <ActionForm action={stopSharingAction} className="mt-3" testId="stop-sharing-form">
                <input type="hidden" name="teamId" value={share.teamId} />
                <Button type="submit" variant="danger" size="sm" data-testid="stop-sharing">
                  Stop sharing with {share.teamName}
                </Button>
              </ActionForm>
            </Card>
          ))}
          <ActionForm action={stopSharingEverywhereAction} testId="stop-sharing-all-form">
            <Button type="submit" variant="primary" data-testid="stop-sharing-all">
              Stop sharing with everyone
            </Button>
          </ActionForm>
        </>
      )}
    </div>
  );
}
