import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { E2E_APP_URL, E2E_SIM_URL } from "./support/constants";

// Aino (registered 40 simulated days back by auth.setup.ts) runs most days, so last month has sessions and
// nights; Kenji coaches her here with training and recovery shared, not sleep. Aino stops sharing at the end.
type Row = Record<string, string | number | null>;

async function setSimClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post(`${E2E_SIM_URL}/__admin/clock/set`, { data: { now: new Date(ms).toISOString() } });
  expect(response.ok()).toBe(true);
}

async function readExercises(page: Page): Promise<Row[]> {
  const exported = (await (await page.request.get("/api/export?format=json")).json()) as { data: Record<string, Row[] | undefined> };
  return exported.data.exercise ?? [];
}

/** `2026-12` → `2026-11`. */
function previousMonth(month: string): string {
  const [year, number] = month.split("-").map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, "0")}`;
}

test("the calendar for the athlete and, under the athlete's scopes, for the coach", async ({ browser, request }, testInfo) => {
  test.setTimeout(300_000);
  const athleteContext = await browser.newContext({ storageState: storageStateOf("aino") });
  const coachContext = await browser.newContext({ storageState: storageStateOf("kenji") });
  const athlete = await athleteContext.newPage();
  const coach = await coachContext.newPage();
  try {
    // Aino's sessions, synced once (another spec may already have synced her).
    if ((await readExercises(athlete)).length === 0) {
      await setSimClock(request, Date.now());
      await athlete.goto("/dashboard");
      await athlete.getByTestId("sync-button").click();
      await expect(athlete.getByTestId("sync-button")).toHaveAttribute("data-state", /^(succeeded|partial)$/, { timeout: 180_000 });
    }
    const exercises = await readExercises(athlete);
    expect(exercises.length).toBeGreaterThan(5);

    // The nav reaches the calendar; it opens on the athlete's current month.
    await athlete.goto("/dashboard");
    await athlete.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Calendar" }).click();
    await athlete.waitForURL(`${E2E_APP_URL}/dashboard/calendar`);
    const current = await athlete.getByTestId("calendar").getAttribute("data-month");
    expect(current).toMatch(/^\d{4}-\d{2}$/);

    // Last month, through the month navigation: the month lives in the URL.
    await athlete.getByTestId("calendar-previous").click();
    const month = previousMonth(String(current));
    await athlete.waitForURL(`${E2E_APP_URL}/dashboard/calendar?month=${month}`);
    await expect(athlete.getByTestId("calendar")).toHaveAttribute("data-month", month);

    // The busiest day of that month: its cell says how many sessions, and its load in words, not colour alone.
    const byDay = new Map<string, Row[]>();
    for (const exercise of exercises) {
      const day = String(exercise.local_date);
      if (day.startsWith(`${month}-`)) byDay.set(day, [...(byDay.get(day) ?? []), exercise]);
    }
    const [day, sessions] = [...byDay.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
    const cell = athlete.locator(`[data-testid="calendar-day"][data-date="${day}"]`);
    const cellLink = cell.getByRole("link");
    await expect(cellLink).toHaveAttribute("aria-label", new RegExp(`${sessions.length} sessions?: .*day load \\d+ AU \\((light|moderate|hard|very hard)\\)`));
    await expect(cell).not.toHaveAttribute("data-band", "rest");
    await expect(athlete.getByTestId("calendar-legend")).toContainText("Very hard: 200 AU or more");

    // Click the day: its details, with every session linking to its page.
    await cellLink.click();
    await athlete.waitForURL(`${E2E_APP_URL}/dashboard/calendar?month=${month}&day=${day}#calendar-day`);
    const panel = athlete.getByTestId("calendar-day-panel");
    await expect(panel).toHaveAttribute("data-date", day);
    await expect(panel.getByTestId("calendar-session-link")).toHaveCount(sessions.length);
    await expect(panel.getByTestId("calendar-day-sleep")).not.toContainText("not shared");
    await expect(panel.getByTestId("calendar-day-advice")).not.toContainText("not shared");
    await athlete.screenshot({ path: testInfo.outputPath("athlete-month-day.png"), fullPage: true });
    const firstSession = await panel.getByTestId("calendar-session-link").first().getAttribute("href");
    expect(firstSession).toMatch(/^\/dashboard\/training\/\d+$/);
    await panel.getByTestId("calendar-session-link").first().click();
    await athlete.waitForURL(`${E2E_APP_URL}${firstSession}`);
    await expect(athlete.getByTestId("session-detail")).toBeVisible();

    // A malformed month says so and shows the current one.
    await athlete.goto("/dashboard/calendar?month=2026-13");
    await expect(athlete.getByTestId("calendar-problem")).toContainText('"2026-13" is not a month');
    await expect(athlete.getByTestId("calendar")).toHaveAttribute("data-month", String(current));

    // At phone width the month fits the screen.
    await athlete.setViewportSize({ width: 390, height: 844 });
    await athlete.goto(`/dashboard/calendar?month=${month}&day=${day}`);
    await expect(athlete.getByTestId("calendar-day-panel")).toBeVisible();
    expect(await athlete.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await athlete.screenshot({ path: testInfo.outputPath("athlete-month-390.png"), fullPage: true });

    // The coach: a team, an invitation; Aino shares training and recovery, not sleep.
    await coach.goto("/teams");
    await coach.getByTestId("team-name").fill(`Calendar ${Date.now()}`);
    await coach.getByTestId("create-team").click();
    await coach.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
    const teamPath = new URL(coach.url()).pathname;
    await coach.getByTestId("create-invite").click();
    const invitePath = new URL(await coach.getByTestId("invite-url").inputValue()).pathname;
    await athlete.goto(invitePath);
    await athlete.getByTestId("scope-sleep").uncheck();
    await athlete.getByTestId("scope-body").uncheck();
    await athlete.getByTestId("accept-invite").click();
    await athlete.waitForURL((url) => url.pathname === "/settings/sharing");

    await coach.goto(teamPath);
    await coach.getByTestId("roster-athlete-link").first().click();
    await coach.waitForURL(/\/athletes\/[^/]+$/);
    const athletePath = new URL(coach.url()).pathname;
    await coach.getByRole("navigation", { name: "Athlete" }).getByRole("link", { name: "Calendar" }).click();
    await coach.waitForURL(`${E2E_APP_URL}${athletePath}/calendar`);
    await coach.goto(`${athletePath}/calendar?month=${month}&day=${day}`);
    const coachPanel = coach.getByTestId("calendar-day-panel");
    await expect(coachPanel.getByTestId("calendar-session-link")).toHaveCount(sessions.length);
    await expect(coachPanel.getByTestId("calendar-day-sleep")).toContainText("Sleep not shared");
    // No sleep anywhere in the grid, and the legend does not offer it.
    await expect(coach.getByTestId("calendar-sleep")).toHaveCount(0);
    await expect(coach.getByTestId("calendar-legend")).not.toContainText("hours slept");
    await coach.screenshot({ path: testInfo.outputPath("coach-month-day.png"), fullPage: true });
    const coachSession = await coachPanel.getByTestId("calendar-session-link").first().getAttribute("href");
    expect(coachSession).toBe(`${athletePath}/training/${String(firstSession).split("/").at(-1)}`);
    const opened = await coach.goto(String(coachSession));
    expect(opened?.status()).toBe(200);

    // Training no longer shared: the coach's calendar lists no session, and says so.
    await athlete.goto("/settings/sharing");
    await athlete.getByTestId("scope-training").uncheck();
    await athlete.getByTestId("save-sharing").click();
    await expect(athlete.getByTestId("sharing-saved")).toHaveText("Saved: recovery.");
    await coach.goto(`${athletePath}/calendar?month=${month}&day=${day}`);
    await expect(coach.getByTestId("calendar-day-panel").getByTestId("calendar-day-sessions")).toContainText("Training not shared");
    await expect(coach.getByTestId("calendar-session")).toHaveCount(0);
    await expect(coach.locator('[data-testid="calendar-day"]:not([data-band="rest"])')).toHaveCount(0);
  } finally {
    // Leave Aino sharing with nobody, as the other specs expect.
    await athlete.goto("/settings/sharing");
    if ((await athlete.getByTestId("stop-sharing").count()) > 0) {
      await athlete.getByTestId("stop-sharing").first().click();
      await expect(athlete.getByTestId("share")).toHaveCount(0);
    }
    await athleteContext.close();
    await coachContext.close();
  }
});
