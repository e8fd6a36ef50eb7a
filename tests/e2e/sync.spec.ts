import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { E2E_APP_URL, E2E_SIM_URL } from "./support/constants";

// Mikko (lib/polar-sim/generator/roster.ts) is used by no other spec, so his runs are this file's alone.
const MIKKO = { name: "Mikko Laine", polarUserId: 51730442 };

async function simAdmin(method: "POST" | "DELETE", path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${E2E_SIM_URL}/__admin${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator admin ${method} ${path}: ${response.status}`);
}

test.afterEach(async () => {
  await simAdmin("DELETE", "/faults");
});

test("Sync shows live progress, survives a reload and brings the new sessions in without reloading", async ({ page }) => {
  // Mikko signs in here, not in auth.setup.ts: report.spec deleted his account, so this is his first sign-in
  // (the registration at the simulator's current date is part of what this test starts from).
  await signInAs(page, MIKKO.name, "/dashboard/sync");
  // Two new sessions and a night uploaded at Polar; every AccessLink answer slowed so the run lasts a while.
  await simAdmin("POST", `/athletes/${MIKKO.polarUserId}/upload`, { exercises: 2, sleep: true });
  await simAdmin("POST", "/faults", { latencyMs: 600 });

  const button = page.getByTestId("sync-button");
  await button.click();
  await expect(button).toHaveAttribute("data-state", "running");
  const progress = page.getByTestId("sync-progress");
  await expect(progress).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Sync progress" })).toBeVisible();
  const runId = await button.getAttribute("data-run-id");
  expect(runId).toMatch(/^[0-9a-f-]{36}$/);

  // Clicking again joins the same run.
  // From the app's own origin (the route refuses any other, and a request without Origin: issue 18 §2).
  const joined = (await (await page.request.post("/api/sync", { headers: { origin: E2E_APP_URL } })).json()) as { runId: string; joined: boolean };
  expect(joined).toEqual({ runId, joined: true });

  // The bar advances: items get done while the run is still going.
  await expect.poll(async () => Number(await progress.getAttribute("data-items-done"))).toBeGreaterThan(0);
  await expect(page.getByTestId("sync-step")).toContainText(/^(Body|Training|Daily activity|Sleep|Nightly Recharge|Continuous heart rate|Cardio load|Starting)/);

  // A reload mid-run reattaches to the same run and keeps showing its progress.
  await page.reload();
  await expect(page.getByTestId("sync-button")).toHaveAttribute("data-run-id", runId ?? "");
  await expect(page.getByTestId("sync-button")).toHaveAttribute("data-state", "running");
  await expect(page.getByTestId("sync-progress")).toBeVisible();

  // The end: a summary of what arrived, and the history below refreshed without a reload.
  // A marker on the window survives only if the page is not reloaded (router.refresh replaces history state,
  // which Playwright also reports as a navigation, so a document marker is the reliable witness).
  await page.evaluate(() => Reflect.set(window, "__syncNoReload", true));
  const summary = page.getByTestId("sync-summary");
  await expect(summary).toBeVisible({ timeout: 45_000 });
  await expect(summary).toContainText("2 new sessions");
  const newest = page.getByTestId("sync-history-run").first();
  await expect(newest).toHaveAttribute("data-run-id", runId ?? "");
  await expect(newest).not.toHaveAttribute("data-status", "running");
  await expect(newest.locator('[data-resource="exercise"]')).toContainText("2 new");
  expect(await page.evaluate(() => Reflect.get(window, "__syncNoReload") === true)).toBe(true);
});
