import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Invitation declined" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DeclinedPage({ searchParams }: { searchParams: SearchParams }) {
  const team = (await searchParams).team;
  const name = typeof team === "string" && team.length <= 80 ? team : "the team";
  return (
    <div className="mx-auto max-w-lg space-y-4 pt-6">
      <h1 className="text-2xl font-bold tracking-tight">Invitation declined</h1>
      <p data-testid="invite-declined">Nothing was shared with {name}.</p>
      <Link href="/dashboard" className="text-accent hover:underline">
        Back to your dashboard
      </Link>
    </div>
  );
}
