import type { Metadata } from "next";
import { CHART_COLORS } from "@/components/charts/theme";
import { TrendChart, type TrendRow } from "@/components/charts/trend-chart";
import { BodySettingsForm } from "@/components/dashboard/body-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getBody } from "@/lib/dal/body/body";
import { requirePageViewer } from "@/lib/auth/session";
import { saveBodySettingsAction } from "./actions";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Body" };

const NO_BODY = "No physical information yet — Polar sends it when you update your profile (weight, HRmax, VO2max).";

export default async function BodyPage() {
  const viewer = await requirePageViewer();
  const body = getBody(getDb(), viewer, SELF);
  // Several snapshots can share a day; the chart keeps the newest of each day (history is ordered by creation).
  const byDay = new Map<string, TrendRow>();
  for (const point of body.history) {
    byDay.set(point.date, {
      date: point.date,
      weightKg: point.weightKg,
      vo2Max: point.vo2Max,
      maximumHeartRate: point.maximumHeartRate,
      restingHeartRate: point.restingHeartRate,
      aerobicThreshold: point.aerobicThreshold,
      anaerobicThreshold: point.anaerobicThreshold,
    });
  }
  const rows = [...byDay.values()];
  return (
    <div className="space-y-4">
      <PageHeader title="Body" description="Weight, VO2max, heart-rate limits and thresholds from Polar, and your own settings." />
      <Card title="Heart-rate settings" testId="body-settings">
        <BodySettingsForm action={saveBodySettingsAction} overrides={body.overrides} resolved={body.settings} />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <TrendChart
          testId="chart-weight"
          title="Weight"
          emptyMessage={NO_BODY}
          yLabel="weight (kg)"
          rows={rows}
          series={[{ key: "weightKg", name: "Weight", color: CHART_COLORS.c1, unit: "kg", decimals: 1 }]}
        />
        <TrendChart
          testId="chart-vo2max"
          title="VO2max"
          description="Polar's estimate (fitness test or running)."
          emptyMessage={NO_BODY}
          yLabel="VO2max (ml/kg/min)"
          rows={rows}
          series={[{ key: "vo2Max", name: "VO2max", color: CHART_COLORS.c3, unit: "ml/kg/min" }]}
        />
        <TrendChart
          testId="chart-hr-limits"
          title="Heart-rate limits"
          emptyMessage={NO_BODY}
          yLabel="heart rate (bpm)"
          rows={rows}
          series={[
            { key: "maximumHeartRate", name: "HRmax", color: CHART_COLORS.c2, unit: "bpm", kind: "step" },
            { key: "restingHeartRate", name: "Resting HR", color: CHART_COLORS.c1, unit: "bpm", kind: "step" },
          ]}
        />
        <TrendChart
          testId="chart-thresholds"
          title="Thresholds"
          emptyMessage={NO_BODY}
          yLabel="heart rate (bpm)"
          rows={rows}
          series={[
            { key: "aerobicThreshold", name: "Aerobic threshold", color: CHART_COLORS.c3, unit: "bpm", kind: "step" },
            { key: "anaerobicThreshold", name: "Anaerobic threshold", color: CHART_COLORS.c4, unit: "bpm", kind: "step" },
          ]}
        />
      </div>
    </div>
  );
}
