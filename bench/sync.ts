// npm run bench:sync — measures the sync engine against the in-process simulator (no latency) and prints the
// figures; no thresholds are asserted. Each figure is measured in this one run.
import { spawn } from "node:child_process";
import { readStoredCredentials } from "@/lib/auth/connection";
import { createPolarClient, createRateGovernor, type PolarClient, type PolarUserClient, type TransactionKind } from "@/lib/polar";
import { startSimulator } from "@/lib/polar-sim";
import { syncAthlete, WINDOW_DAYS } from "@/lib/sync";
import { addDays, toIsoDate } from "@/lib/sync/transforms";
import { CLIENT_ID, CLIENT_SECRET, connectAthlete, createTestDb, DAY_MS, TEST_TOKEN_KEY } from "@/tests/integration/sync/support/harness";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

/** The big athlete: a triathlete with often two sessions a day (many exercises, every sample type). */
const BIG_LOGIN = "maria";

/**
 * A client whose rate-limit waits advance the simulator's clock instead of sleeping: the simulator's windows
 * are on its own clock, which the bench controls.
 */
function createBenchClient(sim: Sim): PolarClient {
  return createPolarClient({
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

/** Fetch + parse of exactly what a sync reads, without the database: the floor a sync can approach. */
async function downloadOnly(user: PolarUserClient, today: string): Promise<number> {
  let fetched = 0;
  const kinds: TransactionKind[] = ["physical-information", "exercise", "activity"];
  for (const kind of kinds) {
    for (;;) {
      const tx = await user.createTransaction(kind);
      if (!tx) break;
      const urls = await user.listTransaction(kind, tx.resourceUri);
      for (const url of urls) {
        if (kind === "exercise") {
          await user.getExercise(url);
          await user.getExerciseHeartRateZones(url);
          for (const sampleUrl of await user.getExerciseSampleList(url)) {
            if ([0, 1, 2, 3, 4, 11].includes(Number(sampleUrl.slice(sampleUrl.lastIndexOf("/") + 1)))) {
              await user.getExerciseSample(sampleUrl);
            }
          }
        } else if (kind === "activity") {
          await user.getActivity(url);
          await user.getActivityStepSamples(url);
          await user.getActivityZoneSamples(url);
        } else {
          await user.getPhysicalInfo(url);
        }
        fetched += 1;
      }
      await user.commitTransaction(tx.resourceUri);
    }
  }
  const from = addDays(today, -(WINDOW_DAYS - 1));
  fetched += (await user.listSleep()).items.length;
  fetched += (await user.listNightlyRecharge()).items.length;
  fetched += (await user.getContinuousHeartRateRange(from, today)).items.length;
  fetched += (await user.listCardioLoad(from, today)).items.length;
  return fetched;
}

/** One untimed download-only pass over a throwaway simulator, so neither timed pass pays for JIT warm-up. */
async function warmUp(): Promise<void> {
  const sim = await startSimulator({ port: 0 });
  await liftRateLimits(sim);
  const scratch = createTestDb("bench-warmup");
  const client = createBenchClient(sim);
  const athlete = await connectAthlete(sim.url, client, scratch.db, BIG_LOGIN, sim.clock.now());
  sim.clock.advance(30 * DAY_MS);
  const credentials = readStoredCredentials(scratch.db, athlete.userId, TEST_TOKEN_KEY);
  if (!credentials) throw new Error("no connection stored");
  await downloadOnly(client.forUser(credentials.polarUserId, credentials.accessToken), toIsoDate(sim.clock.now()));
  scratch.close();
  await sim.close();
}

async function benchFullSync(): Promise<void> {
  await warmUp();
  // Two identical simulators: one for the full sync, one for the download-only pass over the same data.
  const [simA, simB] = await Promise.all([startSimulator({ port: 0 }), startSimulator({ port: 0 })]);
  await Promise.all([liftRateLimits(simA), liftRateLimits(simB)]);
  const dbA = createTestDb("bench");
  const clientA = createBenchClient(simA);
  const clientB = createBenchClient(simB);
  const athleteA = await connectAthlete(simA.url, clientA, dbA.db, BIG_LOGIN, simA.clock.now());
  const scratch = createTestDb("bench-scratch");
  const athleteB = await connectAthlete(simB.url, clientB, scratch.db, BIG_LOGIN, simB.clock.now());
  simA.clock.advance(30 * DAY_MS);
  simB.clock.advance(30 * DAY_MS);

  const requestsBefore = await countRequests(simA);
  const started = performance.now();
  const result = await syncAthlete({ db: dbA.db, polar: clientA, tokenKey: TEST_TOKEN_KEY }, athleteA.userId, {
    trigger: "cli",
    now: simA.clock.now(),
  });
  const fullMs = performance.now() - started;
  const requests = (await countRequests(simA)) - requestsBefore;
  const rowCount = (sql: string) => Number(dbA.db.$client.prepare(sql).pluck().get());
  const records = Object.values(result.counts).reduce((sum, c) => sum + c.new + c.updated, 0);
  const rows = [
    "exercise",
    "exercise_sample",
    "exercise_hr_zone",
    "daily_activity",
    "physical_info",
    "sleep",
    "nightly_recharge",
    "continuous_heart_rate",
    "cardio_load",
  ].reduce((sum, table) => sum + rowCount(`SELECT COUNT(*) FROM ${table}`), 0);
  const hrSamples =
    rowCount("SELECT COALESCE(SUM(sample_count), 0) FROM exercise_sample WHERE sample_type = 0") +
    rowCount("SELECT COALESCE(SUM(sample_count), 0) FROM continuous_heart_rate");

  const credentials = readStoredCredentials(scratch.db, athleteB.userId, TEST_TOKEN_KEY);
  if (!credentials) throw new Error("no connection stored");
  const userB = clientB.forUser(credentials.polarUserId, credentials.accessToken);
  const offsetMinutes = simB.dataset.athlete(athleteB.polarUserId)?.profile.utcOffsetMinutes ?? 0;
  const downloadStarted = performance.now();
  await downloadOnly(userB, toIsoDate(simB.clock.now() + offsetMinutes * 60_000));
  const downloadMs = performance.now() - downloadStarted;

  const incrementalBefore = await countRequests(simA);
  await syncAthlete({ db: dbA.db, polar: clientA, tokenKey: TEST_TOKEN_KEY }, athleteA.userId, {
    trigger: "cli",
    now: simA.clock.now(),
  });
  const incrementalRequests = (await countRequests(simA)) - incrementalBefore;

  console.log(`full sync (${BIG_LOGIN}, 30 days, no latency): status ${result.status}`);
  console.log(`  wall time                     ${(fullMs / 1000).toFixed(2)} s`);
  console.log(`  requests                      ${requests}`);
  console.log(`  records / rows written         ${records} / ${rows} (${((rows / fullMs) * 1000).toFixed(0)} rows/s)`);
  console.log(`  HR samples stored             ${hrSamples} (${((hrSamples / fullMs) * 1000).toFixed(0)} samples/s)`);
  console.log(`  download-only pass            ${(downloadMs / 1000).toFixed(2)} s`);
  console.log(`  full sync / download-only     ${(fullMs / downloadMs).toFixed(2)}`);
  console.log(`  peak RSS so far               ${peakRssMb().toFixed(0)} MB`);
  console.log(`incremental sync of the up-to-date athlete: ${incrementalRequests} requests`);

  dbA.close();
  scratch.close();
  await Promise.all([simA.close(), simB.close()]);
}

/** One year of history synced in monthly steps, in a child process so its peak RSS is its own. */
async function benchYearChild(): Promise<void> {
  const sim = await startSimulator({ port: 0, days: 400 });
  await liftRateLimits(sim);
  const db = createTestDb("bench-year");
  const client = createBenchClient(sim);
  const athlete = await connectAthlete(sim.url, client, db.db, BIG_LOGIN, sim.clock.now());
  const started = performance.now();
  for (let month = 0; month < 12; month += 1) {
    sim.clock.advance(30 * DAY_MS);
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
async function benchBackfill(): Promise<void> {
  const sim = await startSimulator({ port: 0 });
  await liftRateLimits(sim);
  const db = createTestDb("bench-roster");
  const client = createBenchClient(sim);
  const roster = (await (await fetch(`${sim.url}/__admin/athletes`)).json()) as { login: string; revoked: boolean; consents: boolean }[];
  const usable = roster.filter((a) => !a.revoked && a.consents);
  const athletes = [];
  for (const a of usable) athletes.push(await connectAthlete(sim.url, client, db.db, a.login, sim.clock.now()));
  sim.clock.advance(30 * DAY_MS);
  const before = await countRequests(sim);
  for (const athlete of athletes) {
    await syncAthlete({ db: db.db, polar: client, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "schedule", now: sim.clock.now() });
  }
  const requests = (await countRequests(sim)) - before;
  console.log(`30-day backfill of ${athletes.length} athletes: ${requests} requests, ${(requests / athletes.length).toFixed(0)} per athlete`);
  db.close();
  await sim.close();
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
  await benchBackfill();
}

void main();
