"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { formatMinutes, formatNumber } from "@/components/charts/format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, ZONE_COLORS, xAxisLabel, yAxisLabel } from "@/components/charts/theme";

type HoursRow = { week: string; hours: number | null; isCurrent: boolean };

/** Training time per ISO week: the report's week and the 12 before it. */
export function WeeklyHoursChart({ weeks, currentWeek }: { weeks: readonly { week: string; hours: number | null }[]; currentWeek: string }) {
  const rows: HoursRow[] = weeks.map((week) => ({ ...week, isCurrent: week.week === currentWeek }));
  const hasValue = rows.some((row) => row.hours !== null && row.hours > 0);
  return (
    <ChartFrame
      testId="chart-report-hours"
      title="Training time per week"
      description="Hours of recorded sessions per ISO week (Monday–Sunday, your local days); the report's week is the last bar."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="No training sessions in these 13 weeks — record a session and sync."
    >
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tick={AXIS_TICK} tickFormatter={(value: string) => value.slice(5)} label={xAxisLabel("ISO week")} />
          <YAxis tick={AXIS_TICK} width={56} label={yAxisLabel("training time (h)")} />
          <Tooltip
            content={(props) => (
              <ChartTooltip<HoursRow>
                {...props}
                title={(row) => row.week}
                lines={(row) => [{ label: "Training time", value: row.hours === null ? "before your history" : formatMinutes(row.hours * 60), color: CHART_COLORS.c1 }]}
              />
            )}
          />
          <Bar dataKey="hours" name="Training time" fill={CHART_COLORS.c1} {...NO_ANIMATION} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

type ZoneRow = { label: string; z1: number; z2: number; z3: number; z4: number; z5: number };

/** Minutes in Z1–Z5 this week against the means of the previous 4 and 12 weeks (computed zones). */
export function ZoneCompareChart({ value, avg4, avg12 }: { value: readonly number[]; avg4: readonly number[] | null; avg12: readonly number[] | null }) {
  const toRow = (label: string, zones: readonly number[]): ZoneRow => ({ label, z1: zones[0], z2: zones[1], z3: zones[2], z4: zones[3], z5: zones[4] });
  const rows: ZoneRow[] = [toRow("This week", value), ...(avg4 ? [toRow("4-week mean", avg4)] : []), ...(avg12 ? [toRow("12-week mean", avg12)] : [])];
  const hasValue = rows.some((row) => row.z1 + row.z2 + row.z3 + row.z4 + row.z5 > 0);
  return (
    <ChartFrame
      testId="chart-report-zones"
      title="Time in heart-rate zones"
      description="Minutes in computed zones Z1–Z5 (% of HRmax, sample-and-hold) summed over the week's sessions."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="No heart-rate zones this week — record sessions with a heart-rate sensor and sync."
    >
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK} label={xAxisLabel("minutes")} />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={96} />
          <Tooltip
            content={(props) => (
              <ChartTooltip<ZoneRow>
                {...props}
                title={(row) => row.label}
                lines={(row) =>
                  (["z1", "z2", "z3", "z4", "z5"] as const).map((key, index) => ({
                    label: `Z${index + 1}`,
                    value: `${formatNumber(row[key], 0)} min`,
                    color: ZONE_COLORS[index],
                  }))
                }
              />
            )}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {(["z1", "z2", "z3", "z4", "z5"] as const).map((key, index) => (
            <Bar key={key} dataKey={key} name={`Z${index + 1}`} stackId="zones" fill={ZONE_COLORS[index]} {...NO_ANIMATION} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Prints the report (the print stylesheet hides navigation and controls). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-border px-2.5 py-1 text-sm hover:bg-bg print:hidden" data-testid="report-print">
      Print
    </button>
  );
}
