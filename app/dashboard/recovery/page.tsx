import type { Metadata } from "next";
import { RangePicker } from "@/components/dashboard/range-picker";
import { firstParam, resolveRange } from "@/components/dashboard/range";
import { RecoveryPanel } from "@/components/dashboard/recovery-panel";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getPageSeries } from "@/lib/dal/overview/overview";
import { requirePageViewer } from "@/lib/auth/session";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Recovery" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RecoveryPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer();
  const params = await searchParams;
  const initial = getPageSeries(
    getDb(),
    viewer,
    SELF,
    (today) => resolveRange({ range: firstParam(params.range), from: firstParam(params.from), to: firstParam(params.to) }, today),
    { scope: "recovery" },
  );
  return (
    <div>
      <PageHeader title="Recovery" description="Resting heart rate and HRV against your own normal ranges, Nightly Recharge, and flagged days.">
        <RangePicker today={initial.today} />
      </PageHeader>
      <RecoveryPanel initial={initial} />
    </div>
  );
}
