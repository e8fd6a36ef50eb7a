import { formatNumber } from "@/components/charts/format";
import { Stat } from "@/components/ui/card";
import type { RecentFiguresDTO } from "@/lib/dal/overview/recent";

/**
 * Resting HR of the newest night that has one (the roster shows the same number: both read
 * lib/dal/overview/recent.ts), with the night's date when it is not today's, and the baseline it is judged against.
 */
export function RestingHrStat({ rhr, today }: { rhr: RecentFiguresDTO["rhr"]; today: string }) {
  const baseline =
    rhr.date === null
      ? "no night with resting HR this week"
      : rhr.baselineMean !== null
        ? `normal ${formatNumber(rhr.baselineMean, 1)} ± ${formatNumber(rhr.baselineSd, 1)} (30 nights)`
        : `building baseline: ${rhr.baselineN} nights measured, 14 needed`;
  const when = rhr.date !== null && rhr.date !== today ? `night to ${rhr.date}; ` : "";
  return <Stat label="Resting HR" value={rhr.value === null ? null : formatNumber(rhr.value, 0)} rawValue={rhr.value} unit="bpm" hint={`${when}${baseline}`} testId="stat-rhr" />;
}
