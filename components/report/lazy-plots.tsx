"use client";

// The report's plots load after the page, like components/charts/lazy-plots.tsx explains.
import dynamic from "next/dynamic";
import { boxPlot, PlotSkeleton } from "@/components/charts/plot-box";
import type { WeeklyHoursPlotProps, ZoneComparePlotProps } from "./report-plots";

export const WeeklyHoursPlot = boxPlot(
  dynamic<WeeklyHoursPlotProps>(() => import("./report-plots").then((mod) => mod.WeeklyHoursPlot), { ssr: false, loading: PlotSkeleton }),
);

export const ZoneComparePlot = boxPlot(
  dynamic<ZoneComparePlotProps>(() => import("./report-plots").then((mod) => mod.ZoneComparePlot), { ssr: false, loading: PlotSkeleton }),
);
