import { ChartFrame } from "@/components/charts/chart-frame";
import type { HeartRateDayDTO } from "@/lib/dal/heart-rate";
import { HeartRateDayPlot } from "./lazy-plots";
import { NIGHT_FILL, NO_HEART_RATE_DAY, SESSION_FILL, toHeartRateRows } from "./rows";

/**
 * The 24-hour heart-rate curve of one athlete-local day from Polar's ~5-minute samples, with training sessions
 * (which Polar leaves out of 24/7 HR) and the night shaded, and the day's lowest and average as lines.
 */
export function HeartRateDayChart({ day }: { day: HeartRateDayDTO }) {
  const rows = toHeartRateRows(day.samples);
  const hasValue = day.validSamples > 0;
  const sessions = day.sessions ?? [];
  const top = Math.max(day.highestHr ?? 0, ...sessions.map((session) => session.avgHr ?? 0)) + 10;
  const bottom = Math.max(0, (day.lowestHr ?? 40) - 10);
  return (
    <ChartFrame
      testId="chart-hr-day"
      title="Heart rate through the day"
      description="bpm on your local clock from the watch's ~5-minute 24/7 samples; shaded: training sessions (red) and sleep (violet)."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage={NO_HEART_RATE_DAY}
      footer={
        <>
          <p>
            <span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: SESSION_FILL, opacity: 0.4 }} />
            Training sessions{day.sessions === null ? " (not shared)" : ""} ·
            <span aria-hidden className="mx-1 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: NIGHT_FILL, opacity: 0.4 }} />
            Sleep{day.nights === null ? " (not shared)" : ""} · Polar leaves training out of 24/7 heart rate, so the curve has gaps there.
          </p>
        </>
      }
    >
      <HeartRateDayPlot rows={rows} sessions={day.sessions} nights={day.nights} lowestHr={day.lowestHr} averageHr={day.averageHr} bottom={bottom} top={top} height={300} />
    </ChartFrame>
  );
}
