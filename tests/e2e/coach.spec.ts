import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { E2E_APP_URL, E2E_SIM_URL } from "./support/constants";

// Simulated athletes (lib/polar-sim/generator/roster.ts) that no other spec syncs: Priya Raman coaches Jordan
// Brooks. Not Mikko: the report and sync specs need his first registration to happen on their own (simulated)
// dates. Jordan rides most days, so
// a week of his history has sessions to open; a week, not more: every spec's sync shares the simulator's rate
// window (its clock is frozen, so the 15-minute window does not end between specs).
const ATHLETE = "Jordan Brooks";

/** The simulator serves data recorded after registration (the setup registered Jordan a week back). */
async function setSimClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post(`${E2E_SIM_URL}/__admin/clock/set`, { data: { now: new Date(ms).toISOString() } });
  expect(response.ok()).toBe(true);
}

test("a coach invites, the athlete shares training and recovery only, then stops sharing", async ({ browser, request }) => {
  test.setTimeout(180_000);
  // Two people, two browsers: separate cookie jars, each signed in by auth.setup.ts (Jordan registered 7
  // simulated days back).
  const coachContext = await browser.newContext({ storageState: storageStateOf("priya") });
  const athleteContext = await browser.newContext({ storageState: storageStateOf("jordan") });
  const coach = await coachContext.newPage();
  const athlete = await athleteContext.newPage();
  try {
    // The coach reaches their teams from the header, creates a team and an invitation asking for every type.
    await coach.goto("/dashboard");
    await coach.getByTestId("nav-teams").click();
    await coach.waitForURL(`${E2E_APP_URL}/teams`);
    await coach.getByTestId("team-name").fill(`Squad ${Date.now()}`);
    await coach.getByTestId("create-team").click();
    await coach.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
    const teamPath = new URL(coach.url()).pathname;
    await expect(coach.getByTestId("roster-row")).toHaveCount(0);
    await coach.getByTestId("create-invite").click();
    const inviteUrl = await coach.getByTestId("invite-url").inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${E2E_APP_URL}/invite/[A-Za-z0-9_-]{43}$`));
    const invitePath = new URL(inviteUrl).pathname;

    // The athlete opens the link.
    await athlete.goto(invitePath);
    await expect(athlete.getByTestId("invite-requested-scopes")).toContainText("Training");
    await expect(athlete.getByTestId("invite-requested-scopes")).toContainText("Sleep");
    await expect(athlete.getByTestId("invite-requested-scopes")).toContainText("Recovery");
    await athlete.getByTestId("scope-sleep").uncheck();
    await athlete.getByTestId("scope-body").uncheck();
    await athlete.getByTestId("accept-invite").click();
    await athlete.waitForURL((url) => url.pathname === "/settings/sharing");
    await expect(athlete.getByTestId("share")).toHaveCount(1);
    await expect(athlete.getByTestId("scope-training")).toBeChecked();
    await expect(athlete.getByTestId("scope-recovery")).toBeChecked();
    await expect(athlete.getByTestId("scope-sleep")).not.toBeChecked();

    // A week of the athlete's rides arrives with one sync.
    await setSimClock(request, Date.now());
    await athlete.goto("/dashboard");
    await athlete.getByTestId("sync-button").click();
    await expect(athlete.getByTestId("sync-button")).toHaveAttribute("data-state", /^(succeeded|partial)$/, { timeout: 120_000 });

    // The coach sees the athlete, with sleep not shared and training shared.
    await coach.goto(teamPath);
    const row = coach.getByTestId("roster-row");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("roster-athlete-link")).toHaveText(ATHLETE);
    await expect(row.getByTestId("cell-sleep7")).toHaveText("not shared");
    await expect(row.getByTestId("cell-load7")).not.toContainText("not shared");
    await expect(row.getByTestId("cell-rhr")).not.toContainText("not shared");
    await expect(coach.getByTestId("summary-risk-not-shared")).toHaveAttribute("data-count", "0");

    // The athlete's pages: shared ones open read-only, the sleep page is a 404.
    await row.getByTestId("roster-athlete-link").click();
    await coach.waitForURL(/\/athletes\/[^/]+$/);
    const athletePath = new URL(coach.url()).pathname;
    await expect(coach.getByTestId("coach-view-banner")).toContainText(ATHLETE);
    await expect(coach.getByTestId("coach-view-banner")).toContainText("training, recovery");
    await expect(coach.getByTestId("coach-sleep").getByTestId("not-shared")).toBeVisible();
    await expect(coach.getByTestId("athlete-nav-sleep-not-shared")).toBeVisible();
    const load = await coach.goto(`${athletePath}/load`);
    expect(load?.status()).toBe(200);
    await expect(coach.getByTestId("chart-load")).toBeVisible();

    // A shared session opens read-only for the coach, with the zone times the athlete sees for it.
    await coach.goto(`${athletePath}/training`);
    const sessionRow = coach.getByTestId("session-row").first();
    await expect(sessionRow).toBeVisible();
    const sessionId = await sessionRow.getAttribute("data-session-id");
    await sessionRow.getByRole("link").click();
    await coach.waitForURL(`${E2E_APP_URL}${athletePath}/training/${sessionId}`);
    await expect(coach.getByTestId("coach-view-banner")).toContainText(ATHLETE);
    await expect(coach.getByTestId("session-detail")).toHaveAttribute("data-session-id", String(sessionId));
    const zoneRows = (page: typeof coach) => page.locator('[data-testid^="zone-row-"]').allInnerTexts();
    await expect(coach.locator('[data-testid^="zone-row-"]')).toHaveCount(5);
    const coachZones = await zoneRows(coach);
    await athlete.goto(`/dashboard/training/${sessionId}`);
    await expect(athlete.getByTestId("session-detail")).toHaveAttribute("data-session-id", String(sessionId));
    expect(await zoneRows(athlete)).toEqual(coachZones);
    const recovery = await coach.goto(`${athletePath}/recovery`);
    expect(recovery?.status()).toBe(200);
    const sleep = await coach.goto(`${athletePath}/sleep`);
    expect(sleep?.status()).toBe(404);
    await expect(coach.getByTestId("coach-sleep-page")).toHaveCount(0);
    const body = await coach.goto(`${athletePath}/body`);
    expect(body?.status()).toBe(404);

    // The athlete stops sharing; the coach's very next request has no access.
    await athlete.goto("/settings/sharing");
    await athlete.getByTestId("stop-sharing").click();
    await expect(athlete.getByTestId("share")).toHaveCount(0);
    const after = await coach.goto(athletePath);
    expect(after?.status()).toBe(404);
    await expect(coach.getByTestId("coach-view-banner")).toHaveCount(0);
    const api = await coach.request.get(`/api/teams/${teamPath.split("/").at(-1)}/roster`);
    expect(api.status()).toBe(200);
    expect(((await api.json()) as { rows: unknown[] }).rows).toEqual([]);
    await coach.goto(teamPath);
    await expect(coach.getByTestId("roster-row")).toHaveCount(0);
  } finally {
    await coachContext.close();
    await athleteContext.close();
  }
});
