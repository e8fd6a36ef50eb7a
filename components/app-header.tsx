import Link from "next/link";
import { ConnectionBadge } from "@/components/auth/connection-badge";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { getViewerSummary } from "@/lib/dal/viewer";

export async function AppHeader() {
  const viewer = await getViewerSummary();
  return (
    <header data-app-header className="border-b border-border bg-surface">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href={viewer ? "/dashboard" : "/"} className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-accent" />
          Threshold
        </Link>
        <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-2">
          {viewer ? (
            <>
              <span className="max-w-[12rem] truncate text-sm" data-testid="viewer-name">
                {viewer.name ?? (viewer.polarUserId ? `Polar athlete ${viewer.polarUserId}` : "Signed in")}
              </span>
              <Link href="/settings" aria-label="Polar connection: open settings">
                <ConnectionBadge state={viewer.connectionState} registrationStatus={viewer.registrationStatus} />
              </Link>
              <Link href="/teams" className="text-sm text-muted hover:text-fg" data-testid="nav-teams">
                Teams
              </Link>
              <Link href="/settings" className="text-sm text-muted hover:text-fg" data-testid="nav-settings">
                Settings
              </Link>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin" className="text-sm font-medium text-accent hover:underline" data-testid="header-signin">
              Sign in
            </Link>
          )}
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
