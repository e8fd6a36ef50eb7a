import { expect, test, type APIRequestContext } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { createPolarClient } from "@/lib/polar";
import { syncAthlete } from "@/lib/sync";
import { signInSimulatedAthlete } from "@/scripts/demo/prepare";
import { signInAs } from "./support/auth";
import { waitForPlots } from "./support/plots";
import { E2E_APP_URL, E2E_CLIENT_ID, E2E_CLIENT_SECRET, E2E_DATABASE_PATH, E2E_SIM_URL, E2E_TOKEN_KEY } from "./support/constants";

// Mikko (lib/polar-sim/generator/roster.ts): an overreaching block 2026-04-15 … 05-05 with his physiology
// worst on the nights after it. sync.spec.ts signs him in afresh later, so this test deletes his account at the
// end (the product's own delete flow) and puts the simulator's clock and rate limits back as it found them.
const MIKKO = "Mikko Laine";
const DAY_MS = 86_400_000;

async function setSimClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post(`${E2E_SIM_URL}/__admin/clock/set`, { data: { now: new Date(ms).toISOString() } });
  expect(response.ok()).toBe(true);
}

async function simJson<T>(request: APIRequestContext, method: "GET" | "POST", route: string, data?: unknown): Promise<T> {
  const response = method === "GET" ? await request.get(`${E2E_SIM_URL}/__admin/${route}`) : await request.post(`${E2E_SIM_URL}/__admin/${route}`, { data });
  expect(response.ok()).toBe(true);
  return (await response.json()) as T;
}

type RateSwitches = { rateLimitShortBase: number; rateLimitLongBase: number };

/**
 * The simulator meters each client in fixed windows that start at the first request after the previous one
 * ended; a clock moved back to March stays inside the window opened "now" by earlier specs. Preparing months of
 * history there needs the limits lifted, and afterwards fresh windows: one metered request a day past `at`
 * opens them, then the clock goes back to `at`.
 */
async function restartRateWindows(request: APIRequestContext, at: number): Promise<void> {
  await setSimClock(request, at + 25 * 3_600_000);
  const response = await request.post(`${E2E_SIM_URL}/v2/oauth2/token`, {
    headers: { authorization: `Basic ${Buffer.from(`${E2E_CLIENT_ID}:${E2E_CLIENT_SECRET}`).toString("base64")}` },
    form: { grant_type: "authorization_code", code: "window-restart", redirect_uri: `${E2E_APP_URL}/api/auth/callback/polar` },
  });
  expect(response.status()).toBe(400);
  await setSimClock(request, at);
}

test("the weekly report of a week inside Mikko's overreaching block lists the flags with their reasons", async ({ page, request }, testInfo) => {
  test.setTimeout(300_000);
  // History the honest way (as scripts/demo/prepare.ts does): Mikko signs in through the simulator's OAuth on
  // 1 March, then the real sync runs every 4 simulated days to 5 May, writing the database the app serves.
  // The app's own sync reads the server's wall clock, so it cannot walk simulated months; this test drives the
  // same sync code with the simulated instant instead.
  const start = Date.UTC(2026, 2, 1, 9, 0, 0);
  const end = Date.UTC(2026, 4, 5, 9, 0, 0);
  const db = openDatabase(E2E_DATABASE_PATH);
  const polar = createPolarClient({ apiBaseUrl: E2E_SIM_URL, tokenUrl: `${E2E_SIM_URL}/v2/oauth2/token`, clientId: E2E_CLIENT_ID, clientSecret: E2E_CLIENT_SECRET });
  let simNow = start;
  const sim = { url: E2E_SIM_URL, clock: { now: () => simNow, set: (ms: number) => void (simNow = ms) } };
  const clockBefore = Date.parse((await simJson<{ now: string }>(request, "GET", "clock")).now);
  const switchesBefore = await simJson<RateSwitches>(request, "GET", "switches");
  await simJson(request, "POST", "switches", { rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 });
  try {
    try {
      await setSimClock(request, start);
      const mikko = await signInSimulatedAthlete(
        { db, sim, clientId: E2E_CLIENT_ID, clientSecret: E2E_CLIENT_SECRET, redirectUri: `${E2E_APP_URL}/api/auth/callback/polar`, tokenKey: E2E_TOKEN_KEY },
        polar,
        "mikko",
      );
      for (let at = start; ; at = Math.min(at + 4 * DAY_MS, end)) {
        await setSimClock(request, at);
        simNow = at;
        const result = await syncAthlete({ db, polar, tokenKey: E2E_TOKEN_KEY, now: () => at }, mikko.userId, { trigger: "demo", now: at });
        expect(result.status, JSON.stringify(result.errors)).not.toBe("failed");
        if (at >= end) break;
      }
    } finally {
      db.$client.close();
    }
    // A browser sign-in as the same Polar account lands on the prepared user (not in auth.setup.ts: the
    // account this test prepares on simulated dates, and deletes at the end, must not exist before it).
    await signInAs(page, MIKKO);

    const response = await page.goto("/reports/me/2026-W18");
    expect(response?.status()).toBe(200);
    const report = page.getByTestId("weekly-report");
    await expect(report).toHaveAttribute("data-week", "2026-W18");
    await expect(page.getByTestId("report-training")).toHaveAttribute("data-state", "loaded");
    await expect(page.getByTestId("report-recovery")).toHaveAttribute("data-state", "loaded");
    const flags = page.getByTestId("report-flag");
    await expect(flags).toHaveCount(7);
    await expect(flags.first()).toHaveAttribute("data-date", "2026-04-27");
    for (const flag of await flags.all()) {
      await expect(flag).toHaveAttribute("data-level", "high");
      // Reasons are sentences with their numbers (the overview's wording), not reason codes in monospace.
      await expect(flag.locator('[data-signal="resting-hr"]')).toHaveText(/^Resting HR \d+ bpm is \d+\.\d bpm above your normal of \d+\.\d ± \d+\.\d bpm \(\d+ nights\), \d+ nights in a row\.$/);
      await expect(flag.locator('[data-signal="hrv-chronic"]')).toHaveText(/^Your 7-night HRV mean, \d+ ms \(lnRMSSD \d\.\d\d\), is below your normal range, which starts at \d+ ms/);
      await expect(flag.locator('[data-signal="accumulated-fatigue"]')).toHaveText(/^Form \(TSB\) is −\d+\.\d, at or below the −30\.0 level/);
      await expect(flag.locator(".font-mono")).toHaveCount(0);
    }
    // Load this week far above the previous 12 weeks' mean.
    const load = page.getByTestId("report-load");
    const value = Number(await load.getAttribute("data-value"));
    const avg12 = Number(await load.getAttribute("data-avg12"));
    expect(value).toBeGreaterThan(1.5 * avg12);
    await expect(page.getByTestId("chart-report-hours")).toHaveAttribute("data-state", "loaded");
    await waitForPlots(page);
    await page.screenshot({ path: testInfo.outputPath("report-2026-W18.png"), fullPage: true });
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("report-print")).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath("report-2026-W18-print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });

    // The stable link for navigation lands on the latest complete week.
    await page.goto("/reports/me/latest");
    await expect(page).toHaveURL(/\/reports\/me\/\d{4}-W\d{2}$/);
    await expect(page.getByTestId("weekly-report")).toBeVisible();

    // An unknown athlete or a week that does not exist is a 404.
    expect((await page.goto("/reports/not-an-athlete/2026-W18"))?.status()).toBe(404);
    expect((await page.goto("/reports/me/2025-W53"))?.status()).toBe(404);
  } finally {
    // Leave Mikko, the clock and the limits as the other specs expect them.
    await page.goto("/settings");
    if (await page.getByTestId("delete-account-start").isVisible()) {
      await page.getByTestId("delete-account-start").click();
      await page.getByTestId("delete-account-confirm-button").click();
      await page.waitForURL((url) => url.pathname === "/signin");
    }
    await simJson(request, "POST", "switches", { rateLimitShortBase: switchesBefore.rateLimitShortBase, rateLimitLongBase: switchesBefore.rateLimitLongBase });
    await restartRateWindows(request, clockBefore);
  }
});
