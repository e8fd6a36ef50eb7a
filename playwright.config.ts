import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { E2E_APP_URL } from "./tests/e2e/support/constants";

/**
 * Browser tests drive a system Chromium (nothing is downloaded at install time). The web server is
 * scripts/e2e-server.ts: the AccessLink simulator on :4110 plus `next start` on :3100 over a fresh database
 * (it runs `next build` first when the build is missing or older than the sources).
 */
function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    "No Chromium found for the browser tests. Install one with `apt-get install -y chromium`, " +
      "or set CHROMIUM_PATH to a Chromium/Chrome executable.",
  );
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  // One app, one simulator and one database are shared by every spec: run them one at a time.
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    // localhost, never 127.0.0.1: the OAuth redirect_uri must match exactly (design.md §3).
    baseURL: E2E_APP_URL,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Signs the specs' accounts in once through the OAuth pages and saves their cookies (storageState);
    // signin.spec alone walks the sign-in flows.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { browserName: "chromium" } },
    { name: "chromium", use: { browserName: "chromium" }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${E2E_APP_URL}/signin`,
    // A cold `next build` takes several minutes on two cores.
    timeout: 10 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
