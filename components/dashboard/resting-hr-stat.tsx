import { formatNumber } from "@/components/charts/format";
import { Stat } from "@/components/ui/card";
import type { DailyPointDTO } from "@/lib/dal/dto";

/**
 * Resting HR of the newest night that has one (the roster shows the same number), with the night's date when
 * it is not today's, and the baseline it is judged against.
 */
export function RestingHrStat({ point, today }: { point: DailyPointDTO | null; today: string }) {
  const rhr = point?.restingHr ?? null;
  const baseline =
    rhr === null
      ? "no night with resting HR this week"
      : rhr.baselineMean !== null
        ? `normal ${formatNumber(rhr.baselineMean, 1)} ± ${formatNumber(rhr.baselineSd, 1)} (30 nights)`
        : `building baseline: ${rhr.baselineN} nights measured, 14 needed`;
  const when = point && point.date !== today ? `night to ${point.date}; ` : "";
  return (
    <Stat
      label="Resting HR"
      value={rhr?.rhr == null ? null : formatNumber(rhr.rhr, 0)}
      rawValue={rhr?.rhr ?? null}
      unit="bpm"
      hint={`${when}${baseline}`}
      testId="stat-rhr"
    />
  );
}
