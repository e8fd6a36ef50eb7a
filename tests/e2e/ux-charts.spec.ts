import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { E2E_SIM_URL } from "./support/constants";
import { waitForPlots } from "./support/plots";

// Aino (signed in by auth.setup.ts, 40 simulated days of data synced by the activity and dashboard specs): the
// words and layout of the charts and the Sync area (issue 17).
test.use({ storageState: storageStateOf("aino") });

test("HRV reads as rMSSD in ms with lnRMSSD in the details, and formulas sit in a fold", async ({ page }) => {
  await page.goto("/dashboard/recovery?range=4w");
  const hrv = page.getByTestId("chart-hrv");
  await expect(hrv).toHaveAttribute("data-state", "loaded");
  await expect(hrv.getByRole("heading")).toHaveText("HRV (rMSSD)");
  await waitForPlots(page);
  const plot = hrv.getByRole("application");
  await expect(plot).toContainText("rMSSD (ms)");
  await expect(hrv).not.toContainText("ln ms");

  // The tooltip gives the night's value in ms and its lnRMSSD.
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  expect(box).not.toBeNull();
  if (box) await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await expect(hrv.locator(".recharts-tooltip-wrapper")).toContainText(/\d+ ms \(lnRMSSD \d\.\d\d\)/);

  // The formula is folded away under the chart, not in its subtitle; opening the fold shows it.
  const fold = page.getByTestId("chart-hrv-how");
  await expect(fold).not.toHaveAttribute("open", "");
  await expect(page.getByTestId("chart-hrv-description")).not.toHaveText(/\bSD\b|±/);
  await expect(fold.getByText(/60 nights before/)).toBeHidden();
  await fold.getByText("How is this computed?").click();
  await expect(fold).toHaveAttribute("open", "");
  await expect(fold.getByText(/60 nights before/)).toBeVisible();

  // The Load page's subtitles are words; the EWMA gain is in its fold.
  await page.goto("/dashboard/load");
  await expect(page.getByTestId("chart-load-description")).not.toContainText("e^(");
  await expect(page.getByTestId("chart-load-how")).toContainText("1 − e^(−1/τ)");
  await expect(page.getByTestId("chart-monotony-description")).not.toContainText("population SD");
  await expect(page.getByTestId("chart-monotony-how")).toContainText("population SD");

  // The overview shows the 7-night HRV mean in ms, its lnRMSSD in the hint.
  await page.goto("/dashboard");
  const stat = page.getByTestId("stat-hrv");
  await expect(stat).toContainText(/^HRV \(rMSSD\) 7-night mean\d+ms/);
  await expect(stat).toContainText(/lnRMSSD \d\.\d\d/);
});

test("the 24/7 HR legend is in the text colour, with a mark per series and no labels on the curve", async ({ page }) => {
  await page.goto("/dashboard/heart-rate");
  const chart = page.getByTestId("chart-hr-day");
  await expect(chart).toHaveAttribute("data-state", "loaded");
  const legend = page.getByTestId("chart-hr-day-legend");
  await expect(legend.locator("li")).toHaveCount(5);
  await expect(legend).toContainText(/Lowest \d+ bpm/);
  await expect(legend).toContainText(/Average \d+ bpm/);
  for (const theme of ["light", "dark"]) {
    await page.evaluate((value) => {
      window.localStorage.setItem("threshold-theme", value);
    }, theme);
    await page.reload();
    const colors = await page.getByTestId("chart-hr-day-legend").locator("li span").first().evaluate((element) => ({
      text: getComputedStyle(element).color,
      body: getComputedStyle(document.body).color,
    }));
    expect(colors.text, `${theme} theme`).toBe(colors.body);
  }
  await waitForPlots(page);
  // The lowest and average lines are named in the legend, not by labels drawn over the curve.
  await expect(chart.locator(".recharts-reference-line .recharts-label")).toHaveCount(0);
});

test("the Sync area keeps its size while syncing and shows one state per type", async ({ page, request }) => {
  // Every AccessLink answer slowed, so the run lasts long enough to look at.
  const faults = await request.post(`${E2E_SIM_URL}/__admin/faults`, { data: { latencyMs: 400 } });
  expect(faults.ok()).toBe(true);
  try {
    await page.goto("/dashboard");
    const panel = page.getByTestId("sync-panel");
    const idle = await panel.boundingBox();
    const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
    await page.getByTestId("sync-button").click();
    await expect(page.getByTestId("sync-progress")).toBeVisible();
    const seen = new Set<string>();
    while (await page.getByTestId("sync-progress").isVisible()) {
      const running = await panel.boundingBox();
      expect(running?.height).toBe(idle?.height);
      expect((await page.getByRole("heading", { level: 1 }).boundingBox())?.y).toBe(heading?.y);
      const step = ((await page.getByTestId("sync-step").textContent({ timeout: 1_000 }).catch(() => null)) ?? "").split(":")[0];
      const done = await page.getByTestId("sync-counts").locator("li").allTextContents().catch(() => []);
      if (step) {
        seen.add(step);
        expect(done.map((text) => text.replace(/^ · /, "").split(":")[0])).not.toContain(step);
      }
      await page.waitForTimeout(150);
    }
    expect(seen.size).toBeGreaterThan(0);
    await expect(page.getByTestId("sync-summary")).toBeVisible({ timeout: 60_000 });
  } finally {
    await request.delete(`${E2E_SIM_URL}/__admin/faults`);
  }
});
