import Link from "next/link";

/**
 * "Your teams" when the viewer coaches none. Someone who belongs to teams as an athlete is told so right here,
 * so "You coach no team yet" never reads as if their own team had disappeared.
 */
export function NoCoachedTeam({ memberOf }: { memberOf: readonly string[] }) {
  if (memberOf.length === 0) {
    return (
      <p className="text-sm text-muted" data-testid="no-coached-team">
        You coach no team yet. Create one below.
      </p>
    );
  }
  const names = memberOf.length === 1 ? memberOf[0] : `${memberOf.slice(0, -1).join(", ")} and ${memberOf.at(-1)}`;
  return (
    <p className="text-sm text-muted" data-testid="no-coached-team">
      You coach no team yet, but you belong to <strong className="text-fg">{names}</strong> as an athlete: {memberOf.length === 1 ? "its" : "their"} coaches see
      the data you share.{" "}
      <Link href="/settings/sharing" className="text-accent underline">
        Manage sharing
      </Link>
      . To coach a team of your own, create one below.
    </p>
  );
}
