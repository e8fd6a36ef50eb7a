import type { Metadata } from "next";
import Link from "next/link";
import { CreateTeamForm } from "@/components/roster/create-team-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/session";
import { listCoachedTeams } from "@/lib/dal/teams";
import { createTeamAction } from "./actions";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const viewer = await requirePageViewer("/teams");
  const teams = listCoachedTeams(getDb(), viewer);
  return (
    <div className="space-y-4">
      <PageHeader title="Teams" description="Coach a team: athletes who accept your invitation share the data types they choose with you." />
      <Card title="Your teams" testId="teams-list" state={teams.length > 0 ? "loaded" : "empty"}>
        {teams.length === 0 ? (
          <p className="text-sm text-muted">You coach no team yet. Create one below.</p>
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
      <Card title="New team">
        <CreateTeamForm action={createTeamAction} />
      </Card>
    </div>
  );
}
