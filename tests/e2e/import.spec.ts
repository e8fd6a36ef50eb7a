import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { E2E_SIM_URL } from "./support/constants";
import { waitForPlots } from "./support/plots";

// Tomás (lib/polar-sim/generator/roster.ts) is a newcomer with two weeks at Polar's API and is used by no other
// spec: his year of older history can only come from the archive.
const TOMAS = { name: "Tomás Ferreira", polarUserId: 60114529 };

async function exportArchive(): Promise<string> {
  const response = await fetch(`${E2E_SIM_URL}/__admin/athletes/${TOMAS.polarUserId}/export`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ format: "current", coverDays: 380 }),
  });
  if (!response.ok) throw new Error(`simulator export: ${response.status}`);
  return ((await response.json()) as { path: string }).path;
}

/** The archive's year: 400 days back from the simulator's clock, through the day after it. */
async function getArchiveRange(): Promise<{ from: string; to: string }> {
  const { now } = (await (await fetch(`${E2E_SIM_URL}/__admin/clock`)).json()) as { now: string };
  const at = Date.parse(now);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(at - 400 * 86_400_000), to: day(at + 86_400_000) };
}

async function countLoadBars(page: Page): Promise<number> {
  const { from, to } = await getArchiveRange();
  await page.goto(`/dashboard/load?range=custom&from=${from}&to=${to}`);
  await waitForPlots(page);
  return page.locator('[data-testid="chart-load"] [data-source]:not([data-source="none"])').count();
}

test("Settings imports a Polar archive: progress, summary, the sessions and a year of load history", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, TOMAS.name, "/settings");
  const barsBefore = await countLoadBars(page);
  const sessionsBefore = await (async () => {
    const { from, to } = await getArchiveRange();
    await page.goto(`/dashboard/training?from=${from}&to=${to}`);
    return Number(await page.getByTestId("sessions-count").getAttribute("data-total"));
  })();

  const archive = await exportArchive();
  await page.goto("/settings");
  const panel = page.getByTestId("import-history");
  await expect(panel.getByRole("link", { name: "account.polar.com" })).toHaveAttribute("href", "https://account.polar.com");
  await page.getByTestId("import-file").setInputFiles(archive);
  await page.getByTestId("import-upload").click();

  // Progress per type while it runs, then the summary.
  await expect(panel).toHaveAttribute("data-status", "running");
  await expect(page.getByTestId("import-progress")).toBeVisible();
  await expect.poll(async () => Number(await page.locator('[data-testid="import-progress"] [data-type="sessions"]').getAttribute("data-files-done")), { timeout: 60_000 }).toBeGreaterThan(0);
  // A reload shows the same import, still going or finished.
  await page.reload();
  await expect(page.getByTestId("import-history")).not.toHaveAttribute("data-status", "none");
  await expect(page.getByTestId("import-summary")).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId("import-history")).toHaveAttribute("data-status", "done");
  const imported = Number(await page.getByTestId("import-imported-sessions").textContent());
  expect(imported).toBeGreaterThan(50);

  // The sessions are there, and the load chart reaches back a year.
  const range = await getArchiveRange();
  await page.goto(`/dashboard/training?from=${range.from}&to=${range.to}`);
  await expect.poll(async () => Number(await page.getByTestId("sessions-count").getAttribute("data-total"))).toBeGreaterThan(sessionsBefore + 50);
  expect(await countLoadBars(page)).toBeGreaterThan(barsBefore + 50);

  // The import is in the sync log as an import run.
  await page.goto("/dashboard/sync");
  await expect(page.locator('[data-testid="sync-history-kind"][data-kind="import"]').first()).toBeVisible();
});
