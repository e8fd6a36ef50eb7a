/** The training list a page at a time (`?page=`), with the filters kept and the count of all matches. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { listSessionPage, parseSessionPage, SESSION_PAGE_SIZE } from "@/lib/dal/sessions/list";
import { toPageHref } from "@/components/session/session-pager";
import { createTestDb, insertAthlete, storeSession, type TestDb } from "./fixtures";

const ATHLETE = "athlete-pages";
const viewer: Viewer = { userId: ATHLETE, polarUserId: 2001, name: null };
const NOW = Date.UTC(2026, 2, 6, 12, 0, 0);
const TOTAL = 2 * SESSION_PAGE_SIZE + 12;
let t: TestDb;

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, ATHLETE, 2001);
  insertAthlete(t.db, "someone-else", 2002);
  // One session a day ending today; every third a ride.
  for (let i = 0; i < TOTAL; i += 1) storeSession(t.db, ATHLETE, { id: 5000 + i, start: `${addDays("2026-03-06", -i)}T07:00:00`, sport: i % 3 === 0 ? "CYCLING" : "RUNNING" });
  storeSession(t.db, "someone-else", { id: 9000, start: "2026-03-06T07:00:00" });
});

afterAll(() => t.close());

describe("training list pages", () => {
  const from = addDays("2026-03-06", -(TOTAL - 1));

  it("pages the sessions in the dates, counting them all", () => {
    const first = listSessionPage(t.db, viewer, "me", { from }, 1, { now: NOW });
    expect(first.total).toBe(TOTAL);
    expect(first.page).toEqual({ number: 1, size: SESSION_PAGE_SIZE, count: 3, first: 1, last: SESSION_PAGE_SIZE });
    expect(first.sessions[0].localDate).toBe("2026-03-06");
    const second = listSessionPage(t.db, viewer, "me", { from }, 2, { now: NOW });
    expect(second.page).toMatchObject({ number: 2, first: SESSION_PAGE_SIZE + 1, last: 2 * SESSION_PAGE_SIZE });
    expect(second.sessions[0].localDate).toBe(addDays("2026-03-06", -SESSION_PAGE_SIZE));
    const last = listSessionPage(t.db, viewer, "me", { from }, 3, { now: NOW });
    expect(last.sessions).toHaveLength(12);
    expect(last.page).toMatchObject({ first: 101, last: TOTAL });
    // No session on two pages, none left out.
    const ids = [first, second, last].flatMap((page) => page.sessions.map((session) => session.id));
    expect(new Set(ids).size).toBe(TOTAL);
  });

  it("keeps the sport filter and sort across pages, and shows the last page for one past the end", () => {
    const rides = listSessionPage(t.db, viewer, "me", { from, sport: "CYCLING", sort: "date-asc" }, 99, { now: NOW });
    expect(rides.total).toBe(Math.ceil(TOTAL / 3));
    expect(rides.page.number).toBe(1);
    expect(rides.sessions.every((session) => session.sport === "CYCLING")).toBe(true);
    expect(rides.sessions[0].localDate < rides.sessions[1].localDate).toBe(true);
    expect(listSessionPage(t.db, viewer, "me", { from }, 7, { now: NOW }).page.number).toBe(3);
  });

  it("says 0 of 0 for no match", () => {
    const none = listSessionPage(t.db, viewer, "me", { sport: "SWIMMING" }, 1, { now: NOW });
    expect(none).toMatchObject({ total: 0, sessions: [], page: { number: 1, count: 1, first: 0, last: 0 } });
  });

  it("reads ?page= leniently", () => {
    expect(parseSessionPage("2")).toBe(2);
    expect(parseSessionPage(undefined)).toBe(1);
    expect(parseSessionPage("0")).toBe(1);
    expect(parseSessionPage("-3")).toBe(1);
    expect(parseSessionPage("2.5")).toBe(1);
    expect(parseSessionPage("999999")).toBe(1);
  });

  it("links a page with the filters kept, page 1 without a page parameter", () => {
    expect(toPageHref("/dashboard/training", { sport: "CYCLING", from: undefined, sort: "" }, 3)).toBe("/dashboard/training?sport=CYCLING&page=3");
    expect(toPageHref("/dashboard/training", { sport: "CYCLING", page: "3" }, 1)).toBe("/dashboard/training?sport=CYCLING");
  });
});
