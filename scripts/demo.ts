/**
 * npm run demo — the dashboard with simulated Polar athletes, no Polar account or internet needed.
 *
 * 1. starts the AccessLink simulator on 127.0.0.1:POLAR_SIM_PORT (default 4100);
 * 2. prepares data/demo.db by signing every simulated athlete in and running the real sync across simulated
 *    months (the simulator keeps its state in memory, so the database is prepared afresh on every start); one
 *    athlete imports Polar's archive of her earlier years when she connects, with the real importer;
 * 3. builds the app when the build is missing or older than the sources, and serves it on http://localhost:3000.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { nextStartArgs } from "./support/next-start";

const ROOT = process.cwd();
const DATA_DIR = path.join(ROOT, "data");
const DB_PATH = path.join(DATA_DIR, "demo.db");
const SECRETS_PATH = path.join(DATA_DIR, "demo-secrets.json");
const APP_PORT = Number(process.env.PORT ?? 3000);
const SIM_PORT = Number(process.env.POLAR_SIM_PORT ?? 4100);
const APP_URL = `http://localhost:${APP_PORT}`;
const CLIENT_ID = "threshold-demo";
const CLIENT_SECRET = "threshold-demo-secret";
const HISTORY_DAYS = 126;
const STEP_DAYS = 3;
const DAY_MS = 86_400_000;

type DemoSecrets = { authSecret: string; tokenKey: string };

function loadSecrets(): DemoSecrets {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (fs.existsSync(SECRETS_PATH)) {
    return JSON.parse(fs.readFileSync(SECRETS_PATH, "utf8")) as DemoSecrets;
  }
  // Random per installation: even demo secrets are never committed.
  const secrets = { authSecret: randomBytes(32).toString("base64"), tokenKey: randomBytes(32).toString("hex") };
  fs.writeFileSync(SECRETS_PATH, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isBuildStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "db", "public"].map((dir) => newestMtime(path.join(ROOT, dir)));
  return Math.max(...sources, fs.statSync(path.join(ROOT, "package.json")).mtimeMs) > built;
}

function removeDatabase(): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DB_PATH}${suffix}`, { force: true });
}

async function main(): Promise<void> {
  const secrets = loadSecrets();
  const simUrl = `http://127.0.0.1:${SIM_PORT}`;
  const appEnv: Record<string, string> = {
    DATABASE_PATH: DB_PATH,
    AUTH_SECRET: secrets.authSecret,
    TOKEN_ENCRYPTION_KEY: secrets.tokenKey,
    APP_URL,
    AUTH_URL: APP_URL,
    AUTH_TRUST_HOST: "true",
    POLAR_CLIENT_ID: CLIENT_ID,
    POLAR_CLIENT_SECRET: CLIENT_SECRET,
    POLAR_AUTH_URL: `${simUrl}/oauth2/authorization`,
    POLAR_TOKEN_URL: `${simUrl}/v2/oauth2/token`,
    POLAR_API_URL: simUrl,
  };
  Object.assign(process.env, appEnv);

  // Imported after the environment is set: these modules read it.
  const { startSimulator } = await import("@/lib/polar-sim");
  const { openDatabase } = await import("@/db/client");
  const { prepareDemoData } = await import("./demo/prepare");
  const { setupDemoCoach } = await import("./demo/coach");
  const { DEMO_IMPORT_COVER_DAYS, DEMO_IMPORT_LOGIN } = await import("./demo/import");

  const now = Date.now();
  const fromMs = Math.floor((now - HISTORY_DAYS * DAY_MS) / DAY_MS) * DAY_MS;
  const startDate = new Date(fromMs).toISOString().slice(0, 10);

  console.log(`Starting the AccessLink simulator on ${simUrl} (history from ${startDate})…`);
  const sim = await startSimulator({
    port: SIM_PORT,
    host: "127.0.0.1",
    seed: 42,
    startDate,
    days: HISTORY_DAYS + 7, // the newcomer's few days fall in the last fortnight of the span
    clockStart: fromMs,
    clockMode: "frozen",
    importAthlete: true,
    clients: [
      { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [`${APP_URL}/api/auth/callback/polar`] },
    ],
  });

  // Filled in once the app starts; the shutdown handler is registered before that.
  const children: { app?: ReturnType<typeof spawn> } = {};
  const shutdown = async (code: number) => {
    children.app?.kill("SIGTERM");
    await sim.close().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  // Real habits (issue 13): Jordan's watch stays unsynced on a 10-day trip, then uploads everything at once;
  // Maria connects three weeks before today and her earlier months are backfilled from what Polar keeps;
  // Elena connects ten days before today and imports the archive of her earlier years before her first sync.
  const jordan = sim.dataset.athletes.find((athlete) => athlete.profile.login === "jordan");
  const tripFrom = new Date(fromMs + 60 * DAY_MS).toISOString().slice(0, 10);
  const tripTo = new Date(fromMs + 69 * DAY_MS).toISOString().slice(0, 10);
  sim.admin.setSwitches({
    servePreRegistrationDays: true,
    deviceHabits: jordan ? { [String(jordan.profile.userId)]: { gaps: [{ from: tripFrom, to: tripTo }] } } : {},
  });
  const connectAt = { maria: Math.floor((now - 21 * DAY_MS) / DAY_MS) * DAY_MS, [DEMO_IMPORT_LOGIN]: Math.floor((now - 10 * DAY_MS) / DAY_MS) * DAY_MS };

  removeDatabase();
  const db = openDatabase(DB_PATH);
  const logins = sim.dataset.athletes.map((athlete) => athlete.profile.login);
  console.log(`Preparing ${DB_PATH}: signing in ${logins.length} simulated athletes and syncing ${HISTORY_DAYS} days…`);
  const started = Date.now();
  const athletes = await prepareDemoData({
    db,
    sim,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: `${APP_URL}/api/auth/callback/polar`,
    tokenKey: secrets.tokenKey,
    logins,
    fromMs,
    toMs: now,
    stepMs: STEP_DAYS * DAY_MS,
    connectAt,
    importOnConnect: { [DEMO_IMPORT_LOGIN]: { coverDays: DEMO_IMPORT_COVER_DAYS } },
    log: (line) => console.log(line),
  });
  const coach = setupDemoCoach(db, athletes);
  db.$client.close();
  console.log(`Demo database ready in ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  // From here on the simulator's clock follows real time, so new uploads and syncs behave as in production.
  sim.clock.set(Date.now());
  sim.setClockMode("running");

  if (isBuildStale()) {
    console.log("Building the app (next build)…");
    const build = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
      stdio: "inherit",
      env: { ...process.env, ...appEnv, NODE_ENV: "production" },
    });
    if (build.status !== 0) {
      console.error("next build failed; see the output above.");
      await shutdown(1);
    }
  }

  const app = spawn(process.execPath, nextStartArgs(ROOT, APP_PORT), {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...appEnv, NODE_ENV: "production" },
  });
  children.app = app;
  app.on("exit", (code) => void shutdown(code ?? 0));

  console.log("");
  console.log(`  Threshold demo:      ${APP_URL}   (use localhost, not 127.0.0.1)`);
  console.log(`  Polar simulator:     ${simUrl}`);
  console.log("  Sign in with Polar and pick one of these simulated accounts:");
  for (const athlete of sim.dataset.athletes) {
    const state = athletes.find((prepared) => prepared.login === athlete.profile.login)?.state ?? "";
    console.log(`    ${athlete.profile.firstName} ${athlete.profile.lastName} — ${athlete.profile.story} (${state})`);
  }
  if (coach) console.log(`  Coach demo: sign in as ${coach.coachName} to see the team "${coach.teamName}".`);
  console.log("  Press Ctrl+C to stop.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
