import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { E2E_SIM_URL } from "./support/constants";
import { waitForPlots } from "./support/plots";

// Aino (lib/polar-sim/generator/roster.ts): a steady runner at UTC+3 with daily activity and 24/7 HR.
const DAY_MS = 86_400_000;

type Row = Record<string, string | number | null>;

async function setSimClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post(`${E2E_SIM_URL}/__admin/clock/set`, { data: { now: new Date(ms).toISOString() } });
  expect(response.ok()).toBe(true);
}

async function syncAndWait(page: Page): Promise<void> {
  await page.goto("/dashboard");
  await page.getByTestId("sync-button").click();
  await expect(page.getByTestId("sync-button")).toHaveAttribute("data-state", /^(succeeded|partial|failed)$/, { timeout: 120_000 });
}

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

test.describe.configure({ mode: "serial" });
// Aino, signed in by auth.setup.ts (registered 40 simulated days back).
test.use({ storageState: storageStateOf("aino") });

test("the activity and heart-rate pages show the synced day, and a day without data says so", async ({ page, request }, testInfo) => {
  test.setTimeout(240_000);
  // Registered 40 days back by the setup; the simulator's clock at now.
  await setSimClock(request, Date.now());
  await syncAndWait(page);

  const exported = await page.request.get("/api/export?format=json");
  expect(exported.status()).toBe(200);
  const data = ((await exported.json()) as { data: Record<string, Row[] | undefined> }).data;
  const activities = data.daily_activity ?? [];
  const heartRates = data.continuous_heart_rate ?? [];
  const lowestByDate = new Map(heartRates.map((row) => [String(row.local_date), row.min_hr]));
  // A full past day with both an activity summary and 24/7 HR (the newest one may still be in progress).
  const days = activities
    .filter((row) => row.active_steps !== null && lowestByDate.get(String(row.local_date)) !== undefined && lowestByDate.get(String(row.local_date)) !== null)
    .map((row) => String(row.local_date))
    .sort();
  expect(days.length).toBeGreaterThan(7);
  const day = days[days.length - 2];
  const stored = activities.find((row) => row.local_date === day);
  const storedLowest = lowestByDate.get(day);

  await page.goto(`/dashboard/activity?day=${day}`);
  await expect(page.getByTestId("day-picker")).toHaveAttribute("data-day", day);
  await expect(page.getByTestId("activity-day")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("activity-steps")).toHaveAttribute("data-value", String(stored?.active_steps));
  // What a person reads: the same count, grouped by thousands.
  const shownSteps = (await page.getByTestId("activity-steps").locator("dd").first().innerText()).replace(/\s/g, "");
  expect(shownSteps).toBe(String(stored?.active_steps));
  await expect(page.getByTestId("activity-calories")).toHaveAttribute("data-value", String(stored?.calories));
  await expect(page.getByTestId("chart-activity-zones")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("chart-hourly-steps")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("chart-steps")).toHaveAttribute("data-state", "loaded");
  await waitForPlots(page);
  await page.screenshot({ path: testInfo.outputPath("activity-day.png"), fullPage: true });

  // The range view marks days without a summary as missing, not zero: pick a range reaching before the history.
  // The first day with any activity or 24/7 HR: everything before it is outside the history.
  const first = [...activities, ...heartRates].map((row) => String(row.local_date)).sort()[0];
  const from = shiftDay(first, -5);
  await page.goto(`/dashboard/activity?day=${day}&range=custom&from=${from}&to=${day}`);
  const inRange = new Set(activities.map((row) => String(row.local_date)).filter((date) => date >= from && date <= day));
  const totalDays = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  await expect(page.getByTestId("chart-steps-wrapper")).toHaveAttribute("data-days", String(totalDays));
  await expect(page.getByTestId("chart-steps-wrapper")).toHaveAttribute("data-missing-days", String(totalDays - inRange.size));
  await expect(page.getByTestId("chart-steps-missing")).toContainText(`${totalDays - inRange.size} of ${totalDays} days without data`);

  // The JSON route agrees with the store.
  const api = await page.request.get(`/api/athletes/me/activity?from=${day}&to=${day}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { days: { steps: number | null; lowestHr: number | null }[] };
  expect(body.days[0]).toMatchObject({ steps: stored?.active_steps, lowestHr: storedLowest });

  await page.goto(`/dashboard/heart-rate?day=${day}`);
  await expect(page.getByTestId("hr-day")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("hr-lowest")).toHaveAttribute("data-value", String(storedLowest));
  await expect(page.getByTestId("hr-lowest").locator("dd")).toHaveText(`${storedLowest}bpm`);
  await expect(page.getByTestId("chart-hr-day")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("chart-hr-range")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByTestId("hr-definitions")).toContainText("Nightly resting HR is what the flags use");
  await waitForPlots(page);
  await page.screenshot({ path: testInfo.outputPath("heart-rate-day.png"), fullPage: true });

  // A day before the history: the designed empty states.
  const empty = shiftDay(first, -3);
  await page.goto(`/dashboard/activity?day=${empty}`);
  await expect(page.getByTestId("activity-day")).toHaveAttribute("data-state", "empty");
  await expect(page.getByTestId("activity-day-empty")).toContainText("No activity data for this day — wear the watch and sync");
  await expect(page.getByTestId("chart-activity-zones")).toHaveAttribute("data-state", "empty");
  await expect(page.getByTestId("chart-activity-zones-empty")).toHaveText("No activity data for this day — wear the watch and sync.");
  await page.goto(`/dashboard/heart-rate?day=${empty}`);
  await expect(page.getByTestId("chart-hr-day")).toHaveAttribute("data-state", "empty");
  await expect(page.getByTestId("hr-day-empty")).toBeVisible();

  // The day picker moves one day at a time through the URL.
  await page.goto(`/dashboard/activity?day=${day}`);
  await page.getByTestId("day-picker-previous").click();
  await expect(page).toHaveURL(new RegExp(`day=${shiftDay(day, -1)}`));
  await expect(page.getByTestId("day-picker")).toHaveAttribute("data-day", shiftDay(day, -1));
});
