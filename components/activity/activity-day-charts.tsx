import { ChartFrame } from "@/components/charts/chart-frame";
import type { HourlyStepsDTO, ZoneBlockDTO } from "@/lib/dal/activity";
import { ACTIVITY_ZONE_VIEW, formatSecondOfDay, NO_ACTIVITY_DAY } from "./format";
import { ActivityZonesPlot, HourlyStepsPlot } from "./lazy-plots";
import type { ActivityZoneRow, StepRow } from "@/components/charts/types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { ActivityZoneRow, StepRow } from "@/components/charts/types";

const DAY_SECONDS = 86_400;

/** One row per interval of the day (24 for hourly samples); an interval Polar has not reported stays empty. */
function toZoneRows(blocks: readonly ZoneBlockDTO[], intervalMinutes: number): ActivityZoneRow[] {
  const step = intervalMinutes * 60;
  const bySecond = new Map(blocks.map((block) => [block.secondOfDay, block]));
  const rows: ActivityZoneRow[] = [];
  for (let second = 0; second < DAY_SECONDS; second += step) {
    const block = bySecond.get(second);
    const row: ActivityZoneRow = { slot: formatSecondOfDay(second), secondOfDay: second, hasData: block !== undefined };
    if (block) ACTIVITY_ZONE_VIEW.forEach((zone, index) => (row[zone.key] = block.seconds[index] / 60));
    rows.push(row);
  }
  return rows;
}

/**
 * The day's activity zones over the athlete's local clock: per interval (Polar reports hourly), the minutes
 * spent in each zone, stacked. Polar gives only the minutes per interval, not their order within it.
 */
export function ActivityZonesChart({ blocks, intervalMinutes, hasDay }: { blocks: readonly ZoneBlockDTO[]; intervalMinutes: number | null; hasDay: boolean }) {
  const interval = intervalMinutes && intervalMinutes > 0 ? intervalMinutes : 60;
  const rows = toZoneRows(blocks, interval);
  const state = hasDay && blocks.length > 0 ? "loaded" : "empty";
  return (
    <ChartFrame
      testId="chart-activity-zones"
      title="Activity zones over the day"
      description={`Minutes in each activity zone per ${interval}-minute interval of your local day (Polar's zone samples).`}
      state={state}
      emptyMessage={hasDay ? "This day's summary has no zone samples yet — sync again after the watch has synced." : NO_ACTIVITY_DAY}
      footer={<p>Intervals after the watch&apos;s last sync are empty. Polar reports how long you were in each zone per interval, not in which order.</p>}
    >
      <ActivityZonesPlot rows={rows} interval={interval} height={260} />
    </ChartFrame>
  );
}

/** Steps per interval of the local day. */
export function HourlyStepsChart({ samples, intervalMinutes, hasDay }: { samples: readonly HourlyStepsDTO[]; intervalMinutes: number | null; hasDay: boolean }) {
  const interval = intervalMinutes && intervalMinutes > 0 ? intervalMinutes : 60;
  const rows: StepRow[] = samples.map((sample) => ({ slot: formatSecondOfDay(sample.secondOfDay), secondOfDay: sample.secondOfDay, steps: sample.steps }));
  const state = hasDay && samples.some((sample) => sample.steps !== null) ? "loaded" : "empty";
  return (
    <ChartFrame
      testId="chart-hourly-steps"
      title="Steps through the day"
      description={`Steps per ${interval}-minute interval of your local day.`}
      state={state}
      emptyMessage={hasDay ? "This day's summary has no step samples yet — sync again after the watch has synced." : NO_ACTIVITY_DAY}
    >
      <HourlyStepsPlot rows={rows} interval={interval} height={220} />
    </ChartFrame>
  );
}
