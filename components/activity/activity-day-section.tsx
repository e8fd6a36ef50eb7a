import type { ActivityDayDTO } from "@/lib/dal/activity";
import { ActivityZonesChart, HourlyStepsChart } from "./activity-day-charts";

/** The day's zone band and hourly steps side by side. */
export function ActivityDayCharts({ day }: { day: ActivityDayDTO }) {
  const activity = day.activity;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ActivityZonesChart blocks={activity?.zoneBlocks ?? []} intervalMinutes={activity?.zoneIntervalMinutes ?? null} hasDay={activity !== null} />
      <HourlyStepsChart samples={activity?.hourlySteps ?? []} intervalMinutes={activity?.stepIntervalMinutes ?? null} hasDay={activity !== null} />
    </div>
  );
}
