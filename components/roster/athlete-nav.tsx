"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/tab-nav";
import type { ReadScope } from "@/lib/dal/dto";

const PAGES: { path: string; label: string; scope: ReadScope | null }[] = [
  { path: "", label: "Overview", scope: null },
  { path: "/training", label: "Training", scope: "training" },
  { path: "/calendar", label: "Calendar", scope: null },
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
    <TabNav
      label="Athlete"
      items={PAGES.map((page) => {
        const href = `${base}${page.path}`;
        const isShared = page.scope === null || scopes.includes(page.scope);
        const testId = `athlete-nav${page.path.replace("/", "-") || "-overview"}`;
        return {
          key: page.path,
          label: page.label,
          href: isShared ? href : null,
          isActive: page.path === "" ? pathname === href : pathname.startsWith(href),
          testId: isShared ? testId : `${testId}-not-shared`,
          disabledTitle: "not shared",
        };
      })}
    />
  );
}
