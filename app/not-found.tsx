import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/**
 * The branded 404 for every route (unknown paths, missing sessions, athletes a coach may not see). It says
 * nothing about why: a page that exists but is not shared looks the same as one that does not exist.
 */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center" data-testid="not-found">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">404</p>
      <h1 className="text-2xl font-bold tracking-tight">This page does not exist</h1>
      <p className="text-muted">
        The link may be old, the session may have been deleted, or the athlete may no longer share this data with you.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link href="/dashboard" className={buttonClass({ variant: "primary" })} data-testid="not-found-home">
          Back to your dashboard
        </Link>
        <Link href="/teams" className={buttonClass()}>
          Your teams
        </Link>
      </div>
    </div>
  );
}
