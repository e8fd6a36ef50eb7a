// npm run bench:sync — measures the sync engine against the simulator (no latency) and prints the figures; no
// thresholds are asserted. Each figure is measured in this one run. The simulator runs in a child process, as
// Polar runs on another machine: its CPU does not share the event loop of the sync being measured (in one
// process it would add the same constant to both sides of the ratio and hide the sync's own cost's shape).
import { spawn } from "node:child_process";
import { readStoredCredentials } from "@/lib/auth/connection";
import { createPolarClient, createRateGovernor, type PolarClient, type PolarUserClient, type TransactionKind } from "@/lib/polar";
import { getLatestOffsetMinutes } from "@/db/queries/athlete-clock";
import { forEachConcurrently, ITEM_CONCURRENCY, syncAthlete, WINDOW_DAYS } from "@/lib/sync";
import { addDays, toLocalDateAt } from "@/lib/analytics/dates";
import { EXERCISE_LIST_OPTIONS } from "@/lib/sync/exercises";
import { DAILY_ACTIVITY_DETAILS } from "@/lib/sync/daily-activity";
import { MAX_TRANSACTION_ITEMS } from "@/lib/sync/transactional";
import { getBackfillProgress } from "@/lib/sync/backfill";
import { CLIENT_ID, CLIENT_SECRET, connectAthlete, createTestDb, DAY_MS, TEST_TOKEN_KEY } from "@/tests/integration/sync/support/harness";
import { startRemoteSimulator, type RemoteSim as Sim } from "./support/remote-sim";
import { median } from "./support/stats";

/** The big athlete: a triathlete with often two sessions a day (many exercises, every sample type). */
const BIG_LOGIN = "maria";

/**
 * A client whose rate-limit waits advance the simulator's clock instead of sleeping: the simulator's windows
 * are on its own clock, which the bench controls.
 */
function createBenchClient(sim: Sim, fetchImpl?: typeof fetch): PolarClient {
  return createPolarClient({
    fetch: fetchImpl,
    apiBaseUrl: sim.url,
    tokenUrl: `${sim.url}/v2/oauth2/token`,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    sleep: async () => undefined,
    governor: createRateGovernor({
      now: () => sim.clock.now(),
      sleep: async (ms) => sim.clock.advance(ms),
    }),
  });
}

/** A fetch that adds up the response bytes it received (bodies are read whole, so only for counting runs). */
function createByteCounter(): { fetch: typeof fetch; bytes: () => number } {
  let bytes = 0;
  return {
    bytes: () => bytes,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      bytes += body.byteLength;
      return new Response(response.status === 204 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
  };
}

/** The bench measures the engine, not waiting: Polar's per-app limits are lifted on the simulator. */
async function liftRateLimits(sim: Sim): Promise<void> {
  await fetch(`${sim.url}/__admin/switches`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 }),
  });
}

async function countRequests(sim: Sim): Promise<number> {
  const log = (await (await fetch(`${sim.url}/__admin/requests`)).json()) as unknown[];
  return log.length;
}

function peakRssMb(): number {
  // maxRSS is in kilobytes on every platform Node supports.
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Fetch + parse of exactly what a sync reads, without the database: the same endpoints in the same order,
 * the same sample types, items fetched with the sync's concurrency. The floor a sync can approach.
 */
async function downloadOnly(user: PolarUserClient, today: string): Promise<number> {
  let fetched = 0;
  const kinds: TransactionKind[] = ["physical-information", "exercise", "activity"];
  const from = addDays(today, -(WINDOW_DAYS - 1));
  for (const kind of kinds) {
    // Sessions come from the list (summaries, then samples inline); the transaction's items are their twins,
    // committed unread. Daily activity likewise: the window's days with their samples (none stored yet), then
    // the transactions, committed unread.
    if (kind === "exercise") {
      await user.listExercises();
      // The sync asks for the routes inline when most listed sessions have none stored (exercise-detail.ts).
      fetched += (await user.listExercises({ ...EXERCISE_LIST_OPTIONS, route: true })).items.length;
    }
    if (kind === "activity") fetched += (await user.listDailyActivities(from, today, DAILY_ACTIVITY_DETAILS)).items.length;
    for (;;) {
      const tx = await user.createTransaction(kind);
      if (!tx) break;
      const urls = await user.listTransaction(kind, tx.resourceUri);
      if (kind === "physical-information") {
        await forEachConcurrently(urls, ITEM_CONCURRENCY, async (url) => {
          await user.getPhysicalInfo(url);
          fetched += 1;
        });
      }
      await user.commitTransaction(tx.resourceUri);
      if (urls.length < MAX_TRANSACTION_ITEMS) break;
    }
  }
  fetched += (await user.listSleep()).items.length;
  fetched += (await user.listNightlyRecharge()).items.length;
  fetched += (await user.getContinuousHeartRateRange(from, today)).items.length;
  fetched += (await user.listCardioLoad(from, today)).items.length;
  return fetched;
}

/** A fresh simulator with the big athlete connected, synced once on connecting, and 30 days of data waiting. */
async function prepareAthlete(label: string) {
  const sim = await startRemoteSimulator();
  await liftRateLimits(sim);
  const test = createTestDb(label);
  const client = createBenchClient(sim);
  const athlete = await connectAthlete(sim.url, client, test.db, BIG_LOGIN, sim.clock.now());
  // The app syncs on connect: that first run also does the history backfill (measured on its own below), so
  // the timed run is the one that fetches 30 days of new data, as every later sync does.
  await syncAthlete({ db: test.db, polar: client, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "cli", now: sim.clock.now() });
  await sim.clock.advance(30 * DAY_MS);
  const close = async () => {
    test.close();
    await sim.close();
  };
  return { sim, test, client, athlete, close };
}

type Prepared = Awaited<ReturnType<typeof prepareAthlete>>;

async function timeFullSync(p: Prepared) {
  const requestsBefore = await countRequests(p.sim);
  const started = performance.now();
  const result = await syncAthlete({ db: p.test.db, polar: p.client, tokenKey: TEST_TOKEN_KEY }, p.athlete.userId, {
    trigger: "cli",
    now: p.sim.clock.now(),
  });
  const ms = performance.now() - started;
  return { ms, result, requests: (await countRequests(p.sim)) - requestsBefore };
}

async function timeDownloadOnly(p: Prepared) {
  const credentials = readStoredCredentials(p.test.db, p.athlete.userId, TEST_TOKEN_KEY);
  if (!credentials) throw new Error("no connection stored");
  const user = p.client.forUser(credentials.polarUserId, credentials.accessToken);
  // The same "today" the sync computes for this athlete, so both passes read the same windows.
  const offsetMinutes = getLatestOffsetMinutes(p.test.db, p.athlete.userId);
  const requestsBefore = await countRequests(p.sim);
  const started = performance.now();
  await downloadOnly(user, toLocalDateAt(p.sim.clock.now(), offsetMinutes));
  const ms = performance.now() - started;
  return { ms, requests: (await countRequests(p.sim)) - requestsBefore };
}

const REPETITIONS = Number(process.env.BENCH_REPS ?? 7);

async function benchFullSync(): Promise<void> {
  // Untimed: one of each, so neither timed path pays for JIT warm-up or first statement preparation.
  for (const run of [timeFullSync, timeDownloadOnly]) {
    const p = await prepareAthlete("bench-warmup");
    await run(p);
    await p.close();
  }
  // Alternating pairs on fresh simulators and databases; the figures are medians of the pairs.
  const fullTimes: number[] = [];
  const downloadTimes: number[] = [];
  const ratios: number[] = [];
  let last: { full: Awaited<ReturnType<typeof timeFullSync>>; download: Awaited<ReturnType<typeof timeDownloadOnly>>; p: Prepared } | null = null;
  for (let rep = 0; rep < REPETITIONS; rep += 1) {
    const pFull = await prepareAthlete(`bench-${rep}`);
    const full = await timeFullSync(pFull);
    const pDownload = await prepareAthlete(`bench-dl-${rep}`);
    const download = await timeDownloadOnly(pDownload);
    await pDownload.close();
    fullTimes.push(full.ms);
    downloadTimes.push(download.ms);
    ratios.push(full.ms / download.ms);
    if (last) await last.p.close();
    last = { full, download, p: pFull };
  }
  if (!last) throw new Error("no repetitions");
  const { full, download, p } = last;
  const fullMs = median(fullTimes);
  const rowCount = (sql: string) => Number(p.test.db.$client.prepare(sql).pluck().get());
  const records = Object.values(full.result.counts).reduce((sum, c) => sum + c.new + c.updated, 0);
  const rows = [
    "exercise",
    "exercise_sample",
    "exercise_hr_zone",
    "daily_activity",
    "daily_activity_extra",
    "physical_info",
    "sleep",
    "nightly_recharge",
    "continuous_heart_rate",
    "cardio_load",
  ].reduce((sum, table) => sum + rowCount(`SELECT COUNT(*) FROM ${table}`), 0);
  const hrSamples =
    rowCount("SELECT COALESCE(SUM(sample_count), 0) FROM exercise_sample WHERE sample_type = 0") +
    rowCount("SELECT COALESCE(SUM(sample_count), 0) FROM continuous_heart_rate");

  const incrementalBefore = await countRequests(p.sim);
  const counter = createByteCounter();
  await syncAthlete({ db: p.test.db, polar: createBenchClient(p.sim, counter.fetch), tokenKey: TEST_TOKEN_KEY }, p.athlete.userId, {
    trigger: "cli",
    now: p.sim.clock.now(),
  });
  const incrementalRequests = (await countRequests(p.sim)) - incrementalBefore;

  const fmt = (values: number[]) => values.map((v) => (v / 1000).toFixed(2)).join(" ");
  console.log(`full sync (${BIG_LOGIN}, the sync after 30 days without one, no latency, ${REPETITIONS} alternating pairs, medians): status ${full.result.status}`);
  console.log(`  wall time                     ${(fullMs / 1000).toFixed(2)} s   (each: ${fmt(fullTimes)})`);
  console.log(`  requests                      ${full.requests} (download-only pass: ${download.requests})`);
  console.log(`  records / rows written        ${records} / ${rows} (${((rows / fullMs) * 1000).toFixed(0)} rows/s)`);
  console.log(`  HR samples stored             ${hrSamples} (${((hrSamples / fullMs) * 1000).toFixed(0)} samples/s)`);
  console.log(`  download-only pass            ${(median(downloadTimes) / 1000).toFixed(2)} s   (each: ${fmt(downloadTimes)})`);
  console.log(`  full sync / download-only     ${(fullMs / median(downloadTimes)).toFixed(2)} (median of pair ratios ${median(ratios).toFixed(2)}, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
  console.log(`  peak RSS so far               ${peakRssMb().toFixed(0)} MB`);
  console.log(`incremental sync of the up-to-date athlete: ${incrementalRequests} requests, ${(counter.bytes() / 1024).toFixed(0)} kB received (whole 28-day windows re-read)`);
  await p.close();
}

/** One year of history synced in monthly steps, in a child process so its peak RSS is its own. */
async function benchYearChild(): Promise<void> {
  const sim = await startRemoteSimulator({ days: 400 });
  await liftRateLimits(sim);
  const db = createTestDb("bench-year");
  const client = createBenchClient(sim);
  const athlete = await connectAthlete(sim.url, client, db.db, BIG_LOGIN, sim.clock.now());
  const started = performance.now();
  for (let month = 0; month < 12; month += 1) {
    await sim.clock.advance(30 * DAY_MS);
    await syncAthlete({ db: db.db, polar: client, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "schedule", now: sim.clock.now() });
  }
  const exercises = Number(db.db.$client.prepare("SELECT COUNT(*) FROM exercise").pluck().get());
  process.stdout.write(JSON.stringify({ peakRssMb: peakRssMb(), wallS: (performance.now() - started) / 1000, exercises }));
  db.close();
  await sim.close();
}

function runYearChild(): Promise<{ peakRssMb: number; wallS: number; exercises: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/sync.ts", "--year"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`year child exited ${code}`))));
  });
}

/** Every syncable athlete of the roster, 30 days of history each: requests per athlete. */
async function benchBackfill(): Promise<number> {
  const sim = await startRemoteSimulator();
  await liftRateLimits(sim);
  const db = createTestDb("bench-roster");
  const client = createBenchClient(sim);
  const roster = (await (await fetch(`${sim.url}/__admin/athletes`)).json()) as { login: string; revoked: boolean; consents: boolean }[];
  const usable = roster.filter((a) => !a.revoked && a.consents);
  const athletes = [];
  for (const a of usable) athletes.push(await connectAthlete(sim.url, client, db.db, a.login, sim.clock.now()));
  await sim.clock.advance(30 * DAY_MS);
  const before = await countRequests(sim);
  for (const athlete of athletes) {
    await syncAthlete({ db: db.db, polar: client, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "schedule", now: sim.clock.now() });
  }
  const requests = (await countRequests(sim)) - before;
  console.log(`30-day backfill of ${athletes.length} athletes: ${requests} requests, ${(requests / athletes.length).toFixed(0)} per athlete`);
  const log = (await (await fetch(`${sim.url}/__admin/requests?since=${before}`)).json()) as { path: string }[];
  const exerciseRequests = log.filter((entry) => /^\/v3\/exercises|\/exercise-transactions/.test(entry.path)).length;
  console.log(`  of which exercises (list + transactions): ${(exerciseRequests / athletes.length).toFixed(0)} per athlete`);
  db.close();
  await sim.close();
  return Math.ceil(requests / athletes.length);
}

/** Polar's real limits (polar-accesslink.md §8): per 15 minutes and per 24 hours, for a client with n users. */
const POLAR_LIMITS = { shortBase: 500, shortPerUser: 20, shortMinutes: 15, longBase: 5000, longPerUser: 100, longMinutes: 24 * 60 };

/**
 * Simulated time for a roster whose every athlete needs `perAthlete` requests, under the limit model: a
 * window's quota is spent at once (requests take no time next to the windows), then the governor waits for
 * the next window; the daily quota caps the same way.
 */
function computeRosterMinutes(athletes: number, perAthlete: number): number {
  const total = athletes * perAthlete;
  const short = POLAR_LIMITS.shortBase + POLAR_LIMITS.shortPerUser * athletes;
  const long = POLAR_LIMITS.longBase + POLAR_LIMITS.longPerUser * athletes;
  const days = Math.ceil(total / long) - 1;
  const rest = total - days * long;
  return days * POLAR_LIMITS.longMinutes + (Math.ceil(rest / short) - 1) * POLAR_LIMITS.shortMinutes;
}

/**
 * An athlete whose watch was in use `historyDays` before connecting (the simulator serving pre-registration
 * days within its default look-backs): the first sync with its backfill, run to the end.
 */
async function benchHistoryBackfill(historyDays: number): Promise<{ requests: number; ms: number; runs: number }> {
  const sim = await startRemoteSimulator();
  await fetch(`${sim.url}/__admin/switches`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000, servePreRegistrationDays: true }),
  });
  await sim.clock.advance(historyDays * DAY_MS + 3 * 3_600_000);
  const test = createTestDb(`bench-history-${historyDays}`);
  const client = createBenchClient(sim);
  const athlete = await connectAthlete(sim.url, client, test.db, "aino", sim.clock.now());
  await sim.clock.advance(3_600_000);
  const before = await countRequests(sim);
  const started = performance.now();
  let runs = 0;
  for (;;) {
    runs += 1;
    await syncAthlete({ db: test.db, polar: client, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "cli", now: sim.clock.now() });
    if (getBackfillProgress(test.db, athlete.userId)?.done !== false || runs >= 20) break;
  }
  const ms = performance.now() - started;
  const requests = (await countRequests(sim)) - before;
  test.close();
  await sim.close();
  return { requests, ms, runs };
}

/** "15 min simulated (13 350 requests)", or "within the first 15-minute window" when nothing has to wait. */
function describeRosterTime(athletes: number, perAthlete: number): string {
  const minutes = computeRosterMinutes(athletes, perAthlete);
  const total = `${athletes * perAthlete} requests`;
  return minutes === 0 ? `within the first 15-minute window (${total})` : `${minutes} min simulated (${total})`;
}

async function benchHistory(rosterPerAthlete: number): Promise<void> {
  for (const days of [30, 180]) {
    const result = await benchHistoryBackfill(days);
    console.log(
      `first sync of an athlete with ${days} days of history before connecting (backfill included): ${result.requests} requests, ${(result.ms / 1000).toFixed(2)} s, ${result.runs} run(s)`,
    );
    console.log(`  50-athlete roster, same first sync each, under Polar's limits (500 + 20n / 15 min, 5000 + 100n / day): ${describeRosterTime(50, result.requests)}`);
  }
  console.log(`  50-athlete roster, 30 days after connecting (${rosterPerAthlete} requests each): ${describeRosterTime(50, rosterPerAthlete)}`);
}

async function main(): Promise<void> {
  if (process.argv.includes("--year")) {
    await benchYearChild();
    return;
  }
  await benchFullSync();
  const year = await runYearChild();
  console.log(
    `one-year history (${BIG_LOGIN}) in 12 monthly syncs: peak RSS ${year.peakRssMb.toFixed(0)} MB, ${year.wallS.toFixed(1)} s, ${year.exercises} exercises`,
  );
  await benchHistory(await benchBackfill());
}

void main();
