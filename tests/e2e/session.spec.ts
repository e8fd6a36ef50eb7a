import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { E2E_APP_URL, E2E_SIM_URL } from "./support/constants";
import { waitForPlots } from "./support/plots";

// Tomás (lib/polar-sim/generator/roster.ts) runs and walks; his year of older history comes from the archive
// (import.spec imports it too: importing again only finds every session present). Hundreds of sessions page.
const TOMAS = { name: "Tomás Ferreira", polarUserId: 60114529 };
const PAGE_SIZE = 50;

async function getArchiveRange(): Promise<{ from: string; to: string }> {
  const { now } = (await (await fetch(`${E2E_SIM_URL}/__admin/clock`)).json()) as { now: string };
  const at = Date.parse(now);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(at - 400 * 86_400_000), to: day(at + 86_400_000) };
}

async function readTotal(page: Page, path: string): Promise<number> {
  await page.goto(path);
  return Number(await page.getByTestId("sessions-count").getAttribute("data-total"));
}

/** Synced sessions (with routes from `/v3/exercises?route=true`), then the archive when the list is short. */
async function prepareHistory(page: Page, listPath: string): Promise<void> {
  await page.goto("/dashboard");
  await page.getByTestId("sync-button").click();
  await expect(page.getByTestId("sync-button")).toHaveAttribute("data-state", /^(succeeded|partial)$/, { timeout: 120_000 });
  if ((await readTotal(page, listPath)) > PAGE_SIZE) return;
  const response = await fetch(`${E2E_SIM_URL}/__admin/athletes/${TOMAS.polarUserId}/export`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ format: "current", coverDays: 380 }),
  });
  expect(response.ok).toBe(true);
  const { path } = (await response.json()) as { path: string };
  await page.goto("/settings");
  await page.getByTestId("import-file").setInputFiles(path);
  await page.getByTestId("import-upload").click();
  await expect(page.getByTestId("import-summary")).toBeVisible({ timeout: 180_000 });
}

test("the training list pages hundreds of sessions; a run shows pace, laps, its route and charts over distance", async ({ page }) => {
  test.setTimeout(360_000);
  await signInAs(page, TOMAS.name);
  const range = await getArchiveRange();
  const listPath = `/dashboard/training?from=${range.from}&to=${range.to}`;
  await prepareHistory(page, listPath);

  // Page 1 of the wide range: 50 rows and "1–50 of N".
  const total = await readTotal(page, listPath);
  expect(total).toBeGreaterThan(PAGE_SIZE);
  const pages = Math.ceil(total / PAGE_SIZE);
  await expect(page.getByTestId("sessions-count")).toHaveText(`1–50 of ${total} sessions · page 1 of ${pages}`);
  await expect(page.getByTestId("session-row")).toHaveCount(PAGE_SIZE);
  const firstOfPage1 = await page.getByTestId("session-row").first().getAttribute("data-session-id");
  await expect(page.getByTestId("pager-prev")).toHaveCount(0);

  // Next: page 2 in the URL, the dates kept, other sessions.
  await page.getByTestId("pager-next").click();
  await expect(page).toHaveURL(new RegExp(`from=${range.from}&to=${range.to}&page=2$`));
  const lastOfPage2 = Math.min(total, 2 * PAGE_SIZE);
  await expect(page.getByTestId("sessions-count")).toHaveText(`51–${lastOfPage2} of ${total} sessions · page 2 of ${pages}`);
  await expect(page.getByTestId("session-row")).toHaveCount(lastOfPage2 - PAGE_SIZE);
  expect(await page.getByTestId("session-row").first().getAttribute("data-session-id")).not.toBe(firstOfPage1);
  await expect(page.locator('form[aria-label="Filter sessions"] input[name="from"]')).toHaveValue(range.from);

  // The last page holds the rest; the sport filter pages within its own count.
  await page.goto(`${listPath}&page=${pages}`);
  await expect(page.getByTestId("session-row")).toHaveCount(total - (pages - 1) * PAGE_SIZE);
  await expect(page.getByTestId("pager-next")).toHaveCount(0);
  const runs = await readTotal(page, `${listPath}&sport=RUNNING`);
  expect(runs).toBeGreaterThan(0);
  expect(runs).toBeLessThan(total);
  await expect(page.getByTestId("sessions-count")).toContainText(`of ${runs} session`);

  // A run: no request leaves the app (no tile server without MAP_TILE_URL).
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(E2E_APP_URL) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  await page.getByTestId("session-row").first().getByRole("link").click();
  await expect(page.getByTestId("session-detail")).toBeVisible();

  // Pace in the summary (m:ss min/km), from distance ÷ duration.
  const pace = page.getByTestId("stat-pace");
  await expect(pace).toContainText(/\d{1,2}:\d\d\s*min\/km/);
  const speedKmh = Number(await pace.getAttribute("data-value"));
  const paceSeconds = Math.round(3600 / speedKmh);
  await expect(pace).toContainText(`${Math.floor(paceSeconds / 60)}:${String(paceSeconds % 60).padStart(2, "0")}`);

  // The laps table: auto-laps of 1 km from the speed samples, pace per lap, HR per lap.
  const laps = page.getByTestId("laps-table");
  await expect(laps).toHaveAttribute("data-kind", /^(auto|manual)$/);
  const lapRows = laps.getByTestId("lap-row");
  expect(await lapRows.count()).toBeGreaterThan(0);
  await expect(laps.getByRole("columnheader", { name: "Pace (min/km)" })).toBeVisible();
  await expect(lapRows.first().getByTestId("lap-pace")).toHaveText(/^\d{1,2}:\d\d$/);
  await expect(lapRows.first().locator("td").nth(5)).toHaveText(/^\d{2,3}$/);

  // The route: a trace with start and finish markers and a scale bar.
  const trace = page.getByTestId("route-trace");
  await expect(trace).toBeVisible();
  expect(Number(await trace.getAttribute("data-points"))).toBeGreaterThan(100);
  await expect(trace.getByTestId("route-start")).toHaveCount(1);
  await expect(trace.getByTestId("route-finish")).toHaveCount(1);
  await expect(trace.getByTestId("route-scale")).toHaveText(/^\d+ (m|km)$/);
  expect(await trace.locator("path").first().getAttribute("d")).toMatch(/^M[\d.]+ [\d.]+ L/);

  // HR and pace over time, then over distance.
  await waitForPlots(page);
  await expect(page.getByTestId("chart-hr-curve")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("chart-pace")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("chart-pace")).toContainText("elapsed (h:mm:ss)");
  await page.getByTestId("axis-toggle").getByRole("button", { name: "Distance" }).click();
  await expect(page.getByTestId("session-axis-charts")).toHaveAttribute("data-axis", "distance");
  await expect(page.getByTestId("axis-toggle").getByRole("button", { name: "Distance" })).toHaveAttribute("aria-pressed", "true");
  await waitForPlots(page);
  await expect(page.getByTestId("chart-pace")).toContainText("distance (km)");
  await expect(page.getByTestId("chart-hr-curve")).toContainText("distance (km)");
  expect(foreign).toEqual([]);
});
