import type { ReactNode } from "react";
import Link from "next/link";
import { AthleteNav } from "@/components/roster/athlete-nav";
import { loadAthleteView } from "./_lib/coach";

export default async function AthleteLayout({ children, params }: { children: ReactNode; params: Promise<{ athleteId: string }> }) {
  const { athleteId } = await params;
  const { view } = await loadAthleteView(athleteId);
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-muted" data-testid="coach-view-banner">
          Read-only coach view of <strong className="text-fg">{view.name}</strong> · shared: {view.scopes.join(", ")}
        </p>
        <Link href="/teams" className="text-sm text-accent hover:underline">
          ← Teams
        </Link>
      </div>
      <AthleteNav athleteId={view.athleteId} scopes={view.scopes} />
      {children}
    </div>
  );
}
