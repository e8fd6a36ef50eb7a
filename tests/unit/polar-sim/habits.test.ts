import { describe, expect, it } from "vitest";
import { createSimClock } from "@/lib/polar-sim/clock";
import { applyNightEdit, deliverAt, listDeliveredUploads } from "@/lib/polar-sim/habits";
import { createSimState, type SimContext } from "@/lib/polar-sim/state";
import { athleteByLogin, createDefaultDataset, dateOf } from "./generator/fixtures";

/** Issue 13 §6: when records reach Polar under an athlete's habits, deterministically, defaults unchanged. */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function createContext(): SimContext {
  const dataset = createDefaultDataset();
  return { url: "http://127.0.0.1:4100", clock: createSimClock(Date.parse("2026-03-01T00:00:00Z"), "frozen"), state: createSimState(42, [], dataset) };
}

describe("device habits", () => {
  const ctx = createContext();
  const aino = athleteByLogin(ctx.state.dataset, "aino");
  const from = Date.parse(`${dateOf(20)}T00:00:00Z`);
  const to = Date.parse(`${dateOf(40)}T00:00:00Z`);

  it("change nothing when none is set", () => {
    expect(listDeliveredUploads(ctx, aino, from, to)).toEqual(aino.uploadsBetween(from, to));
  });

  it("hold a trip's uploads back to 20:00 local on the day after it, and move nothing earlier", () => {
    const habit = { gaps: [{ from: dateOf(30), to: dateOf(33) }] };
    const arrival = Date.parse(`${dateOf(34)}T20:00:00Z`) - 180 * 60_000; // Aino lives at UTC+3
    for (const upload of aino.uploadsBetween(from, to)) {
      const at = deliverAt(habit, upload, 180);
      const localDay = new Date(upload.uploadedAt + 180 * 60_000).toISOString().slice(0, 10);
      expect(at).toBe(localDay >= dateOf(30) && localDay <= dateOf(33) ? Math.max(arrival, upload.uploadedAt) : upload.uploadedAt);
    }
  });

  it("deliver a weekly syncer's uploads on sync evenings only, at most a week late", () => {
    for (const upload of aino.uploadsBetween(from, to)) {
      const at = deliverAt({ syncEveryDays: 7 }, upload, 180);
      expect(at).toBeGreaterThanOrEqual(upload.uploadedAt);
      expect(at - upload.uploadedAt).toBeLessThan(8 * DAY);
      expect(new Date(at + 180 * 60_000).toISOString().slice(11, 16)).toBe("20:00");
      expect(Math.round((at + 180 * 60_000 - 20 * HOUR) / DAY) % 7).toBe(0);
    }
  });

  it("upload a late session three weeks after it would have been", () => {
    const session = aino.uploadsBetween(from, to).find((upload) => upload.kind === "exercise");
    if (!session || session.kind !== "exercise") throw new Error("no session");
    expect(deliverAt({ lateSessions: [{ date: session.date, delayDays: 21 }] }, session, 180)).toBe(session.uploadedAt + 21 * DAY);
    ctx.state.switches.deviceHabits = { [String(aino.profile.userId)]: { lateSessions: [{ date: session.date, delayDays: 21 }] } };
    expect(listDeliveredUploads(ctx, aino, from, to).some((upload) => upload.kind === "exercise" && upload.id === session.id)).toBe(false);
    const late = listDeliveredUploads(ctx, aino, session.uploadedAt + 21 * DAY, session.uploadedAt + 21 * DAY + 1);
    expect(late.filter((upload) => upload.kind === "exercise").map((upload) => upload.uploadedAt)).toEqual([session.uploadedAt + 21 * DAY]);
    ctx.state.switches.deviceHabits = {};
  });

  it("serve a night edited from its edit time on", () => {
    const date = dateOf(50);
    const night = aino.sleep(date);
    const first = aino.uploadsBetween(Date.parse(`${date}T00:00:00Z`) - DAY, Date.parse(`${date}T00:00:00Z`) + DAY).find((u) => u.kind === "sleep" && u.date === date);
    if (!night || !first) throw new Error("no night");
    ctx.state.switches.deviceHabits = { [String(aino.profile.userId)]: { editedNights: [{ date, afterHours: 10 }] } };
    ctx.clock.set(first.uploadedAt + 9 * HOUR);
    expect(applyNightEdit(ctx, aino, date, night)).toEqual(night);
    ctx.clock.set(first.uploadedAt + 10 * HOUR);
    expect(applyNightEdit(ctx, aino, date, night)).toEqual({ ...night, sleep_score: Number(night.sleep_score) - 6 });
    ctx.state.switches.deviceHabits = {};
  });
});
