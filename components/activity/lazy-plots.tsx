"use client";

// The activity charts' plots load after the page, like components/charts/lazy-plots.tsx explains.
import dynamic from "next/dynamic";
import { boxPlot, PlotSkeleton } from "@/components/charts/plot-box";
import type { ActivityZonesPlotProps, HourlyStepsPlotProps } from "./activity-day-plots";
import type { DailyBarsPlotProps } from "./daily-bars-plot";

export const ActivityZonesPlot = boxPlot(
  dynamic<ActivityZonesPlotProps>(() => import("./activity-day-plots").then((mod) => mod.ActivityZonesPlot), { ssr: false, loading: PlotSkeleton }),
);

export const HourlyStepsPlot = boxPlot(
  dynamic<HourlyStepsPlotProps>(() => import("./activity-day-plots").then((mod) => mod.HourlyStepsPlot), { ssr: false, loading: PlotSkeleton }),
);

export const DailyBarsPlot = boxPlot(
  dynamic<DailyBarsPlotProps>(() => import("./daily-bars-plot").then((mod) => mod.DailyBarsPlot), { ssr: false, loading: PlotSkeleton }),
);
