"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/training", label: "Training" },
  { href: "/dashboard/load", label: "Load" },
  { href: "/dashboard/sleep", label: "Sleep" },
  { href: "/dashboard/recovery", label: "Recovery" },
  { href: "/dashboard/body", label: "Body" },
  { href: "/dashboard/activity", label: "Activity" },
  { href: "/dashboard/heart-rate", label: "24/7 HR" },
  { href: "/dashboard/sync", label: "Sync log" },
  { href: "/reports/me/latest", label: "Weekly report" },
] as const;

/** Navigation between the dashboard pages; scrolls sideways on a phone. */
export function DashboardNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" data-app-nav className="-mx-4 mb-6 overflow-x-auto border-b border-border px-4">
      <ul className="flex min-w-max gap-1">
        {LINKS.map((link) => {
          const isActive = link.href === "/dashboard" ? pathname === link.href : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isActive ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm ${
                  isActive ? "border-accent font-semibold text-fg" : "border-transparent text-muted hover:text-fg"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
