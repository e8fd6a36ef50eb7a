import type { Metadata } from "next";
import { CHART_COLORS } from "@/components/charts/theme";
import { TrendChart, type TrendRow } from "@/components/charts/trend-chart";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { getDb } from "@/db";
import { getBody } from "@/lib/dal/body/body";
import { orNotFound, loadAthleteView } from "../_lib/coach";

export const metadata: Metadata = { title: "Athlete · Body" };

export default async function AthleteBodyPage({ params }: { params: Promise<{ athleteId: string }> }) {
  const { athleteId } = await params;
  const { viewer, view } = await loadAthleteView(athleteId);
  const body = orNotFound(() => getBody(getDb(), viewer, view.athleteId));
  const byDay = new Map<string, TrendRow>();
  for (const point of body.history) byDay.set(point.date, { date: point.date, weightKg: point.weightKg, vo2Max: point.vo2Max });
  const rows = [...byDay.values()];
  return (
    <div className="space-y-4">
      <PageHeader title="Body" description="Weight, VO2max and heart-rate settings (read-only)." />
      <Card title="Heart-rate settings" testId="coach-body-settings">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label="HRmax" value={body.settings.hrmax.value === null ? null : String(body.settings.hrmax.value)} unit="bpm" hint={body.settings.hrmax.label} />
          <Stat label="Resting HR" value={body.settings.hrrest.value === null ? null : String(body.settings.hrrest.value)} unit="bpm" hint={body.settings.hrrest.label} />
          <Stat label="Sex (for TRIMP)" value={body.settings.sex.value} hint={body.settings.sex.label} />
          <Stat label="Zone model" value={body.settings.zoneModel.value} hint={body.settings.zoneModel.label} />
        </dl>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <TrendChart testId="chart-weight" title="Weight" emptyMessage="No physical information yet." yLabel="weight (kg)" rows={rows} series={[{ key: "weightKg", name: "Weight", color: CHART_COLORS.c1, unit: "kg", decimals: 1 }]} />
        <TrendChart testId="chart-vo2max" title="VO2max" emptyMessage="No physical information yet." yLabel="VO2max (ml/kg/min)" rows={rows} series={[{ key: "vo2Max", name: "VO2max", color: CHART_COLORS.c3, unit: "ml/kg/min" }]} />
      </div>
    </div>
  );
}
