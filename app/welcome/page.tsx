import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DisplayNameForm } from "@/components/auth/display-name-form";
import { firstParam } from "@/components/dashboard/range";
import { toSafeCallbackPath } from "@/lib/auth/callback-url";
import { requirePageViewer } from "@/lib/auth/session";
import { saveDisplayNameAction } from "../settings/actions";

export const metadata: Metadata = { title: "Welcome" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Every Polar sign-in passes through here on its way to `callbackUrl`. Polar often gives no name (none at all
 * when registration was refused), so an athlete without one is asked what to be called — otherwise the header
 * and their coaches' rosters say "Polar athlete 55291806". Athletes with a name go straight on.
 */
export default async function WelcomePage({ searchParams }: { searchParams: SearchParams }) {
  const next = toSafeCallbackPath(firstParam((await searchParams).callbackUrl));
  const viewer = await requirePageViewer(next);
  if (viewer.name) redirect(next);
  return (
    <div className="mx-auto max-w-lg space-y-4 py-8" data-testid="welcome-name">
      <h1 className="text-2xl font-bold tracking-tight">What should we call you?</h1>
      <p className="text-muted">
        Polar did not share your name with Threshold. Pick the name shown in the header, to coaches you share with, and in your reports.
        You can change it later in Settings.
      </p>
      <DisplayNameForm defaultName={null} action={saveDisplayNameAction} redirectTo={next} submitLabel="Continue" />
      <Link href={next} className="text-sm text-muted underline" data-testid="welcome-skip">
        Not now
      </Link>
    </div>
  );
}
