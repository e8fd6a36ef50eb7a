import { EmptyDayBox } from "@/components/dashboard/empty-day";
import { formatDayLong, formatDuration, formatNumber } from "@/components/charts/format";
import { Card, Stat } from "@/components/ui/card";
import type { ActivityDayDTO } from "@/lib/dal/activity";
import { ACTIVITY_ZONE_VIEW, formatCount, NO_ACTIVITY_DAY } from "./format";

const NOT_SYNCED = "not in the synced daily summary";

/** The day's totals: steps, active time, calories, distance, inactivity alerts, time per activity zone. */
export function ActivityDaySummary({ day }: { day: ActivityDayDTO }) {
  const activity = day.activity;
  return (
    <Card title={`Activity on ${formatDayLong(day.date)}`} testId="activity-day" state={activity ? "loaded" : "empty"}>
      {activity === null ? (
        <EmptyDayBox message={NO_ACTIVITY_DAY} explanation={day.empty} testId="activity-day-empty" />
      ) : (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
            <Stat testId="activity-steps" rawValue={activity.steps} label="Steps" value={activity.steps === null ? null : formatCount(activity.steps)} hint="Polar's active steps" />
            <Stat testId="activity-active-time" rawValue={activity.activeSeconds} label="Active time" value={activity.activeSeconds === null ? null : formatDuration(activity.activeSeconds)} />
            <Stat testId="activity-active-calories" rawValue={activity.activeCalories} label="Active calories" value={activity.activeCalories === null ? null : formatNumber(activity.activeCalories)} unit="kcal" />
            <Stat testId="activity-calories" rawValue={activity.calories} label="Total calories" value={activity.calories === null ? null : formatNumber(activity.calories)} unit="kcal" hint="incl. basal metabolism" />
            <Stat testId="activity-distance" rawValue={activity.distanceMeters} label="Distance from steps"
                value={activity.distanceMeters === null ? null : formatNumber(activity.distanceMeters / 1000, 2)}
                unit="km"
                hint={activity.distanceMeters === null ? NOT_SYNCED : undefined} />
            <Stat testId="activity-inactivity-alerts" rawValue={activity.inactivityAlerts} label="Inactivity alerts"
                value={activity.inactivityAlerts === null ? null : String(activity.inactivityAlerts)}
                hint={activity.inactivityAlerts === null ? NOT_SYNCED : "55 min without moving"} />
          </dl>
          <div>
            <h3 className="mb-1 text-sm font-semibold">Time per activity zone</h3>
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="activity-zone-totals">
              {ACTIVITY_ZONE_VIEW.map((zone, index) =>
                activity.zoneTotals[index] > 0 || index < 5 ? (
                  <li key={zone.key} className="flex items-center gap-1" data-zone={zone.key} data-seconds={activity.zoneTotals[index]}>
                    <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: zone.color }} />
                    <span className="text-muted">{zone.label}</span>
                    <span className="tabular-nums">{formatDuration(activity.zoneTotals[index])}</span>
                  </li>
                ) : null,
              )}
            </ul>
          </div>
        </div>
      )}
    </Card>
  );
}
