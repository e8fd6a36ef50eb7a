// npm run bench:load — the production server (`next start` over the build in .next, on 127.0.0.1 only) under
// load: 2,000 GETs at 20 concurrent to the dashboard page, then 2,000 to the daily API, for an athlete with a
// year of history, each after 200 untimed GETs at the same concurrency (JIT warm-up). Prints throughput,
// p50/p95/p99 and errors of each, the server's peak RSS (the process tree of `next start`, sampled every
// 50 ms, warm-up included), its CPU time per request, the machine's load average, and the p95 ÷ p50 of
// requests served under the same conditions (see medianWindowSpread). Then the webhook body cap as the server
// feels it: RSS before, during and after 8 concurrent 100 MB posts (4 with Content-Length, 4 chunked). Bounded
// in count and in time (each phase stops at its deadline). Prints figures; asserts nothing. Run `npm run build`
// first.
import fs from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { addDays } from "@/lib/analytics";
import { createTestDb, insertAthlete, seedHistory, storePhysiology } from "@/tests/integration/dal/fixtures";
import { hasProductionBuild, signInBySession, startPageServer, type PageServer } from "./support/page-server";
import { median, percentile } from "./support/stats";

const REQUESTS = 2_000;
const CONCURRENCY = 20;
const PHASE_DEADLINE_MS = 180_000;
const WEBHOOK_POSTS = 8;
const WEBHOOK_BODY_BYTES = 100 * 1024 * 1024;
const CHUNK = new Uint8Array(64 * 1024).fill(0x20);

// ── the server's memory ──

/** Resident memory (bytes) of a process and all its descendants, from /proc (Linux). */
function readTreeRss(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the command, which is in parentheses and may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      total += match ? Number(match[1]) * 1024 : 0;
    } catch {
      // Gone.
    }
  }
  return total;
}

/** Samples the server's RSS while `work` runs; returns the work's result and the peak. */
async function withPeakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = readTreeRss(pid);
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, readTreeRss(pid));
  }, 50);
  try {
    const result = await work();
    peakRss = Math.max(peakRss, readTreeRss(pid));
    return { result, peakRss };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// ── GET load ──

/** CPU time (ms, user + system) the process has used so far, from /proc (Linux; clock ticks of 10 ms). */
function readCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** The 1-minute load average of the machine (other processes compete with the server for the CPUs). */
const readLoadAverage = () => Number(fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

/** Times in completion order; `cpuMs` is the server's CPU time over the phase. */
type LoadResult = { times: number[]; errors: string[]; elapsedMs: number; done: number; cpuMs: number; loadAverage: [number, number] };

async function runLoad(server: PageServer, pathname: string, cookie: string, requests = REQUESTS): Promise<LoadResult> {
  const times: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const loadBefore = readLoadAverage();
  const cpuBefore = readCpuMs(server.pid);
  const started = performance.now();
  const deadline = started + PHASE_DEADLINE_MS;
  async function worker(): Promise<void> {
    while (next < requests && performance.now() < deadline) {
      next += 1;
      const t0 = performance.now();
      try {
        const response = await fetch(`${server.url}${pathname}`, { headers: { cookie }, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status !== 200) errors.push(`HTTP ${response.status}`);
        else times.push(performance.now() - t0);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsedMs = performance.now() - started;
  return { times, errors, elapsedMs, done: next, cpuMs: readCpuMs(server.pid) - cpuBefore, loadAverage: [loadBefore, readLoadAverage()] };
}

/**
 * The median over consecutive windows of WINDOW completions of each window's p95 ÷ p50: the spread of
 * requests served under the same conditions. On a shared machine the whole run's p95 also mixes in the
 * periods when other processes took the CPUs (every request of such a period is slow, one after another),
 * which this figure leaves out; both are printed.
 */
const WINDOW = 100;
function medianWindowSpread(times: readonly number[]): number {
  const spreads: number[] = [];
  for (let start = 0; start + WINDOW <= times.length; start += WINDOW) {
    const window = times.slice(start, start + WINDOW);
    spreads.push(percentile(window, 95) / percentile(window, 50));
  }
  return spreads.length > 0 ? median(spreads) : Number.NaN;
}

function printLoad(label: string, result: LoadResult, peakRss: number): { p50: number; p95: number } {
  const p50 = percentile(result.times, 50);
  const p95 = percentile(result.times, 95);
  const p99 = percentile(result.times, 99);
  const rate = (result.done / result.elapsedMs) * 1000;
  console.log(
    `${label.padEnd(10)} ${String(result.done).padStart(5)} req  ${rate.toFixed(1).padStart(6)} req/s  ` +
      `p50 ${p50.toFixed(0).padStart(4)}  p95 ${p95.toFixed(0).padStart(4)}  p99 ${p99.toFixed(0).padStart(4)} ms  ` +
      `(median ${median(result.times).toFixed(0)})  errors ${result.errors.length}  peak RSS ${mb(peakRss)}`,
  );
  console.log(
    `           server CPU ${(result.cpuMs / result.done).toFixed(1)} ms per request, busy ${((result.cpuMs / result.elapsedMs) * 100).toFixed(0)} % of the phase; ` +
      `machine load average ${result.loadAverage[0].toFixed(1)} → ${result.loadAverage[1].toFixed(1)} (2 CPUs); ` +
      `p95 ÷ p50 within each ${WINDOW} requests (median) ${medianWindowSpread(result.times).toFixed(2)}`,
  );
  if (result.errors.length > 0) console.log(`           first errors: ${[...new Set(result.errors)].slice(0, 3).join("; ")}`);
  if (result.done < REQUESTS) console.log(`           stopped at the ${PHASE_DEADLINE_MS / 1000} s deadline`);
  return { p50, p95 };
}

// ── webhook posts ──

/**
 * One 100 MB POST written chunk by chunk (respecting backpressure); stops writing as soon as the server has
 * answered or closed the connection. Resolves with the status, or the reason the connection ended.
 */
function postHugeWebhook(server: PageServer, declareLength: boolean): Promise<string> {
  return new Promise((resolve) => {
    const url = new URL(`${server.url}/api/webhooks/polar`);
    let settled = false;
    const settle = (outcome: string) => {
      if (settled) return;
      settled = true;
      request.destroy();
      resolve(outcome);
    };
    const headers: Record<string, string> = { "content-type": "application/json", "polar-webhook-event": "PING" };
    if (declareLength) headers["content-length"] = String(WEBHOOK_BODY_BYTES);
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers });
    request.on("response", (response) => {
      response.resume();
      settle(`${response.statusCode}`);
    });
    request.on("error", (error) => settle(`closed (${error.message})`));
    setTimeout(() => settle("timeout"), 60_000).unref();
    let sent = 0;
    const write = () => {
      while (!settled && sent < WEBHOOK_BODY_BYTES) {
        sent += CHUNK.byteLength;
        if (!request.write(CHUNK)) return void request.once("drain", write);
      }
      if (!settled) request.end();
    };
    write();
  });
}

async function benchWebhookCap(server: PageServer): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const before = readTreeRss(server.pid);
  const { result, peakRss } = await withPeakRss(server.pid, () =>
    Promise.all(Array.from({ length: WEBHOOK_POSTS }, (_, i) => postHugeWebhook(server, i % 2 === 0))),
  );
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const after = readTreeRss(server.pid);
  const outcomes = new Map<string, number>();
  for (const outcome of result) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  console.log(`\nwebhook body cap: ${WEBHOOK_POSTS} concurrent ${mb(WEBHOOK_BODY_BYTES)} PING posts (half with Content-Length, half chunked)`);
  console.log(`  answers: ${[...outcomes].map(([outcome, count]) => `${count}× ${outcome}`).join(", ")}`);
  console.log(`  server RSS before ${mb(before)}, peak ${mb(peakRss)} (+${mb(peakRss - before)}), after ${mb(after)} (+${mb(after - before)}); target growth < 50 MB`);
}

// ── main ──

/** Untimed requests before each phase, at the phase's concurrency: the server's JIT warms up under load too. */
const WARM_UP_REQUESTS = 200;

async function runLoadWarmup(server: PageServer, pathname: string, cookie: string): Promise<void> {
  const response = await fetch(`${server.url}${pathname}`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`warm-up GET ${pathname} answered ${response.status}`);
  const warmUp = await runLoad(server, pathname, cookie, WARM_UP_REQUESTS);
  if (warmUp.errors.length > 0) throw new Error(`warm-up GET ${pathname}: ${warmUp.errors[0]}`);
}

async function main(): Promise<void> {
  if (!hasProductionBuild()) {
    console.log("no production build in .next: run `npm run build` first");
    process.exitCode = 1;
    return;
  }
  const now = Date.now();
  // The athlete's clock is +01:00 (the fixtures' offset); the history ends on their today.
  const today = new Date(now + 60 * 60_000).toISOString().slice(0, 10);
  const test = createTestDb();
  let server: PageServer | null = null;
  try {
    insertAthlete(test.db, "load-athlete", 21);
    storePhysiology(test.db, "load-athlete", 190, 50, `${addDays(today, -364)}T06:00:00.000`);
    seedHistory(test.db, "load-athlete", { lastDate: today, days: 365, seed: 21 });
    const cookie = signInBySession(test.db, "load-athlete");
    server = await startPageServer(test.db.$client.name);
    const dailyPath = `/api/athletes/me/daily?from=${addDays(today, -89)}&to=${today}`;
    console.log(
      `load: ${REQUESTS} GETs at ${CONCURRENCY} concurrent per target after ${WARM_UP_REQUESTS} untimed ones, one athlete with 365 days of history`,
    );
    // Warm-up (untimed): compile paths, fill caches, open statements; then the timed phase.
    // The peak RSS covers the warm-up as well.
    const phase = async (pathname: string) => {
      await runLoadWarmup(server as PageServer, pathname, cookie);
      return runLoad(server as PageServer, pathname, cookie);
    };
    const dashboard = await withPeakRss(server.pid, () => phase("/dashboard"));
    const page = printLoad("dashboard", dashboard.result, dashboard.peakRss);
    const daily = await withPeakRss(server.pid, () => phase(dailyPath));
    printLoad("daily API", daily.result, daily.peakRss);
    console.log(
      `dashboard p95 / p50 = ${(page.p95 / page.p50).toFixed(2)} (target ≤ 1.5); peak RSS ${mb(Math.max(dashboard.peakRss, daily.peakRss))} (target < 400 MB)`,
    );

    await benchWebhookCap(server);
  } finally {
    await server?.close();
    test.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
