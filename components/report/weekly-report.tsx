import Link from "next/link";
import type { ReactNode } from "react";
import { formatDayLong, formatDuration, formatHrvRange, formatMinutes, formatNumber, toRmssdMs } from "@/components/charts/format";
import { formatCount } from "@/components/activity/format";
import { describePmcSeed } from "@/components/charts/describe";
import { describeReason } from "@/components/dashboard/daily-rows";
import { RiskBadge } from "@/components/dashboard/risk-badge";
import type { RiskReason } from "@/lib/analytics";
import { diffDays } from "@/lib/analytics/dates";
import type { ReportRecoveryDTO, ReportSleepDTO, ReportTrainingDTO, WeeklyMetricDTO, WeeklyReportDTO } from "@/lib/dal/report";
import { PrintButton } from "./print-button";
import { WeeklyHoursChart, ZoneCompareChart } from "./report-charts";

type Format = (value: number) => string;

const ACWR_BAND_WORDS: Record<string, string> = { low: "low", usual: "usual range", rising: "rising", spike: "spike" };

/** Signed change against a mean, in the metric's own format. */
function formatChange(value: number | null, reference: number | null, format: Format): string {
  if (value === null || reference === null) return "";
  const delta = value - reference;
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  return `${sign}${format(Math.abs(delta))}`;
}

function MetricRow({ testId, label, metric, format, note }: { testId: string; label: string; metric: WeeklyMetricDTO; format: Format; note?: ReactNode }) {
  const show = (value: number | null) => (value === null ? "—" : format(value));
  return (
    <tr className="border-t border-border" data-testid={testId} data-value={metric.value ?? ""} data-avg4={metric.avg4 ?? ""} data-avg12={metric.avg12 ?? ""}>
      <th scope="row" className="py-1.5 pr-3 text-left font-normal">
        {label}
        {note ? <span className="block text-xs text-muted">{note}</span> : null}
      </th>
      <td className="py-1.5 pr-3 text-right font-semibold tabular-nums">{show(metric.value)}</td>
      <td className="py-1.5 pr-3 text-right tabular-nums">
        {show(metric.avg4)}
        <span className="block text-xs text-muted">{formatChange(metric.value, metric.avg4, format)}</span>
      </td>
      <td className="py-1.5 text-right tabular-nums">
        {show(metric.avg12)}
        <span className="block text-xs text-muted">{formatChange(metric.value, metric.avg12, format)}</span>
      </td>
    </tr>
  );
}

function MetricTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-xs text-muted">
          <th scope="col" className="pb-1 text-left font-normal">
            metric
          </th>
          <th scope="col" className="pb-1 pr-3 text-right font-normal">
            this week
          </th>
          <th scope="col" className="pb-1 pr-3 text-right font-normal">
            previous 4 weeks (mean)
          </th>
          <th scope="col" className="pb-1 text-right font-normal">
            previous 12 weeks (mean)
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function Section({ testId, title, shared, children }: { testId: string; title: string; shared: boolean; children?: ReactNode }) {
  return (
    <section
      data-testid={testId}
      data-state={shared ? "loaded" : "not-shared"}
      aria-label={title}
      className="break-inside-avoid rounded-lg border border-border bg-surface p-4 print:border-0 print:p-0"
    >
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {shared ? children : <p className="text-sm text-muted">Not shared — the athlete has not shared this data type with you.</p>}
    </section>
  );
}

const formatHours: Format = (seconds) => formatDuration(seconds);
const formatKm: Format = (meters) => `${formatNumber(meters / 1000, 1)} km`;

function TrainingSection({ training, week, seedNote }: { training: ReportTrainingDTO; week: string; seedNote: string | null }) {
  return (
    <div className="space-y-4">
      <MetricTable caption="Training this week against the previous 4 and 12 weeks">
        <MetricRow testId="report-sessions" label="Sessions" metric={training.sessions} format={(value) => formatNumber(value, Number.isInteger(value) ? 0 : 1)} />
        <MetricRow testId="report-duration" label="Training time" metric={training.durationSeconds} format={formatHours} />
        <MetricRow testId="report-distance" label="Distance" metric={training.distanceMeters} format={formatKm} />
        <MetricRow testId="report-load" label="Load (Σ daily load)" metric={training.load} format={(value) => formatNumber(value, 0)} note="Polar cardio load, Banister TRIMP where missing" />
        <MetricRow testId="report-ctl" label="Fitness (CTL) at week end" metric={training.ctl} format={(value) => formatNumber(value, 1)} note={seedNote ?? undefined} />
        <MetricRow testId="report-atl" label="Fatigue (ATL) at week end" metric={training.atl} format={(value) => formatNumber(value, 1)} />
        <MetricRow testId="report-tsb" label="Form (TSB) at week end" metric={training.tsb} format={(value) => formatNumber(value, 1)} note="yesterday's CTL − ATL" />
        <MetricRow
          testId="report-acwr"
          label="ACWR (EWMA 7/28) at week end"
          metric={training.acwr}
          format={(value) => formatNumber(value, 2)}
          note={training.acwrBand ? ACWR_BAND_WORDS[training.acwrBand] : "not computable (needs 28 days)"}
        />
        <MetricRow testId="report-steps" label="Steps per day" metric={training.steps} format={formatCount} note={`${training.activityDays} of 7 days with activity data`} />
        <MetricRow testId="report-active-time" label="Active time per day" metric={training.activeSeconds} format={formatHours} />
      </MetricTable>
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
        <div className="break-inside-avoid">
          <WeeklyHoursChart weeks={training.weeklyHours} currentWeek={week} />
        </div>
        <div className="break-inside-avoid">
          <ZoneCompareChart value={training.zoneMinutes.value} avg4={training.zoneMinutes.avg4} avg12={training.zoneMinutes.avg12} />
        </div>
      </div>
      <p className="text-xs text-muted">ACWR describes this week&apos;s load against your recent normal; it does not predict injuries.</p>
    </div>
  );
}

function SleepSection({ sleep }: { sleep: ReportSleepDTO }) {
  return (
    <div className="space-y-2">
      <MetricTable caption="Sleep this week against the previous 4 and 12 weeks">
        <MetricRow testId="report-sleep" label="Actual sleep per night" metric={sleep.actualSleepMinutes} format={formatMinutes} note={`${sleep.nights} of 7 nights measured`} />
        <MetricRow
          testId="report-sleep-debt"
          label="Sleep debt at week end (gross, 7 nights)"
          metric={sleep.debtGrossMinutes}
          format={formatMinutes}
          note={`net ${formatMinutes(sleep.debtNetMinutes)}; need ${formatMinutes(sleep.sleepNeedMinutes)} a night`}
        />
      </MetricTable>
      <p className="text-xs text-muted">Debt = Σ of (need − actual sleep) over the measured nights of the last 7, missing nights skipped; 7 h or more raises the sleep modifier of the flags.</p>
    </div>
  );
}

function ReasonItem({ reason }: { reason: RiskReason }) {
  return (
    <li data-testid="report-reason" data-signal={reason.signal} className="text-sm">
      {describeReason(reason)}
    </li>
  );
}

/** Each day of the week: the advice it got (as it stood that day) and the check-in answered, if any. */
function AdviceDays({ days }: { days: ReportRecoveryDTO["days"] }) {
  return (
    <div className="break-inside-avoid" data-testid="report-advice" data-count={days.length}>
      <h3 className="mb-1 font-semibold">Advice and check-in by day</h3>
      <ul className="space-y-1 text-sm">
        {days.map((day) => (
          <li key={day.date} data-testid="report-advice-day" data-date={day.date} data-advice={day.advice?.advice ?? "none"}>
            <span className="font-medium">{formatDayLong(day.date)}</span>: {day.advice?.label ?? "—"}
            {day.advice && day.advice.reasons.length > 0 ? <span className="text-muted"> ({day.advice.reasons.map((reason) => reason.text).join("; ")})</span> : null}
            <span className="block text-xs text-muted">
              {day.checkIn
                ? `Check-in: fatigue ${day.checkIn.fatigue ?? "—"}, soreness ${day.checkIn.soreness ?? "—"}, stress ${day.checkIn.stress ?? "—"}, mood ${day.checkIn.mood ?? "—"}, sleep ${day.checkIn.sleepQuality ?? "—"}${day.checkIn.illness ? ", illness reported" : ""}${day.checkIn.note ? ` · “${day.checkIn.note}”` : ""}`
                : "No check-in"}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RecoverySection({ recovery }: { recovery: ReportRecoveryDTO }) {
  const rhrRange = recovery.rhrBaseline
    ? `normal ${formatNumber(recovery.rhrBaseline.mean, 1)}${recovery.rhrBaseline.sd !== null ? ` ± ${formatNumber(recovery.rhrBaseline.sd, 1)}` : ""} bpm (${recovery.rhrBaseline.nights} nights)`
    : "building baseline (needs 14 of 30 nights)";
  const hrvRange = recovery.hrvBand ? `normal range ${formatHrvRange(recovery.hrvBand.low, recovery.hrvBand.high)}` : "building baseline (needs 14 of 60 nights)";
  // HRV in ms for people; the analytics' ln value stays in the note (lnRMSSD).
  const hrvMs: WeeklyMetricDTO = { ...recovery.hrv, value: toRmssdMs(recovery.hrv.value), avg4: toRmssdMs(recovery.hrv.avg4), avg12: toRmssdMs(recovery.hrv.avg12) };
  const hrvLn = recovery.hrv.value === null ? "" : ` · lnRMSSD ${formatNumber(recovery.hrv.value, 2)}`;
  return (
    <div className="space-y-4">
      <MetricTable caption="Recovery this week against the previous 4 and 12 weeks">
        <MetricRow
          testId="report-rhr"
          label="Resting HR (nightly mean)"
          metric={recovery.rhr}
          format={(value) => `${formatNumber(value, 1)} bpm`}
          note={`${recovery.rhrNights} nights · ${rhrRange}`}
        />
        <MetricRow testId="report-hrv" label="HRV (rMSSD) 7-night mean at week end" metric={hrvMs} format={(value) => `${formatNumber(value, 0)} ms`} note={`${hrvRange}${hrvLn}`} />
      </MetricTable>
      <div className="break-inside-avoid" data-testid="report-flags" data-count={recovery.flags.length}>
        <h3 className="mb-1 font-semibold">Flags this week</h3>
        {recovery.flags.length === 0 ? (
          <p className="text-sm text-muted">No day of this week was flagged.</p>
        ) : (
          <ul className="space-y-2">
            {recovery.flags.map((flag) => (
              <li key={flag.date} data-testid="report-flag" data-date={flag.date} data-level={flag.level} className="rounded-md border border-border p-2">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{formatDayLong(flag.date)}</span>
                  <RiskBadge level={flag.level} size="sm" />
                </div>
                <ul className="mt-1 space-y-0.5">
                  {flag.reasons.map((reason) => (
                    <ReasonItem key={reason.signal} reason={reason} />
                  ))}
                </ul>
                {flag.context ? <p className="mt-1 text-xs">Context: {flag.context}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-xs text-muted">A flag is a prompt to check in (how do you feel? any signs of illness?), not a diagnosis.</p>
      </div>
      <AdviceDays days={recovery.days} />
    </div>
  );
}

/** The weekly report, readable on screen and printed (A4, sections kept whole). */
export function WeeklyReport({ report }: { report: WeeklyReportDTO }) {
  const { week } = report;
  const linkClass = "rounded-md border border-border px-2 py-1 text-sm hover:bg-bg";
  return (
    <article className="space-y-4 print:space-y-3 print:text-[11pt]" data-testid="weekly-report" data-week={week.label} data-athlete={report.athleteId}>
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">
            Weekly report {week.label}
            {report.athleteName ? <span className="text-muted"> · {report.athleteName}</span> : null}
          </h1>
          <p className="text-sm text-muted">
            {formatDayLong(week.start)} – {formatDayLong(week.end)} (athlete-local days). Compared with the means of the previous 4 and 12 weeks.
          </p>
          {report.isPartial ? (
            <p className="text-sm" data-testid="report-partial">
              <span aria-hidden>◔ </span>Week in progress: counted through {formatDayLong(report.today)}.
            </p>
          ) : null}
          {report.historyStart === null ? <p className="text-sm text-muted">Nothing has been synced yet for this athlete.</p> : null}
        </div>
        <nav aria-label="Choose week" className="flex gap-2 print:hidden">
          <Link href={report.previousPath} className={linkClass} data-testid="report-previous">
            ← previous week
          </Link>
          {report.nextPath ? (
            <Link href={report.nextPath} className={linkClass} data-testid="report-next">
              next week →
            </Link>
          ) : null}
          <PrintButton />
        </nav>
      </header>
      <Section testId="report-training" title="Training and activity" shared={report.training !== null}>
        {report.training ? <TrainingSection training={report.training} week={week.label} seedNote={report.historyStart === null ? null : describePmcSeed(diffDays(report.historyStart, report.isPartial ? report.today : week.end) + 1)} /> : null}
      </Section>
      <Section testId="report-sleep-section" title="Sleep" shared={report.sleep !== null}>
        {report.sleep ? <SleepSection sleep={report.sleep} /> : null}
      </Section>
      <Section testId="report-recovery" title="Recovery and flags" shared={report.recovery !== null}>
        {report.recovery ? <RecoverySection recovery={report.recovery} /> : null}
      </Section>
    </article>
  );
}
