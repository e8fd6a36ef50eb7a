import type { ReactNode } from "react";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { QueryProvider } from "@/components/providers/query-provider";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <DashboardNav />
      {children}
    </QueryProvider>
  );
}
