import type { Metadata } from "next";
import { LoadPanel } from "@/components/dashboard/load-panel";
import { RangePicker } from "@/components/dashboard/range-picker";
import { firstParam, resolveRange } from "@/components/dashboard/range";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getPageSeries } from "@/lib/dal/overview/overview";
import { requirePageViewer } from "@/lib/auth/session";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Training load" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoadPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer();
  const params = await searchParams;
  const initial = getPageSeries(
    getDb(),
    viewer,
    SELF,
    (today) => resolveRange({ range: firstParam(params.range), from: firstParam(params.from), to: firstParam(params.to) }, today),
    { scope: "training" },
  );
  return (
    <div>
      <PageHeader title="Training load" description="Daily load, fitness and fatigue, workload ratio, monotony and Polar's cardio-load status.">
        <RangePicker today={initial.today} />
      </PageHeader>
      <LoadPanel initial={initial} />
      <section className="mt-6 space-y-2 text-sm text-muted" aria-labelledby="load-help">
        <h2 id="load-help" className="font-semibold text-fg">
          About these numbers
        </h2>
        <p>
          Daily load is Polar&apos;s cardio load where Polar provides it, otherwise our Banister TRIMP from your heart rate —
          each day says which. CTL (fitness, 42 days) and ATL (fatigue, 7 days) are exponential averages with gain
          1 − e^(−1/τ); form (TSB) is yesterday&apos;s CTL minus ATL, so today&apos;s session does not lower today&apos;s form.
        </p>
        <p>
          The acute:chronic workload ratio (ACWR) compares this week&apos;s load with your recent normal. It is shown as a
          description, never as an injury probability: the ratio is undefined at zero and explodes at small chronic loads;
          the coupled form shares data between numerator and denominator (spurious correlation); and a 2021 re-analysis
          found the published injury associations reproduced with fixed or random chronic loads, with no advantage over acute
          load alone. Flags use the EWMA form, and load alone never raises the top risk level.
        </p>
      </section>
    </div>
  );
}
