"use client";

// The heart-rate day plot loads after the page, like components/charts/lazy-plots.tsx explains.
import dynamic from "next/dynamic";
import { boxPlot, PlotSkeleton } from "@/components/charts/plot-box";
import type { HeartRateDayPlotProps } from "./heart-rate-day-plot";

export const HeartRateDayPlot = boxPlot(
  dynamic<HeartRateDayPlotProps>(() => import("./heart-rate-day-plot").then((mod) => mod.HeartRateDayPlot), { ssr: false, loading: PlotSkeleton }),
);
