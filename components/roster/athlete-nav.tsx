"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReadScope } from "@/lib/dal/dto";

const PAGES: { path: string; label: string; scope: ReadScope | null }[] = [
  { path: "", label: "Overview", scope: null },
  { path: "/training", label: "Training", scope: "training" },
  { path: "/load", label: "Load", scope: "training" },
  { path: "/sleep", label: "Sleep", scope: "sleep" },
  { path: "/recovery", label: "Recovery", scope: "recovery" },
  { path: "/body", label: "Body", scope: "body" },
];

/** The coach's tabs for one athlete: pages of unshared data types are listed as "not shared", not linked. */
export function AthleteNav({ athleteId, scopes }: { athleteId: string; scopes: readonly ReadScope[] }) {
  const pathname = usePathname();
  const base = `/athletes/${encodeURIComponent(athleteId)}`;
  return (
    <nav aria-label="Athlete" className="-mx-4 mb-6 overflow-x-auto border-b border-border px-4">
      <ul className="flex min-w-max gap-1">
        {PAGES.map((page) => {
          const href = `${base}${page.path}`;
          const isShared = page.scope === null || scopes.includes(page.scope);
          const isActive = page.path === "" ? pathname === href : pathname.startsWith(href);
          return (
            <li key={page.path}>
              {isShared ? (
                <Link
                  href={href}
                  aria-current={isActive ? "page" : undefined}
                  className={`inline-block border-b-2 px-3 py-2 text-sm ${isActive ? "border-accent font-semibold text-fg" : "border-transparent text-muted hover:text-fg"}`}
                  data-testid={`athlete-nav${page.path.replace("/", "-") || "-overview"}`}
                >
                  {page.label}
                </Link>
              ) : (
                <span className="inline-block px-3 py-2 text-sm text-muted line-through" title="not shared" data-testid={`athlete-nav${page.path.replace("/", "-")}-not-shared`}>
                  {page.label}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
