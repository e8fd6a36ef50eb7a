// The browser tests' server: the AccessLink simulator (:4110) and the production Next.js app (:3100) over a
// throw-away database. Runs `next build` first when .next/BUILD_ID is missing or older than any source file.
// Started by playwright.config.ts (webServer); stops both servers on SIGINT/SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startSimulator } from "@/lib/polar-sim";
import { nextStartArgs } from "./support/next-start";
import {
  E2E_APP_PORT,
  E2E_APP_URL,
  E2E_AUTH_SECRET,
  E2E_CLIENT_ID,
  E2E_DATA_DIR,
  E2E_DATABASE_PATH,
  E2E_CLIENT_SECRET,
  E2E_SIM_PORT,
  E2E_TOKEN_KEY,
} from "@/tests/e2e/support/constants";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "lib", "db", "drizzle", "proxy.ts", "next.config.ts", "tailwind.config.ts", "postcss.config.mjs", "package-lock.json"];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function isBuildStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(entry) > builtAt);
}

async function main(): Promise<void> {
  const dataDir = E2E_DATA_DIR;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const sim = await startSimulator({
    port: E2E_SIM_PORT,
    clockMode: "frozen",
    clients: [
      {
        clientId: E2E_CLIENT_ID,
        clientSecret: E2E_CLIENT_SECRET,
        redirectUris: [`${E2E_APP_URL}/api/auth/callback/polar`],
      },
    ],
  });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_PATH: E2E_DATABASE_PATH,
    AUTH_SECRET: E2E_AUTH_SECRET,
    TOKEN_ENCRYPTION_KEY: E2E_TOKEN_KEY,
    // localhost everywhere: Auth.js and the simulator compare redirect_uri exactly (design.md §3).
    APP_URL: E2E_APP_URL,
    AUTH_URL: E2E_APP_URL,
    POLAR_CLIENT_ID: E2E_CLIENT_ID,
    POLAR_CLIENT_SECRET: E2E_CLIENT_SECRET,
    POLAR_AUTH_URL: `${sim.url}/oauth2/authorization`,
    POLAR_TOKEN_URL: `${sim.url}/v2/oauth2/token`,
    POLAR_API_URL: sim.url,
    SCHEDULER_ENABLED: "false",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (process.env.E2E_SKIP_BUILD !== "1" && isBuildStale()) {
    console.log("[e2e] building the app (next build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) {
      await sim.close();
      throw new Error(`next build failed with exit code ${build.status}`);
    }
  }

  console.log(`[e2e] simulator on ${sim.url}, database ${env.DATABASE_PATH}`);
  const app: ChildProcess = spawn(process.execPath, nextStartArgs(root, E2E_APP_PORT), {
    cwd: root,
    env,
    stdio: "inherit",
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  app.on("exit", (code) => void stop(code ?? 1));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
}

main().catch((error: unknown) => {
  console.error("[e2e] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
