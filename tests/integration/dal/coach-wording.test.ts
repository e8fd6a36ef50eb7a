import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RiskCaveats, RiskDetails } from "@/components/dashboard/risk-details";
import { describeSignal } from "@/components/dashboard/daily-rows";
import { FlagTimeline } from "@/components/dashboard/flag-timeline";
import type { RiskReason } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { getSharedDailySeries } from "@/lib/dal/series/read";
import { acceptInvitation, createInvitation, createTeam } from "@/lib/dal/teams";
import { createTestDb, insertAthlete, seedHistory, storePhysiology, type TestDb } from "./fixtures";

const NOW = Date.UTC(2026, 2, 31, 12);
const coach: Viewer = { userId: "coach", polarUserId: 9300, name: "Coach" };
const SIGNALS: RiskReason["signal"][] = ["load-spike", "load-rising", "accumulated-fatigue", "monotony", "resting-hr", "hrv-chronic", "hrv-acute", "sleep-debt"];
const SECOND_PERSON = /\byou(r|rs|rself)?\b/i;
let t: TestDb;

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, "coach", 9300);
  insertAthlete(t.db, "a1", 9301);
  storePhysiology(t.db, "a1", 190, 50);
  seedHistory(t.db, "a1", { lastDate: "2026-03-31", days: 120, seed: 5 });
  const teamId = createTeam(t.db, coach, { name: "Words" }, { now: NOW }).teamId;
  const link = createInvitation(t.db, coach, teamId, { scopes: ["training", "sleep", "recovery"] }, { now: NOW });
  acceptInvitation(t.db, { userId: "a1", polarUserId: 9301, name: null }, link.token, {}, { now: NOW });
}, 60_000);

afterAll(() => t.close());

describe("the coach's pages speak about the athlete", () => {
  it.each(SIGNALS)("the %s signal in words, to the athlete and to the coach", (signal) => {
    expect(describeSignal(signal, "coach")).not.toMatch(SECOND_PERSON);
    expect(describeSignal(signal, "athlete").length).toBeGreaterThan(20);
  });

  it("the flag details and caveats of every flagged day never say 'you' or 'your' to a coach", () => {
    const series = getSharedDailySeries(t.db, coach, "a1", "training", () => ({ from: "2026-01-01", to: "2026-03-31" }), { now: NOW });
    const flagged = series.points.filter((point) => point.risk.reasons.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    for (const point of flagged) {
      const coachText = renderToStaticMarkup(createElement(RiskDetails, { point, reader: "coach" }));
      expect(coachText).not.toMatch(SECOND_PERSON);
      expect(coachText).toContain("Ask the athlete how they feel");
    }
    expect(renderToStaticMarkup(createElement(RiskDetails, { point: flagged[0], reader: "athlete" }))).toContain("How do you feel today?");
    expect(renderToStaticMarkup(createElement(RiskCaveats, { reader: "coach" }))).not.toMatch(SECOND_PERSON);
    // The coach's Recovery page: the flag timeline opens on the latest flagged day with its details.
    const timeline = renderToStaticMarkup(createElement(FlagTimeline, { points: series.points, reader: "coach" }));
    expect(timeline).toContain('data-testid="risk-details"');
    expect(timeline).not.toMatch(SECOND_PERSON);
    expect(renderToStaticMarkup(createElement(RiskCaveats, {}))).toContain("your recent normal");
  });
});
