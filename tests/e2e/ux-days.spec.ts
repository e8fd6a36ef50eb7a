import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { signInAs } from "./support/auth";
import { E2E_SIM_URL } from "./support/constants";

// Maria (lib/polar-sim/generator/roster.ts): daily activity and 24/7 HR every day. signin.spec deletes her
// account, so this sign-in registers her afresh. Her watch "last synced" three days ago: the simulator's clock
// stands three days back while the app syncs.
const MARIA = "Maria Costa";
const DAY_MS = 86_400_000;

type Row = Record<string, string | number | null>;

async function setSimClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post(`${E2E_SIM_URL}/__admin/clock/set`, { data: { now: new Date(ms).toISOString() } });
  expect(response.ok()).toBe(true);
}

test("Activity and 24/7 HR open on the latest day with data, and today's empty day says the watch has not synced", async ({ page, request }) => {
  test.setTimeout(240_000);
  const now = Date.now();
  await setSimClock(request, now - 20 * DAY_MS);
  await signInAs(page, MARIA);
  await setSimClock(request, now - 3 * DAY_MS);
  try {
    await page.goto("/dashboard");
    await page.getByTestId("sync-button").click();
    await expect(page.getByTestId("sync-button")).toHaveAttribute("data-state", /^(succeeded|partial)$/, { timeout: 120_000 });
  } finally {
    await setSimClock(request, now);
  }

  // The first sync backfills history in the background after the run the button shows: wait until it is stored.
  let exported: { data: Record<string, Row[] | undefined> } = { data: {} };
  await expect
    .poll(
      async () => {
        exported = (await (await page.request.get("/api/export?format=json")).json()) as { data: Record<string, Row[] | undefined> };
        return Math.min((exported.data.daily_activity ?? []).length, (exported.data.continuous_heart_rate ?? []).length);
      },
      { timeout: 120_000 },
    )
    .toBeGreaterThan(0);
  const latestActivity = (exported.data.daily_activity ?? []).map((row) => String(row.local_date)).sort().at(-1);
  const latestHeartRate = (exported.data.continuous_heart_rate ?? []).map((row) => String(row.local_date)).sort().at(-1);
  expect(latestActivity).toBeDefined();
  expect(latestHeartRate).toBeDefined();

  await page.goto("/dashboard/activity");
  await expect(page.getByTestId("day-picker")).toHaveAttribute("data-day", String(latestActivity));
  await expect(page.getByTestId("activity-day")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("today-no-data")).toContainText(`this shows ${latestActivity}, the latest day with data`);

  // Today, asked for: empty, and the reason is the watch, named with its last day.
  await page.getByTestId("today-no-data-link").click();
  await expect(page.getByTestId("activity-day")).toHaveAttribute("data-state", "empty");
  const reason = page.getByTestId("activity-day").getByTestId("empty-day-reason");
  await expect(reason).toHaveAttribute("data-reason", "device_not_synced");
  await expect(reason).toContainText("Your watch has not synced with Polar since");
  await expect(page.getByTestId("today-no-data")).toHaveCount(0);

  await page.goto("/dashboard/heart-rate");
  await expect(page.getByTestId("day-picker")).toHaveAttribute("data-day", String(latestHeartRate));
  await expect(page.getByTestId("hr-day")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("today-no-data")).toBeVisible();

  // The overview's stale "last night" says why too.
  await page.goto("/dashboard");
  await expect(page.getByTestId("overview-sleep").getByTestId("empty-day-reason")).toHaveAttribute("data-reason", "device_not_synced");
  const overviewReason = await page.getByTestId("overview-sleep").getByTestId("empty-day-reason").innerText();

  // The roster and the coach's page name the same gap: Maria coaches a team she shares with herself.
  await page.goto("/teams");
  await page.getByTestId("team-name").fill(`Gap ${Date.now()}`);
  await page.getByTestId("create-team").click();
  await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
  const teamPath = new URL(page.url()).pathname;
  await page.getByTestId("create-invite").click();
  await page.goto(new URL(await page.getByTestId("invite-url").inputValue()).pathname);
  await page.getByTestId("accept-invite").click();
  await page.waitForURL((url) => url.pathname === "/settings/sharing");
  await page.goto(teamPath);
  const row = page.getByTestId("roster-row");
  const rowReason = row.getByTestId("row-gap-reason");
  await expect(rowReason).toHaveAttribute("data-reason", "device_not_synced");
  await expect(rowReason).toContainText("The athlete's watch has not synced with Polar since");
  // The same night and the same last day of the watch as the overview's.
  const lastDay = /since (\d{4}-\d{2}-\d{2})/.exec(overviewReason)?.[1];
  expect(lastDay).toBeDefined();
  await expect(rowReason).toContainText(`since ${lastDay}`);
  await row.getByTestId("roster-athlete-link").click();
  await page.waitForURL(/\/athletes\/[^/]+$/);
  await expect(page.getByTestId("coach-sleep").getByTestId("empty-day-reason")).toHaveAttribute("data-reason", "device_not_synced");
  await expect(page.getByTestId("coach-sleep").getByTestId("empty-day-reason")).toContainText(`since ${lastDay}`);
  await page.goto("/settings/sharing");
  await page.getByTestId("stop-sharing").first().click();
  await expect(page.getByTestId("share")).toHaveCount(0);
});

test.describe("a switched-off type", () => {
  // Kenji (signed in by auth.setup.ts): settings.spec switches his types too, and turns them back on.
  test.use({ storageState: storageStateOf("kenji") });

  test("24/7 HR switched off: the day view says so and links to the setting", async ({ page }) => {
    await page.goto("/settings");
    await page.getByTestId("sync-setting-continuousHr").uncheck();
    await page.getByTestId("sync-settings-save").click();
    await page.getByTestId("sync-settings-confirm-button").click();
    await expect(page.getByTestId("sync-settings-result")).toHaveAttribute("data-state", "ok");
    try {
      await page.goto("/dashboard/heart-rate");
      await expect(page.getByTestId("hr-day")).toHaveAttribute("data-state", "empty");
      const reason = page.getByTestId("hr-day").getByTestId("empty-day-reason");
      await expect(reason).toHaveAttribute("data-reason", "type_off");
      await expect(reason).toContainText("You switched 24/7 heart rate off, so Threshold does not sync it.");
      await reason.getByRole("link", { name: "Change what is synced" }).click();
      await page.waitForURL((url) => url.pathname === "/settings");
      await expect(page.getByTestId("sync-setting-continuousHr")).not.toBeChecked();
    } finally {
      await page.goto("/settings");
      await page.getByTestId("sync-setting-continuousHr").check();
      await page.getByTestId("sync-settings-save").click();
      await expect(page.getByTestId("sync-settings-result")).toHaveAttribute("data-state", "ok");
    }
  });
});
