// npm run bench:dashboard — for an athlete with one month vs two years of history (median of 30 each, one
// run): the server time of each dashboard page as a browser gets it (GET with a session cookie to `next start`
// over the production build in .next, timed to the last byte), the time of each page's data function alone,
// their ratios, and the first-load JS of each route from the same build. Two ranges each: the page's default
// (a visit without parameters) and the same explicit 28-day range for both athletes, so the output is the
// same size and only the history behind it differs. Prints figures; asserts nothing.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { resolveRange } from "@/components/dashboard/range";
import type { Db } from "@/db/client";
import { addDays } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { clearDailySeriesCache } from "@/lib/dal/series/load";
import { deleteSeriesStates } from "@/lib/dal/series/state";
import { getBody } from "@/lib/dal/body/body";
import { getOverview, getPageSeries } from "@/lib/dal/overview/overview";
import { getSessionDetail } from "@/lib/dal/sessions/detail";
import { getSleepNight } from "@/lib/dal/sleep/night";
import { getWeeklyZones } from "@/lib/dal/sessions/weekly-zones";
import { listSessions } from "@/lib/dal/sessions/list";
import { createTestDb, insertAthlete, seedHistory, storePhysiology, storeRecharge, storeSession } from "@/tests/integration/dal/fixtures";
import { hasProductionBuild, signInBySession, startPageServer, timePage, type PageServer } from "./support/page-server";
import { median } from "./support/stats";

const RUNS = 30;
const LAST_DATE = "2026-03-31";
/** The athletes' clock (+01:00) reads midday on LAST_DATE. */
const NOW = Date.UTC(2026, 2, 31, 11, 0, 0);

type PageFn = (db: Db, viewer: Viewer, sessionId: number) => unknown;

/** What each page reads on a visit without parameters (its default range ending on the athlete's today). */
const PAGES: Record<string, PageFn> = {
  overview: (db, viewer) => getOverview(db, viewer, "me", { now: NOW }),
  training: (db, viewer) => {
    const list = listSessions(db, viewer, "me", {}, { now: NOW });
    return getWeeklyZones(db, viewer, "me", { from: list.from, to: list.to });
  },
  session: (db, viewer, sessionId) => getSessionDetail(db, viewer, "me", sessionId),
  load: (db, viewer) => getPageSeries(db, viewer, "me", (today) => resolveRange({}, today), { now: NOW, scope: "training" }),
  sleep: (db, viewer) => {
    getSleepNight(db, viewer, "me", null, { now: NOW });
    return getPageSeries(db, viewer, "me", (today) => resolveRange({}, today, "4w"), { now: NOW, scope: "sleep" });
  },
  recovery: (db, viewer) => getPageSeries(db, viewer, "me", (today) => resolveRange({}, today), { now: NOW, scope: "recovery" }),
  body: (db, viewer) => getBody(db, viewer, "me", { now: NOW }),
};

/** The last 28 days, inside both histories. */
const SAME_RANGE = { from: addDays(LAST_DATE, -27), to: LAST_DATE };

/**
 * The same pages asked for SAME_RANGE explicitly (a `?range=custom&from=…&to=…` visit). Overview (always the
 * last 7 days), session and body (no range) read the same as by default.
 */
const SAME_RANGE_PAGES: Record<string, PageFn> = {
  overview: PAGES.overview,
  training: (db, viewer) => {
    listSessions(db, viewer, "me", SAME_RANGE, { now: NOW });
    return getWeeklyZones(db, viewer, "me", SAME_RANGE);
  },
  session: PAGES.session,
  load: (db, viewer) => getPageSeries(db, viewer, "me", () => SAME_RANGE, { now: NOW, scope: "training" }),
  sleep: (db, viewer) => {
    getSleepNight(db, viewer, "me", SAME_RANGE.to, { now: NOW });
    return getPageSeries(db, viewer, "me", () => SAME_RANGE, { now: NOW, scope: "sleep" });
  },
  recovery: (db, viewer) => getPageSeries(db, viewer, "me", () => SAME_RANGE, { now: NOW, scope: "recovery" }),
  body: PAGES.body,
};

function measure(fn: () => unknown): number {
  // Two warm-up calls: statement preparation and JIT are not what the figure is about.
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Sums gzipped sizes of the JS a route loads first: the root main files plus every segment's entry chunks. */
function measureFirstLoadJs(): { route: string; kb: number }[] | null {
  const root = path.join(process.cwd(), ".next");
  const buildManifest = path.join(root, "build-manifest.json");
  if (!fs.existsSync(buildManifest)) return null;
  const rootMain = (JSON.parse(fs.readFileSync(buildManifest, "utf8")) as { rootMainFiles?: string[] }).rootMainFiles ?? [];
  const routes = [
    "/dashboard",
    "/dashboard/training",
    "/dashboard/training/[sessionId]",
    "/dashboard/load",
    "/dashboard/sleep",
    "/dashboard/recovery",
    "/dashboard/body",
    "/dashboard/activity",
    "/dashboard/heart-rate",
    "/dashboard/sync",
    "/athletes/[athleteId]",
    "/athletes/[athleteId]/training",
    "/athletes/[athleteId]/training/[sessionId]",
    "/athletes/[athleteId]/load",
    "/athletes/[athleteId]/sleep",
    "/athletes/[athleteId]/recovery",
    "/athletes/[athleteId]/body",
    "/teams",
    "/teams/[teamId]",
    "/reports/[athlete]/[week]",
  ];
  const results: { route: string; kb: number }[] = [];
  const store = globalThis as unknown as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> };
  for (const route of routes) {
    const file = path.join(root, "server", "app", route, "page_client-reference-manifest.js");
    if (!fs.existsSync(file)) continue;
    store.__RSC_MANIFEST = {};
    // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; evaluate it in this process.
    new Function(fs.readFileSync(file, "utf8"))();
    const manifest = store.__RSC_MANIFEST[`${route}/page`];
    const files = new Set(rootMain);
    for (const chunks of Object.values(manifest?.entryJSFiles ?? {})) for (const chunk of chunks) files.add(chunk);
    let bytes = 0;
    for (const chunk of files) {
      const chunkPath = path.join(root, chunk.replace(/^\/?_next\//, ""));
      if (fs.existsSync(chunkPath)) bytes += gzipSync(fs.readFileSync(chunkPath)).length;
    }
    results.push({ route, kb: bytes / 1024 });
  }
  return results;
}

type Seeded = { viewer: Viewer; sessions: number; latestSessionId: number };

function seedAthlete(db: Db, id: string, polarUserId: number, days: number, lastDate = LAST_DATE, now = NOW): Seeded {
  insertAthlete(db, id, polarUserId);
  storePhysiology(db, id, 190, 50, `${addDays(lastDate, -(days - 1))}T06:00:00.000`);
  const { sessions } = seedHistory(db, id, { lastDate, days, seed: polarUserId });
  const viewer: Viewer = { userId: id, polarUserId, name: null };
  return { viewer, sessions, latestSessionId: listSessions(db, viewer, "me", { sort: "date-desc" }, { now }).sessions[0].id };
}

// ── whole pages over HTTP ──

type HttpPages = (sessionId: number) => Record<string, string>;

const HTTP_DEFAULT: HttpPages = (sessionId) => ({
  overview: "/dashboard",
  training: "/dashboard/training",
  session: `/dashboard/training/${sessionId}`,
  load: "/dashboard/load",
  sleep: "/dashboard/sleep",
  recovery: "/dashboard/recovery",
  body: "/dashboard/body",
});

function httpSameRange(from: string, to: string): HttpPages {
  const custom = `range=custom&from=${from}&to=${to}`;
  return (sessionId) => ({
    overview: "/dashboard",
    training: `/dashboard/training?from=${from}&to=${to}`,
    session: `/dashboard/training/${sessionId}`,
    load: `/dashboard/load?${custom}`,
    sleep: `/dashboard/sleep?${custom}`,
    recovery: `/dashboard/recovery?${custom}`,
    body: "/dashboard/body",
  });
}

async function measurePage(server: PageServer, pathname: string, cookie: string): Promise<{ ms: number; kb: number }> {
  // Three untimed requests: the route's first load, JIT and the athlete's series cache.
  for (let i = 0; i < 3; i += 1) await timePage(server, pathname, cookie);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const timed = await timePage(server, pathname, cookie);
    times.push(timed.ms);
    bytes = timed.bytes;
  }
  return { ms: median(times), kb: bytes / 1024 };
}

type HttpAthlete = Seeded & { cookie: string };

/**
 * 1 month vs 2 years is the comparison; 1 year vs 2 years adds one where both histories fill every
 * range a page shows by default, so the output is the same and any difference is the history's.
 */
async function printHttpTable(server: PageServer, pages: HttpPages, month: HttpAthlete, year: HttpAthlete, years: HttpAthlete): Promise<void> {
  console.log("page        1 month    1 year   2 years  2y÷1m  2y÷1y   | HTML+RSC kB: 1 month  1 year  2 years");
  for (const name of Object.keys(pages(0))) {
    const [short, mid, long] = [
      await measurePage(server, pages(month.latestSessionId)[name], month.cookie),
      await measurePage(server, pages(year.latestSessionId)[name], year.cookie),
      await measurePage(server, pages(years.latestSessionId)[name], years.cookie),
    ];
    console.log(
      `${name.padEnd(10)} ${short.ms.toFixed(1).padStart(8)} ${mid.ms.toFixed(1).padStart(9)} ${long.ms.toFixed(1).padStart(9)} ` +
        `${(long.ms / short.ms).toFixed(2).padStart(6)} ${(long.ms / mid.ms).toFixed(2).padStart(6)}   | ` +
        `${short.kb.toFixed(0).padStart(20)} ${mid.kb.toFixed(0).padStart(7)} ${long.kb.toFixed(0).padStart(8)}`,
    );
  }
}

/**
 * The pages as a browser gets them. The server reads the real clock, so this database's histories end on the
 * athletes' real today (+01:00).
 */
async function benchPagesOverHttp(): Promise<void> {
  if (!hasProductionBuild()) {
    console.log("\nwhole pages over HTTP: no production build in .next (run `npm run build` first)");
    return;
  }
  const now = Date.now();
  const today = new Date(now + 60 * 60_000).toISOString().slice(0, 10);
  const test = createTestDb();
  let server: PageServer | null = null;
  try {
    const month = seedAthlete(test.db, "http-month", 11, 30, today, now);
    const year = seedAthlete(test.db, "http-year", 13, 365, today, now);
    const years = seedAthlete(test.db, "http-years", 12, 730, today, now);
    const monthAthlete = { ...month, cookie: signInBySession(test.db, month.viewer.userId) };
    const yearAthlete = { ...year, cookie: signInBySession(test.db, year.viewer.userId) };
    const yearsAthlete = { ...years, cookie: signInBySession(test.db, years.viewer.userId) };
    server = await startPageServer(test.db.$client.name);
    console.log(`\nwhole pages over HTTP (next start, production build), median of ${RUNS} after 3 untimed (ms, to the last byte)`);
    console.log("\n[default range]");
    await printHttpTable(server, HTTP_DEFAULT, monthAthlete, yearAthlete, yearsAthlete);
    const from = addDays(today, -27);
    console.log(`\n[same range] ${from} … ${today} for every athlete`);
    await printHttpTable(server, httpSameRange(from, today), monthAthlete, yearAthlete, yearsAthlete);
  } finally {
    await server?.close();
    test.close();
  }
}

/** Median time of `fn` with `before` run (untimed) ahead of every call. */
function measureAfter(before: () => void, fn: () => unknown): number {
  before();
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    before();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

let syncRound = 0;

/**
 * An incremental sync as the dashboard sees it: new values for the last three days (a night's Nightly
 * Recharge re-read with other numbers, a session of today with another load), through the sync's writers. The
 * data-version triggers record the changed days; the memory cache no longer matches.
 */
function syncLastDays(db: Db, athleteId: string): void {
  syncRound += 1;
  for (let back = 0; back < 3; back += 1) storeRecharge(db, athleteId, addDays(LAST_DATE, -back), 48 + ((syncRound + back) % 7), 55 + (syncRound % 11));
  storeSession(db, athleteId, { id: 900_000 + (syncRound % 3), start: `${LAST_DATE}T18:00:00`, cardioLoad: 30 + (syncRound % 40) });
}

function printTable(db: Db, pages: Record<string, PageFn>, month: Seeded, years: Seeded): void {
  const cell = (a: number, b: number) => `${a.toFixed(2).padStart(7)} ${b.toFixed(2).padStart(7)} ${(b / a).toFixed(2).padStart(6)}`;
  console.log(
    "            warm: 1 month 2 years  ratio | after a sync: 1 month 2 years  ratio | …, no memory: 1 month 2 years  ratio | no state: 1 month 2 years  ratio",
  );
  for (const [name, fn] of Object.entries(pages)) {
    const run = (athlete: Seeded) => () => fn(db, athlete.viewer, athlete.latestSessionId);
    const warm = [measure(run(month)), measure(run(years))] as const;
    const synced = [
      measureAfter(() => syncLastDays(db, month.viewer.userId), run(month)),
      measureAfter(() => syncLastDays(db, years.viewer.userId), run(years)),
    ] as const;
    // The same sync seen by a process with no memory of the athlete (a restart): resumes from the stored state.
    const restarted = [
      measureAfter(() => {
        syncLastDays(db, month.viewer.userId);
        clearDailySeriesCache();
      }, run(month)),
      measureAfter(() => {
        syncLastDays(db, years.viewer.userId);
        clearDailySeriesCache();
      }, run(years)),
    ] as const;
    const fromScratch = () => {
      clearDailySeriesCache();
      deleteSeriesStates(db);
    };
    const full = [measureAfter(fromScratch, run(month)), measureAfter(fromScratch, run(years))] as const;
    console.log(`${name.padEnd(10)} ${cell(...warm).padStart(30)} | ${cell(...synced).padStart(36)} | ${cell(...restarted).padStart(36)} | ${cell(...full).padStart(32)}`);
  }
}

async function main(): Promise<void> {
  await benchPagesOverHttp();
  const test = createTestDb();
  try {
    const seedStart = performance.now();
    const month = seedAthlete(test.db, "bench-month", 1, 30);
    const years = seedAthlete(test.db, "bench-years", 2, 730);
    console.log(`seeded through the sync writers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s: 30 days (${month.sessions} sessions) and 730 days (${years.sessions} sessions)`);
    console.log(`\nserver time of each page's data function alone (no rendering), median of ${RUNS} (ms)`);
    console.log("warm = the athlete's series already computed since their last sync; after a sync = the first view after");
    console.log("a sync that changed the last three days, in the running server (the target: 2 years ÷ 1 month ≤ 1.5); …, no");
    console.log("memory = the same in a process that has not seen the athlete yet (a restart: resumes from the stored state,");
    console.log("computes the days shown); no state = the first view with neither memory nor stored state (every day since day 1)");
    console.log("\n[default range] each page as visited without parameters (ranges end on today; the 1-month athlete's");
    console.log("default range may reach back before their history, so the 2-year athlete can get more output)");
    printTable(test.db, PAGES, month, years);
    console.log(`\n[same range] both athletes ask for ${SAME_RANGE.from} … ${SAME_RANGE.to}: equal output, only the history differs`);
    printTable(test.db, SAME_RANGE_PAGES, month, years);
    const js = measureFirstLoadJs();
    if (js === null) {
      console.log("\nfirst-load JS: no production build in .next (run `npm run build` first)");
    } else if (js.length === 0) {
      console.log("\nfirst-load JS: the build in .next has no dashboard routes yet (rebuild)");
    } else {
      console.log("\nfirst-load JS per route (gzipped, from .next)");
      for (const row of js) console.log(`${row.route.padEnd(34)} ${row.kb.toFixed(1).padStart(7)} kB`);
    }
  } finally {
    test.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
