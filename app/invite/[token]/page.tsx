import type { Metadata } from "next";
import { SignInButton } from "@/components/auth/sign-in-button";
import { formatInstantUtc } from "@/components/charts/format";
import { InvitationDecision } from "@/components/sharing/invitation-decision";
import { SCOPE_DESCRIPTIONS } from "@/components/sharing/scope-checkboxes";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/session";
import { getInvitationPreview } from "@/lib/dal/teams";
import { isAppError } from "@/lib/errors";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await getViewer();
  const path = `/invite/${encodeURIComponent(token)}`;
  if (!viewer) {
    return (
      <div className="mx-auto max-w-lg space-y-4 pt-6">
        <h1 className="text-2xl font-bold tracking-tight">You are invited to share your training data</h1>
        <p className="text-muted">Sign in with Polar first; you come back here to see what the coach asks for and decide.</p>
        <SignInButton callbackUrl={path} />
      </div>
    );
  }
  let preview;
  try {
    preview = getInvitationPreview(getDb(), viewer, token);
  } catch (error) {
    if (!isAppError(error) || error.code !== "not_found") throw error;
    return (
      <div className="mx-auto max-w-lg space-y-4 pt-6">
        <h1 className="text-2xl font-bold tracking-tight">Invitation</h1>
        <p role="alert" className="rounded-md border border-border p-3" data-testid="invite-invalid">
          {error.message}
        </p>
      </div>
    );
  }
  const coaches = preview.coachNames.join(", ");
  return (
    <div className="mx-auto max-w-lg space-y-4 pt-6">
      <h1 className="text-2xl font-bold tracking-tight" data-testid="invite-title">
        {preview.kind === "coach" ? `Coach ${preview.teamName}` : `Share your data with ${preview.teamName}`}
      </h1>
      <Card title={preview.kind === "coach" ? "Coach invitation" : "What the coaches will see"} testId="invite-preview">
        <p className="mb-3 text-sm">
          Team <strong>{preview.teamName}</strong>, coached by <strong>{coaches}</strong>. The link is valid until{" "}
          {formatInstantUtc(preview.expiresAt)}.
        </p>
        {preview.kind === "athlete" ? (
          <ul className="mb-3 list-disc pl-5 text-sm" data-testid="invite-requested-scopes">
            {preview.requestedScopes.map((scope) => (
              <li key={scope}>
                {SCOPE_DESCRIPTIONS[scope].label}: {SCOPE_DESCRIPTIONS[scope].detail}
              </li>
            ))}
          </ul>
        ) : null}
        {preview.currentScopes ? (
          <p className="mb-3 text-sm text-muted" data-testid="invite-already-sharing">
            You already share {preview.currentScopes.join(", ")} with this team; accepting replaces that choice.
          </p>
        ) : null}
        {preview.kind === "coach" && preview.isAlreadyCoach ? (
          <p className="text-sm text-muted">You already coach this team.</p>
        ) : (
          <InvitationDecision
            token={token}
            kind={preview.kind}
            requestedScopes={preview.requestedScopes}
            checkedScopes={preview.currentScopes ?? preview.requestedScopes}
            accept={acceptInvitationAction}
            decline={declineInvitationAction}
          />
        )}
      </Card>
    </div>
  );
}
