import { formatDayLong, formatDuration, formatNumber } from "@/components/charts/format";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { ActivityDayDTO } from "@/lib/dal/activity";
import { ACTIVITY_ZONE_VIEW, formatCount, NO_ACTIVITY_DAY } from "./format";

const NOT_SYNCED = "not in the synced daily summary";

/** A labelled number; `raw` (the unformatted stored value) is exposed as `data-value` for browser tests. */
function ValueStat({ testId, raw, label, value, unit, hint }: { testId: string; raw: number | null; label: string; value: string | null; unit?: string; hint?: ReactNode }) {
  return (
    <div className="min-w-0" data-testid={testId} data-value={raw ?? ""}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">
        {value ?? "—"}
        {value !== null && unit ? <span className="ml-1 text-sm font-normal text-muted">{unit}</span> : null}
      </dd>
      {hint ? <dd className="text-xs text-muted">{hint}</dd> : null}
    </div>
  );
}

/** The day's totals: steps, active time, calories, distance, inactivity alerts, time per activity zone. */
export function ActivityDaySummary({ day }: { day: ActivityDayDTO }) {
  const activity = day.activity;
  return (
    <Card title={`Activity on ${formatDayLong(day.date)}`} testId="activity-day" state={activity ? "loaded" : "empty"}>
      {activity === null ? (
        <p className="rounded-md border border-dashed border-border p-4 text-center text-sm text-muted" data-testid="activity-day-empty">
          <span aria-hidden className="mr-1">
            ∅
          </span>
          {NO_ACTIVITY_DAY}
        </p>
      ) : (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
            <ValueStat testId="activity-steps" raw={activity.steps} label="Steps" value={activity.steps === null ? null : formatCount(activity.steps)} hint="Polar's active steps" />
            <ValueStat testId="activity-active-time" raw={activity.activeSeconds} label="Active time" value={activity.activeSeconds === null ? null : formatDuration(activity.activeSeconds)} />
            <ValueStat testId="activity-active-calories" raw={activity.activeCalories} label="Active calories" value={activity.activeCalories === null ? null : formatNumber(activity.activeCalories)} unit="kcal" />
            <ValueStat testId="activity-calories" raw={activity.calories} label="Total calories" value={activity.calories === null ? null : formatNumber(activity.calories)} unit="kcal" hint="incl. basal metabolism" />
            <ValueStat testId="activity-distance" raw={activity.distanceMeters} label="Distance from steps"
                value={activity.distanceMeters === null ? null : formatNumber(activity.distanceMeters / 1000, 2)}
                unit="km"
                hint={activity.distanceMeters === null ? NOT_SYNCED : undefined} />
            <ValueStat testId="activity-inactivity-alerts" raw={activity.inactivityAlerts} label="Inactivity alerts"
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
