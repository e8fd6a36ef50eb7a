"use client";

// Recharts is most of a dashboard page's JavaScript. Each chart's frame (title, formula, units, footer, empty
// and "building baseline" states, test hooks) renders with the page; only the plot inside it is fetched after
// the page, behind a skeleton of the same height. Nothing is lost on the server: Recharts cannot measure a
// ResponsiveContainer there, so it never drew the SVG into the first HTML anyway.
import dynamic from "next/dynamic";
import type { AcwrPlotProps } from "./acwr-plot";
import type { CardioStatusPlotProps } from "./cardio-status-plot";
import type { HypnogramPlotProps } from "./hypnogram-plot";
import type { LoadPlotProps } from "./load-plot";
import { boxPlot, PlotSkeleton } from "./plot-box";
import type { SessionSeriesPlotProps } from "./session-series-plot";
import type { SleepStagesPlotProps } from "./sleep-stages-plot";
import type { TrendPlotProps } from "./trend-plot";
import type { WeeklyZonePlotProps } from "./weekly-zone-plot";

export const AcwrPlot = boxPlot(
  dynamic<AcwrPlotProps>(() => import("./acwr-plot").then((mod) => mod.AcwrPlot), { ssr: false, loading: PlotSkeleton }),
);

export const CardioStatusPlot = boxPlot(
  dynamic<CardioStatusPlotProps>(() => import("./cardio-status-plot").then((mod) => mod.CardioStatusPlot), { ssr: false, loading: PlotSkeleton }),
);

export const HypnogramPlot = boxPlot(
  dynamic<HypnogramPlotProps>(() => import("./hypnogram-plot").then((mod) => mod.HypnogramPlot), { ssr: false, loading: PlotSkeleton }),
);

export const LoadPlot = boxPlot(
  dynamic<LoadPlotProps>(() => import("./load-plot").then((mod) => mod.LoadPlot), { ssr: false, loading: PlotSkeleton }),
);

export const SessionSeriesPlot = boxPlot(
  dynamic<SessionSeriesPlotProps>(() => import("./session-series-plot").then((mod) => mod.SessionSeriesPlot), { ssr: false, loading: PlotSkeleton }),
);

export const SleepStagesPlot = boxPlot(
  dynamic<SleepStagesPlotProps>(() => import("./sleep-stages-plot").then((mod) => mod.SleepStagesPlot), { ssr: false, loading: PlotSkeleton }),
);

export const TrendPlot = boxPlot(
  dynamic<TrendPlotProps>(() => import("./trend-plot").then((mod) => mod.TrendPlot), { ssr: false, loading: PlotSkeleton }),
);

export const WeeklyZonePlot = boxPlot(
  dynamic<WeeklyZonePlotProps>(() => import("./weekly-zone-plot").then((mod) => mod.WeeklyZonePlot), { ssr: false, loading: PlotSkeleton }),
);
