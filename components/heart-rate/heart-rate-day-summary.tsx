import { EmptyDayBox } from "@/components/dashboard/empty-day";
import { formatClock, formatDayLong, formatDuration, formatNumber } from "@/components/charts/format";
import { Card } from "@/components/ui/card";
import { formatSecondOfDay } from "@/components/activity/format";
import type { HeartRateDayDTO } from "@/lib/dal/heart-rate";
import { NO_HEART_RATE_DAY } from "./rows";

function Figure({ testId, label, value, raw, unit }: { testId: string; label: string; value: string | null; raw: number | null; unit: string }) {
  return (
    <div className="min-w-0" data-testid={testId} data-value={raw ?? ""}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">
        {value ?? "—"}
        {value !== null ? <span className="ml-1 text-sm font-normal text-muted">{unit}</span> : null}
      </dd>
    </div>
  );
}

/** The day's lowest, average and highest 24/7 HR, its sessions and night on the athlete's clock. */
export function HeartRateDaySummary({ day }: { day: HeartRateDayDTO }) {
  const hasData = day.validSamples > 0;
  return (
    <Card title={`Heart rate on ${formatDayLong(day.date)}`} testId="hr-day" state={hasData ? "loaded" : "empty"}>
      {hasData ? (
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Figure testId="hr-lowest" label="Lowest (24/7)" value={day.lowestHr === null ? null : String(day.lowestHr)} raw={day.lowestHr} unit="bpm" />
          <Figure testId="hr-average" label="Average (24/7)" value={day.averageHr === null ? null : formatNumber(day.averageHr, 0)} raw={day.averageHr} unit="bpm" />
          <Figure testId="hr-highest" label="Highest (24/7)" value={day.highestHr === null ? null : String(day.highestHr)} raw={day.highestHr} unit="bpm" />
          <Figure testId="hr-samples" label="Samples" value={String(day.validSamples)} raw={day.validSamples} unit="× ~5 min" />
        </dl>
      ) : (
        <EmptyDayBox message={NO_HEART_RATE_DAY} explanation={day.empty} testId="hr-day-empty" />
      )}
      <div className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
        <div data-testid="hr-sessions">
          <h3 className="font-semibold">Training sessions</h3>
          {day.sessions === null ? (
            <p className="text-muted">Not shared.</p>
          ) : day.sessions.length === 0 ? (
            <p className="text-muted">No training session on this day.</p>
          ) : (
            <ul>
              {day.sessions.map((session) => (
                <li key={session.id} data-testid="hr-session" data-start={session.startSecond} data-end={session.endSecond}>
                  {formatSecondOfDay(session.startSecond)}–{formatSecondOfDay(session.endSecond)} · {session.sport.toLowerCase()} ·{" "}
                  {formatDuration(session.durationSeconds)}
                  {session.avgHr !== null ? ` · avg ${session.avgHr} bpm` : ""}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div data-testid="hr-nights">
          <h3 className="font-semibold">Sleep</h3>
          {day.nights === null ? (
            <p className="text-muted">Not shared.</p>
          ) : day.nights.length === 0 ? (
            <p className="text-muted">No night recorded around this day.</p>
          ) : (
            <ul>
              {day.nights.map((night) => (
                <li key={night.date} data-testid="hr-night">
                  Night to {formatDayLong(night.date)}: {formatClock(night.startUtcMs, night.startOffsetMinutes)}–{formatClock(night.endUtcMs, night.endOffsetMinutes)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}
