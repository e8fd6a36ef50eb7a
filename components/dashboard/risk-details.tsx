import { formatDayLong } from "@/components/charts/format";
import type { DailyPointDTO } from "@/lib/dal/dto";
import { describeReason, describeSignal } from "./daily-rows";
import { describeRiskLevel, RiskBadge } from "./risk-badge";

/** A day's risk level with every reason in plain words, its baseline and window, and data coverage. */
export function RiskDetails({ point, headingLevel = 3, reader = "athlete" }: { point: DailyPointDTO; headingLevel?: 2 | 3; reader?: "athlete" | "coach" }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { risk } = point;
  const coverage = risk.sufficiency.progress;
  return (
    <div className="space-y-3" data-testid="risk-details" data-date={point.date} data-level={risk.level}>
      <div className="flex flex-wrap items-center gap-2">
        <Heading className="font-semibold">{formatDayLong(point.date)}</Heading>
        <RiskBadge level={risk.level} />
      </div>
      <p className="text-sm" data-testid="risk-summary">{describeRiskLevel(risk.level, reader)}</p>
      {risk.message ? <p className="text-sm text-muted">{risk.message}</p> : null}
      {risk.reasons.length > 0 ? (
        <ul className="space-y-2" data-testid="risk-reasons">
          {risk.reasons.map((reason) => (
            <li key={reason.signal} className="rounded-md border border-border p-2 text-sm" data-signal={reason.signal}>
              <p>{describeSignal(reason.signal, reader)}</p>
              <p className="text-xs text-muted" data-testid="reason-detail">
                {describeReason(reason, reader)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {risk.context ? (
        <p className="text-sm">
          <span className="font-medium">Context: </span>
          {risk.context}
        </p>
      ) : null}
      {risk.reasons.length > 0 ? (
        <p className="text-sm text-muted">
          {reader === "athlete"
            ? "How do you feel today? Any signs of illness? A flag is a prompt to check in, not a diagnosis."
            : "Ask the athlete how they feel and about signs of illness. A flag is a prompt to check in, not a diagnosis."}
        </p>
      ) : null}
      <p className="text-xs text-muted" data-testid="risk-coverage">
        Coverage: {coverage.map((item) => item.label).join(" · ")}
      </p>
    </div>
  );
}

/** The caveats metrics §10.4 asks the UI to show beside flags, worded for the athlete or their coach. */
export function RiskCaveats({ reader = "athlete" }: { reader?: "athlete" | "coach" }) {
  return (
    <details className="rounded-md border border-border p-3 text-xs text-muted">
      <summary className="cursor-pointer text-sm text-fg">How to read these flags</summary>
      <ul className="mt-2 list-disc space-y-1 pl-4">
        <li>
          ACWR describes this week&apos;s load against {reader === "athlete" ? "your" : "the athlete's"} recent normal; it does not predict injuries and never raises
          &quot;High&quot; on its own.
        </li>
        <li>Polar&apos;s cardio-load status cut-points are unpublished; computed statuses are estimates.</li>
        <li>Wrist resting HR and HRV move with alcohol, late training, heat, sleep position, device fit and the menstrual cycle.</li>
        <li>Data gaps lower confidence: coverage (nights measured, days with load) is shown next to every flag.</li>
        <li>Thresholds are population heuristics; TSB bands and the −30 level are coaching conventions, not validated limits.</li>
      </ul>
    </details>
  );
}
