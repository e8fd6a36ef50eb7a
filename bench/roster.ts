// npm run bench:roster — server time of the coach's roster (getRoster: authorization, the batched daily-series
// loader for every athlete, sync health) for a team of 10 and of 100 athletes with one year
// of data each, median of 30 runs each in one process, the ratio, and the SQL statements per roster (the same
// for both sizes by design). Data goes in through the sync's own upsert functions. Prints; asserts nothing.
import { performance } from "node:perf_hooks";
import type { Db } from "@/db/client";
import { addDays } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { clearDailySeriesCache } from "@/lib/dal/series/load";
import { deleteSeriesStates } from "@/lib/dal/series/state";
import { getRoster } from "@/lib/dal/roster/roster";
import { acceptInvitation, createInvitation, createTeam } from "@/lib/dal/teams";
import {
  createRandom,
  createTestDb,
  insertAthlete,
  storeNight,
  storePolarCardioLoad,
  storeRecharge,
  storeSession,
} from "@/tests/integration/dal/fixtures";
import { median } from "./support/stats";

const RUNS = 30;
const ATHLETES = 100;
const DAYS = 365;
const LAST_DATE = "2026-03-31";
/** Midday on LAST_DATE on the athletes' clock (+01:00). */
const NOW = Date.UTC(2026, 2, 31, 11, 0, 0);

/** One year per athlete: a session most days (Polar cardio load), a night, Nightly Recharge, cardio-load status. */
function seedYear(db: Db, athleteId: string, seed: number): void {
  const random = createRandom(seed);
  db.$client.transaction(() => {
    for (let i = DAYS - 1; i >= 0; i -= 1) {
      const date = addDays(LAST_DATE, -i);
      if (random() < 0.8) storeSession(db, athleteId, { id: seed * 10_000 + i, start: `${date}T07:00:00`, cardioLoad: 40 + Math.round(random() * 60) });
      storeNight(db, athleteId, date, { score: 60 + Math.floor(random() * 30) });
      storeRecharge(db, athleteId, date, 48 + Math.round(random() * 6), 50 + Math.round(random() * 20));
      storePolarCardioLoad(db, athleteId, date, "PRODUCTIVE", 50 + Math.round(random() * 30));
    }
  })();
}

function countStatements(db: Db, fn: () => void): number {
  const client = db.$client;
  const original = client.prepare.bind(client);
  let count = 0;
  client.prepare = ((source: string) => {
    count += 1;
    return original(source);
  }) as typeof client.prepare;
  try {
    fn();
  } finally {
    client.prepare = original as typeof client.prepare;
  }
  return count;
}

type Mode = "full" | "resumed" | "warm";

/**
 * Median roster time. `full`: no series in memory and no stored state (every athlete's whole year computed,
 * as on the very first view); `resumed`: nothing in memory, the stored state read back (the first view after
 * a restart, or after syncs: from the state of the days before); `warm`: the series in memory are reused
 * after the data-version check (a repeat view with no new data).
 */
function measure(db: Db, coach: Viewer, teamId: string, mode: Mode): number {
  // Warm-up: module and statement caches, as a running server has them.
  getRoster(db, coach, teamId, { now: NOW });
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    if (mode !== "warm") clearDailySeriesCache();
    if (mode === "full") deleteSeriesStates(db);
    const start = performance.now();
    getRoster(db, coach, teamId, { now: NOW });
    times.push(performance.now() - start);
  }
  return median(times);
}

function main(): void {
  const t = createTestDb();
  try {
    const db = t.db;
    const seedStart = performance.now();
    insertAthlete(db, "coach", 1);
    const coach: Viewer = { userId: "coach", polarUserId: 1, name: "Coach" };
    const small = createTeam(db, coach, { name: "Ten" }, { now: NOW }).teamId;
    const large = createTeam(db, coach, { name: "Hundred" }, { now: NOW }).teamId;
    const smallLink = createInvitation(db, coach, small, {}, { now: NOW });
    const largeLink = createInvitation(db, coach, large, {}, { now: NOW });
    for (let i = 0; i < ATHLETES; i += 1) {
      const id = `athlete-${String(i).padStart(3, "0")}`;
      insertAthlete(db, id, 1000 + i);
      seedYear(db, id, i + 1);
      const viewer: Viewer = { userId: id, polarUserId: 1000 + i, name: null };
      if (i < 10) acceptInvitation(db, viewer, smallLink.token, {}, { now: NOW });
      acceptInvitation(db, viewer, largeLink.token, {}, { now: NOW });
    }
    console.log(`seeded ${ATHLETES} athletes × ${DAYS} days in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const tenStatements = countStatements(db, () => getRoster(db, coach, small, { now: NOW }));
    const hundredStatements = countStatements(db, () => getRoster(db, coach, large, { now: NOW }));
    console.log(`SQL statements per roster: ${tenStatements} (10 athletes), ${hundredStatements} (100 athletes)`);
    const labels: Record<Mode, string> = { full: "cold, no stored state ", resumed: "cold, stored state    ", warm: "warm (series in memory)" };
    for (const mode of ["full", "resumed", "warm"] as const) {
      const tenMs = measure(db, coach, small, mode);
      const hundredMs = measure(db, coach, large, mode);
      const label = labels[mode];
      console.log(`${label}: 10 athletes ${tenMs.toFixed(1)} ms, 100 athletes ${hundredMs.toFixed(1)} ms (median of ${RUNS}); ratio 100/10 ${(hundredMs / tenMs).toFixed(2)}`);
    }
  } finally {
    t.close();
  }
}

main();
