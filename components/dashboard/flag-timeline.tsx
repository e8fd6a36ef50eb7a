"use client";

import { useState } from "react";
import { formatDayShort } from "@/components/charts/format";
import type { RiskLevel } from "@/lib/analytics";
import type { DailyPointDTO } from "@/lib/dal/dto";
import { AdviceRow } from "@/components/checkin/advice";
import { RISK_PRESENTATION } from "./risk-badge";
import { RiskDetails } from "./risk-details";

const CELL_CLASS: Record<RiskLevel, string> = {
  "insufficient-data": "bg-border",
  none: "bg-ok/40",
  watch: "bg-watch",
  elevated: "bg-elevated",
  high: "bg-high",
};

function isFlagged(level: RiskLevel): boolean {
  return level === "watch" || level === "elevated" || level === "high";
}

/**
 * One cell per day coloured and iconed by risk level; flagged days are buttons (keyboard reachable) that
 * show the day's reasons with baseline and window.
 */
export function FlagTimeline({ points, reader = "athlete" }: { points: readonly DailyPointDTO[]; reader?: "athlete" | "coach" }) {
  const flagged = points.filter((point) => isFlagged(point.risk.level));
  const [selectedDate, setSelectedDate] = useState<string | null>(flagged[flagged.length - 1]?.date ?? null);
  const selected = points.find((point) => point.date === selectedDate) ?? null;
  const state = points.length === 0 ? "empty" : "loaded";
  return (
    <figure id="flag-timeline" data-testid="flag-timeline" data-state={state} className="rounded-lg border border-border bg-surface p-4" aria-labelledby="flag-timeline-title">
      <h3 id="flag-timeline-title" className="font-semibold">
        Flag timeline
      </h3>
      <p className="mb-2 text-xs text-muted">Each cell is one day; select a flagged day to see why. The row below gives the advice of each day as it stood then.</p>
      {state === "empty" ? (
        <p className="rounded-md border border-dashed border-border p-6 text-center text-sm text-muted" data-testid="flag-timeline-empty">
          {reader === "athlete" ? "No days in this range yet — sync to start building your baselines." : "No days in this range yet for the athlete."}
        </p>
      ) : (
        <>
          <ol className="flex flex-wrap gap-0.5" aria-label="Days">
            {points.map((point) => {
              const view = RISK_PRESENTATION[point.risk.level];
              const label = `${formatDayShort(point.date)}: ${view.word}`;
              const cell = `flex h-5 w-5 items-center justify-center rounded-sm text-[10px] leading-none ${CELL_CLASS[point.risk.level]}`;
              return (
                <li key={point.date}>
                  {isFlagged(point.risk.level) ? (
                    <button
                      type="button"
                      className={`${cell} ${selectedDate === point.date ? "ring-2 ring-fg" : ""}`}
                      aria-label={label}
                      aria-pressed={selectedDate === point.date}
                      title={label}
                      data-testid="flag-day"
                      data-date={point.date}
                      data-level={point.risk.level}
                      onClick={() => setSelectedDate(point.date)}
                    >
                      <span aria-hidden className="text-bg">
                        {view.icon}
                      </span>
                    </button>
                  ) : (
                    <span className={cell} title={label} data-level={point.risk.level}>
                      <span className="sr-only">{label}</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          <AdviceRow points={points} />
          <p className="mt-2 text-xs text-muted">
            {flagged.length === 0 ? "No flagged days in this range." : `${flagged.length} flagged day${flagged.length === 1 ? "" : "s"} in this range.`}
          </p>
          {selected ? (
            <div className="mt-3 border-t border-border pt-3">
              <RiskDetails point={selected} reader={reader} />
            </div>
          ) : null}
        </>
      )}
    </figure>
  );
}
