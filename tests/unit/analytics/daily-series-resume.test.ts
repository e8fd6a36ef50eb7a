/**
 * A resumed daily series (lib/dal/series persists the recursive state per day) equals the series computed
 * from day 1, for every day from `computeWarmUpDays` after the resume point on: random histories and random
 * resume points, seeded.
 */
import { describe, expect, it } from "vitest";
import {
  addDays,
  computeDailySeriesWithState,
  computeWarmUpDays,
  type DailySeriesInput,
  type NightInput,
  type SessionLoadInput,
} from "@/lib/analytics";
import { createRandom } from "./helpers";

const START = "2025-01-01";

function randomInput(random: () => number, days: number): DailySeriesInput {
  const sessions: SessionLoadInput[] = [];
  const nights: NightInput[] = [];
  for (let i = 0; i < days; i += 1) {
    const date = addDays(START, i);
    if (random() < 0.7) sessions.push({ date, polarCardioLoad: random() < 0.5 ? 20 + random() * 100 : null, trimp: random() < 0.8 ? 10 + random() * 150 : null });
    if (random() < 0.8) {
      nights.push({
        date,
        // Occasional spikes drive the RHR and HRV streaks.
        nightlyRechargeHeartRateAvg: random() < 0.9 ? 46 + random() * (random() < 0.2 ? 25 : 6) : null,
        rmssdMs: random() < 0.9 ? 20 + random() * 70 : null,
        sleep: random() < 0.7 ? { lightSleepSeconds: 14_000, deepSleepSeconds: 5_000 + random() * 3_000, remSleepSeconds: 5_000, unrecognizedSleepSeconds: 0, totalInterruptionSeconds: 1_200, spanSeconds: 28_800 } : null,
      });
    }
  }
  return { historyStart: START, range: { from: START, to: addDays(START, days - 1) }, sessions, nights };
}

describe("resuming the daily series from stored state", () => {
  it("gives the full computation's points and states after the warm-up", () => {
    const random = createRandom(2024);
    const warmUp = computeWarmUpDays();
    for (let c = 0; c < 25; c += 1) {
      const days = 120 + Math.floor(random() * 200);
      const input = randomInput(random, days);
      const full = computeDailySeriesWithState(input);
      // Resume somewhere after day 1, with the states of some known days, and output from the warm-up on.
      const resumeIndex = 1 + Math.floor(random() * (days - warmUp - 2));
      const knownCount = warmUp + Math.floor(random() * (days - resumeIndex - warmUp));
      const from = addDays(START, resumeIndex + warmUp);
      // Raw inputs from a random day up to the first shown one: the known states stand in for the days before.
      const inputsFrom = addDays(START, resumeIndex + Math.floor(random() * (Math.min(knownCount, warmUp) + 1)));
      const resumed = computeDailySeriesWithState({
        ...input,
        sessions: input.sessions.filter((session) => session.date >= inputsFrom),
        nights: input.nights?.filter((night) => night.date >= inputsFrom),
        range: { from, to: input.range?.to ?? START },
        resume: {
          computeFrom: addDays(START, resumeIndex),
          seed: full.states[resumeIndex - 1],
          known: full.states.slice(resumeIndex, resumeIndex + knownCount),
          inputsFrom,
        },
      });
      expect(resumed.points).toEqual(full.points.filter((point) => point.date >= from));
      expect(resumed.states.slice(knownCount)).toEqual(full.states.slice(resumeIndex + knownCount));
    }
  });

  it("needs the warm-up: a shorter one gets a window wrong", () => {
    const input = randomInput(createRandom(7), 200);
    const full = computeDailySeriesWithState(input);
    const resumeIndex = 100;
    const from = addDays(START, resumeIndex + 5);
    const resumed = computeDailySeriesWithState({
      ...input,
      range: { from, to: addDays(START, 199) },
      resume: { computeFrom: addDays(START, resumeIndex), seed: full.states[resumeIndex - 1], known: [] },
    });
    expect(resumed.points).not.toEqual(full.points.filter((point) => point.date >= from));
  });
});
