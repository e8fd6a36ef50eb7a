import { describe, expect, it } from "vitest";
import {
  describeCounts,
  describeProgressStep,
  estimateRemainingMs,
  formatRemaining,
  listFinishedResources,
  progressFraction,
  summarizeArrivals,
} from "@/components/sync/format";
import { formatDuration } from "@/components/charts/format";
import { describeHealth } from "@/components/sync/health-badge";
import { formatAgo } from "@/components/sync/time";

const zero = { new: 0, updated: 0, unchanged: 0, quarantined: 0 };

describe("progress words", () => {
  it("says which resource and how far: 'Sleep: 12 of 28 nights'", () => {
    expect(
      describeProgressStep({
        step: "Reading sleep",
        itemsDone: 40,
        itemsTotal: 56,
        counts: { exercise: { ...zero, new: 3 }, sleep: { ...zero, new: 2, unchanged: 10 } },
      }),
    ).toBe("Sleep: 12 of 28 nights");
    expect(describeProgressStep({ step: "Reading training sessions", itemsDone: 1, itemsTotal: 3, counts: { exercise: { ...zero, new: 1 } } })).toBe(
      "Training: 1 of 3 sessions",
    );
    expect(describeProgressStep({ step: "Reading cardio load", itemsDone: 5, itemsTotal: 5, counts: { "cardio-load": zero } })).toBe(
      "Cardio load: checking for new data",
    );
    expect(describeProgressStep({ step: "Starting", itemsDone: 0, itemsTotal: 0, counts: {} })).toBe("Starting");
  });

  it("lists each finished type once, and never the one being read, so no type is 'checking' and 'nothing new' at once", () => {
    const progress = {
      step: "Reading sleep",
      itemsDone: 4,
      itemsTotal: 9,
      counts: { "physical-info": zero, exercise: { ...zero, new: 2 }, sleep: zero },
    };
    expect(describeProgressStep(progress)).toBe("Sleep: 0 of 5 nights");
    expect(listFinishedResources(progress)).toEqual([
      { resource: "physical-info", text: "Body: nothing new" },
      { resource: "exercise", text: "Training: 2 new" },
    ]);
    expect(listFinishedResources({ ...progress, step: "Starting", counts: {} })).toEqual([]);
  });

  it("fills the bar from the run's totals", () => {
    expect(progressFraction({ itemsDone: 0, itemsTotal: 0 })).toBeNull();
    expect(progressFraction({ itemsDone: 3, itemsTotal: 12 })).toBe(0.25);
  });

  it("estimates time left from the pace seen in the browser", () => {
    expect(estimateRemainingMs({ at: 1000, itemsDone: 2 }, { at: 1000, itemsDone: 2, itemsTotal: 10 })).toBeNull();
    expect(estimateRemainingMs({ at: 1000, itemsDone: 2 }, { at: 5000, itemsDone: 6, itemsTotal: 16 })).toBe(10_000);
    expect(formatRemaining(10_000)).toBe("about 10 s left");
    expect(formatRemaining(3_000)).toBe("almost done");
    expect(formatRemaining(240_000)).toBe("about 4 min left");
    expect(formatRemaining(null)).toBeNull();
  });
});

describe("result words", () => {
  it("summarizes what arrived: '3 new sessions, 2 nights, 1 item could not be read'", () => {
    expect(
      summarizeArrivals({
        exercise: { ...zero, new: 3, unchanged: 4 },
        sleep: { ...zero, new: 1, updated: 1 },
        activity: { ...zero, quarantined: 1 },
        "cardio-load": { ...zero, unchanged: 28 },
      }),
    ).toEqual({ text: "3 new sessions, 2 nights, 1 item could not be read", unreadable: 1 });
    expect(summarizeArrivals({ sleep: { ...zero, unchanged: 28 } })).toEqual({ text: "Nothing new since the last sync", unreadable: 0 });
  });

  it("describes counts and durations", () => {
    expect(describeCounts({ new: 2, updated: 1, unchanged: 5, quarantined: 0 })).toBe("2 new, 1 updated");
    expect(describeCounts(zero)).toBe("nothing new");
    // Skips are said with their reason; Polar's placeholder days are not news.
    expect(describeCounts({ ...zero, new: 1, skipped: { "after-today": 3, placeholder: 20 } })).toBe("1 new, 3 skipped: dated after today");
    expect(describeCounts({ ...zero, skipped: { placeholder: 20 } })).toBe("nothing new");
    expect(formatDuration(8_400, { unit: "milliseconds" })).toBe("8 s");
    expect(formatDuration(72_000, { unit: "milliseconds" })).toBe("1 min 12 s");
    expect(formatDuration(null, { unit: "milliseconds" })).toBe("—");
  });

  it("describes health with its fix", () => {
    const now = Date.UTC(2026, 2, 10, 12);
    expect(formatAgo(now - 3 * 24 * 3_600_000, now)).toBe("3 days ago");
    expect(
      describeHealth({ state: "failing", lastSuccessAt: now - 86_400_000, nextAttemptAt: null, failingSince: now - 5 * 3_600_000, lastError: { resource: "exercise", code: "polar_unavailable", message: "Polar did not answer." } }, now),
    ).toBe("Failing since 5 hours ago: Polar did not answer.");
    expect(describeHealth({ state: "rate_limited", lastSuccessAt: null, nextAttemptAt: Date.UTC(2026, 2, 10, 12, 14), failingSince: null, lastError: null }, now)).toBe(
      "Polar's request limit was reached (never synced); next attempt 12:14 UTC.",
    );
  });
});
