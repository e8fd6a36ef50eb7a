import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatInstantUtc } from "@/components/charts/format";
import { ActionForm } from "@/components/forms/action-form";
import { InviteForm } from "@/components/roster/invite-form";
import { RosterLabelForm } from "@/components/roster/roster-label-form";
import { RosterSummaryBar } from "@/components/roster/roster-summary";
import { RosterTable } from "@/components/roster/roster-table";
import { summarizeRoster } from "@/components/roster/roster-view";
import { SCOPE_DESCRIPTIONS } from "@/components/sharing/scope-checkboxes";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/session";
import { getRoster, ROSTER_COLUMN_SCOPES } from "@/lib/dal/roster/roster";
import { readRosterRateLimitPause } from "@/lib/dal/roster/sync";
import { getTeam } from "@/lib/dal/teams";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { createInvitationAction, removeAthleteAction, revokeInvitationAction, setRosterLabelAction } from "../actions";

export const metadata: Metadata = { title: "Roster" };


export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const viewer = await requirePageViewer(`/teams/${encodeURIComponent(teamId)}`);
  const db = getDb();
  let data;
  try {
    data = {
      team: getTeam(db, viewer, teamId),
      roster: getRoster(db, viewer, teamId, { intervalMinutes: getEnv().SYNC_INTERVAL_MINUTES, rateLimitedUntil: readRosterRateLimitPause() }),
    };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const { team, roster } = data;
  return (
    <div className="space-y-4">
      <PageHeader title={team.name} description={`Coaches: ${team.coaches.map((coach) => coach.name).join(", ")}. Read-only view of what each athlete shares.`}>
        <a href={`/api/teams/${encodeURIComponent(teamId)}/roster?format=csv`} className="rounded-md border border-border px-3 py-1.5 text-sm" data-testid="roster-csv">
          Export CSV
        </a>
      </PageHeader>
      <RosterSummaryBar summary={summarizeRoster(roster.rows)} />
      <RosterTable teamId={teamId} rows={roster.rows} now={roster.generatedAt} />
      <p className="text-xs text-muted" data-testid="roster-scope-note">
        Columns show only what each athlete shares: load, ACWR, form and the sparkline need {ROSTER_COLUMN_SCOPES.load7.join(" + ")}; resting HR and HRV
        need {ROSTER_COLUMN_SCOPES.rhr.join(" + ")}; sleep needs {ROSTER_COLUMN_SCOPES.sleep7.join(" + ")}; risk needs {ROSTER_COLUMN_SCOPES.risk.join(" + ")} (the
        sleep-debt modifier counts only when sleep is shared too). Values come from the last 150 days. Risk levels are flags with reasons, not diagnoses.
      </p>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Invite">
          <InviteForm teamId={teamId} action={createInvitationAction} />
        </Card>
        <Card title="Invitation links" testId="invitations" state={team.invitations.length > 0 ? "loaded" : "empty"}>
          {team.invitations.length === 0 ? (
            <p className="text-sm text-muted">No links yet.</p>
          ) : (
            <ul className="divide-y divide-border text-sm">
              {team.invitations.map((invitation) => (
                <li key={invitation.invitationId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="invitation" data-status={invitation.status}>
                  <span>
                    {invitation.kind === "coach" ? "Coach" : invitation.scopes.map((scope) => SCOPE_DESCRIPTIONS[scope].label).join(", ")} ·{" "}
                    <span className="text-muted">
                      {invitation.status === "active" ? `expires ${formatInstantUtc(invitation.expiresAt)}` : invitation.status}
                    </span>
                  </span>
                  {invitation.status === "active" ? (
                    <ActionForm action={revokeInvitationAction} testId="revoke-invite-form">
                      <input type="hidden" name="teamId" value={teamId} />
                      <input type="hidden" name="invitationId" value={invitation.invitationId} />
                      <Button type="submit" size="xs" data-testid="revoke-invite">
                        Revoke
                      </Button>
                    </ActionForm>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card title="Athletes" testId="team-athletes" state={roster.rows.length > 0 ? "loaded" : "empty"}>
        {roster.rows.length === 0 ? (
          <p className="text-sm text-muted">Nobody shares with this team yet.</p>
        ) : (
          <ul className="divide-y divide-border text-sm">
            {roster.rows.map((row) => (
              <li key={row.athleteId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {row.athleteName} <span className="text-muted">shares {row.scopes.map((scope) => SCOPE_DESCRIPTIONS[scope].label.toLowerCase()).join(", ")}</span>
                </span>
                <RosterLabelForm teamId={teamId} athleteId={row.athleteId} athleteName={row.athleteName} label={row.rosterLabel} action={setRosterLabelAction} />
                <ActionForm action={removeAthleteAction} testId="remove-athlete-form">
                  <input type="hidden" name="teamId" value={teamId} />
                  <input type="hidden" name="athleteId" value={row.athleteId} />
                  <Button type="submit" size="xs" data-testid="remove-athlete">
                    Remove from team
                  </Button>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
