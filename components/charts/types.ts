import type { ReactNode } from "react";
import type { ACTIVITY_ZONE_VIEW } from "@/components/activity/format";
import type { BaselineProgress } from "./chart-frame";
import type { TooltipLine } from "./chart-tooltip";

/**
 * Row and prop types shared by a chart's frame (server-rendered, `*-chart.tsx`) and its plot (Recharts,
 * loaded after the page, `*-plot.tsx`). They live here so plots never import their frames: the frames import
 * the plots through lazy-plots, and the types would otherwise close a cycle.
 */

export type AcwrChartPoint = {
  date: string;
  acwrEwma: number | null;
  acwrCoupled: number | null;
  acwrUncoupled: number | null;
};

export type CardioStatusPoint = {
  date: string;
  /** Polar's status word (e.g. `PRODUCTIVE`) or a computed estimate; null = not available. */
  status: string | null;
  /** "polar" = Polar's own; "estimated" = computed from our daily load with unpublished cut-points. */
  source: "polar" | "estimated" | null;
  ratio: number | null;
};

/** A point with its status placed on the chart's scale, Polar's and estimated ones in separate series. */
export type CardioStatusRow = CardioStatusPoint & { polarLevel: number | null; estimatedLevel: number | null };

/** One point of a session series: seconds from the start, value (null = sensor dropout). */
export type SessionSamplePoint = { t: number; value: number | null };

export type LoadSource = "polar" | "trimp" | "none";

export type LoadChartPoint = {
  date: string;
  /** Day of the athlete's history (1 = first day), for the seeded-fitness note. */
  dayIndex: number;
  load: number;
  loadSource: LoadSource;
  ctl: number | null;
  atl: number | null;
  tsb: number | null;
};

/** Stage minutes of one night (null on a night without sleep data: drawn as a gap, never as zero). */
export type SleepStagesPoint = {
  date: string;
  lightMin: number | null;
  deepMin: number | null;
  remMin: number | null;
  unrecognizedMin: number | null;
};

/** Minutes per zone in one week (Monday start, athlete-local), computed zones only. */
export type WeeklyZonePoint = {
  weekStart: string;
  z1: number;
  z2: number;
  z3: number;
  z4: number;
  z5: number;
  sessions: number;
};

/** One plotted value per athlete-local day; `null` = not measured / not computable (drawn as a gap). */
export type TrendRow = { date: string } & { [key: string]: string | number | null };

export type TrendSeries = {
  key: string;
  name: string;
  color: string;
  /** Unit in the tooltip (`bpm`, `kg`, `min`…). */
  unit: string;
  decimals?: number;
  kind?: "line" | "bar" | "step";
  dashed?: boolean;
  /** The tooltip's value text (default: number + unit), e.g. HRV in ms with its lnRMSSD from the row. */
  format?: (value: number, row: TrendRow) => string;
};

/** A shaded normal range (e.g. baseline mean ± SD) between two keys of the same row. */
export type TrendBand = { lowKey: string; highKey: string; name: string; color: string; decimals?: number; unit: string };

export type TrendReferenceLine = { y: number; label: string; color?: string };

export type TrendChartProps = {
  testId: string;
  title: string;
  description?: ReactNode;
  emptyMessage: string;
  /** Y-axis title with its unit, e.g. "bpm". */
  yLabel: string;
  rows: readonly TrendRow[];
  series: readonly TrendSeries[];
  band?: TrendBand;
  referenceLines?: readonly TrendReferenceLine[];
  building?: readonly BaselineProgress[];
  footer?: ReactNode;
  /** The formula, in the chart's "How is this computed?" fold. */
  formula?: ReactNode;
  yDomain?: [number | "auto" | "dataMin" | "dataMax", number | "auto" | "dataMin" | "dataMax"];
  /** Extra tooltip lines for a row (e.g. a status word). */
  extraLines?: (row: TrendRow) => TooltipLine[];
  height?: number;
  actions?: ReactNode;
  /** Decimals of the y-axis tick labels (default: as recharts picks). */
  yTickDecimals?: number;
  /** Explicit y-axis ticks (e.g. every step of an integer status scale). */
  yTicks?: number[];
};

/** Minutes per activity zone in one interval of the local day. */
export type ActivityZoneRow = { slot: string; secondOfDay: number; hasData: boolean } & Partial<Record<(typeof ACTIVITY_ZONE_VIEW)[number]["key"], number>>;

export type StepRow = { slot: string; secondOfDay: number; steps: number | null };

/** One athlete-local day; `hasData` false = no record that day (shaded and labelled, never drawn as 0). */
export type DailyBarsRow = { date: string; hasData: boolean } & { [key: string]: string | number | boolean | null };

export type DailyBarsSeries = {
  key: string;
  name: string;
  color: string;
  unit: string;
  decimals?: number;
  kind?: "bar" | "line";
  stackId?: string;
  /** Formats the tooltip value (default: number + unit). */
  format?: (value: number) => string;
};

export type DailyBarsChartProps = {
  testId: string;
  title: string;
  description?: ReactNode;
  emptyMessage: string;
  yLabel: string;
  rows: readonly DailyBarsRow[];
  series: readonly DailyBarsSeries[];
  yDomain?: [number | "auto", number | "auto"];
  footer?: ReactNode;
  /** What a day without data means, in the tooltip. */
  missingLabel?: string;
  extraLines?: (row: DailyBarsRow) => TooltipLine[];
  height?: number;
  /** The range could not be loaded. */
  isError?: boolean;
};

/** One ISO week's training time; `isCurrent` marks the report's week. */
export type HoursRow = { week: string; hours: number | null; isCurrent: boolean };

/** Minutes in Z1–Z5 of this week or of a mean over previous weeks. */
export type ZoneCompareRow = { label: string; z1: number; z2: number; z3: number; z4: number; z5: number };
