import type { Metadata } from "next";
import Link from "next/link";
import { CreateTeamForm } from "@/components/roster/create-team-form";
import { NoCoachedTeam } from "@/components/roster/no-coached-team";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/session";
import { listMyShares } from "@/lib/dal/sharing";
import { listCoachedTeams } from "@/lib/dal/teams";
import { createTeamAction } from "./actions";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const viewer = await requirePageViewer("/teams");
  const db = getDb();
  const teams = listCoachedTeams(db, viewer);
  const shares = listMyShares(db, viewer);
  return (
    <div className="space-y-4">
      <PageHeader title="Teams" description="Coach a team: athletes who accept your invitation share the data types they choose with you." />
      <Card title="Your teams" testId="teams-list" state={teams.length > 0 ? "loaded" : "empty"}>
        {teams.length === 0 ? (
          <NoCoachedTeam memberOf={shares.map((share) => share.teamName)} />
        ) : (
          <ul className="divide-y divide-border">
            {teams.map((team) => (
              <li key={team.teamId} className="flex items-center justify-between py-2">
                <Link href={`/teams/${team.teamId}`} className="font-medium text-accent hover:underline" data-testid="team-link">
                  {team.name}
                </Link>
                <span className="text-sm text-muted">
                  {team.athleteCount} athlete{team.athleteCount === 1 ? "" : "s"} · {team.coachCount} coach{team.coachCount === 1 ? "" : "es"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {shares.length > 0 ? (
        <Card title="Teams you belong to as an athlete" testId="teams-as-athlete">
          <p className="text-sm text-muted">
            You share your data with {shares.map((share) => share.teamName).join(", ")}. Their coaches see it; you coach only the teams above.{" "}
            <Link href="/settings/sharing" className="text-accent underline">
              Manage sharing
            </Link>
          </p>
        </Card>
      ) : null}
      <Card title="New team">
        <CreateTeamForm action={createTeamAction} />
      </Card>
    </div>
  );
}
