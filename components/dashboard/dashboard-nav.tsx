"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/tab-nav";

const LINKS = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/training", label: "Training" },
  { href: "/dashboard/calendar", label: "Calendar" },
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
    <TabNav
      label="Dashboard"
      dataAttributes={{ "data-app-nav": true }}
      items={LINKS.map((link) => ({
        key: link.href,
        label: link.label,
        href: link.href,
        isActive: link.href === "/dashboard" ? pathname === link.href : pathname.startsWith(link.href),
      }))}
    />
  );
}
