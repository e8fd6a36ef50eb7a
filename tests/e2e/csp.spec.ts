import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { E2E_APP_URL, E2E_SIM_URL } from "./support/constants";
import { waitForPlots } from "./support/plots";

/**
 * Finding 18.3: every page runs under a nonce Content-Security-Policy. This opens every page — signed out, as
 * an athlete with synced data (charts drawn), and as a coach looking at that athlete — and fails on any CSP
 * violation the browser reports (a `securitypolicyviolation` event or a "Refused to …" console error). It also
 * checks that the theme boot script (inline, nonced) still runs.
 *
 * Simulated athletes: Maria (two sessions on many days, so two weeks draw every chart; signin.spec only
 * signs her in to delete her account) and Sofia (coach here; no other spec uses her).
 */
const ATHLETE = "Maria Costa";
const COACH = "Sofia Okafor";
const DAY_MS = 86_400_000;

type Violations = { events: string[]; console: string[] };

async function watchCsp(context: BrowserContext): Promise<Violations> {
  const violations: Violations = { events: [], console: [] };
  await context.exposeFunction("__reportCspViolation", (text: string) => violations.events.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = Reflect.get(window, "__reportCspViolation") as (text: string) => void;
      report(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) {
      violations.console.push(message.text());
    }
  });
  return violations;
}

async function setSimClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post(`${E2E_SIM_URL}/__admin/clock/set`, { data: { now: new Date(ms).toISOString() } });
  expect(response.ok()).toBe(true);
}

/** Opens a page, waits for its charts to be drawn, and checks it answered and kept its CSP. */
async function visit(page: Page, path: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(expectedStatus);
  expect(response?.headers()["content-security-policy"] ?? "", path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await page.waitForLoadState("networkidle");
  await waitForPlots(page);
}

test("no CSP violation on any page; charts, theme switching and sign-in work under the CSP", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const anonymousContext = await browser.newContext();
  const athleteContext = await browser.newContext();
  const coachContext = await browser.newContext();
  const seen = await Promise.all([anonymousContext, athleteContext, coachContext].map(watchCsp));
  const anonymous = await anonymousContext.newPage();
  const athlete = await athleteContext.newPage();
  const coach = await coachContext.newPage();
  try {
    // Signed out.
    for (const path of ["/", "/signin", "/invite/declined"]) await visit(anonymous, path);

    // The theme script runs before paint: the stored choice is applied on a fresh load.
    await anonymous.getByTestId("theme-toggle").click();
    const dark = await anonymous.evaluate(() => document.documentElement.classList.contains("dark"));
    await anonymous.reload();
    await expect.poll(() => anonymous.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(dark);
    await anonymous.getByTestId("theme-toggle").click();
    await expect.poll(() => anonymous.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(!dark);

    // A coach with a team and an invitation (sign-in goes through Polar's page and back: form-action holds).
    await signInAs(coach, COACH);
    await visit(coach, "/teams");
    await coach.getByTestId("team-name").fill(`CSP squad ${Date.now()}`);
    await coach.getByTestId("create-team").click();
    await coach.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
    const teamPath = new URL(coach.url()).pathname;
    await coach.getByTestId("create-invite").click();
    const invitePath = new URL(await coach.getByTestId("invite-url").inputValue()).pathname;
    await visit(anonymous, invitePath);

    // The athlete registers two weeks back, accepts the invitation, and syncs.
    const now = Date.now();
    await setSimClock(request, now - 14 * DAY_MS);
    await athlete.goto(invitePath);
    await signInAs(athlete, ATHLETE, invitePath);
    await athlete.getByTestId("accept-invite").click();
    await athlete.waitForURL((url) => url.pathname === "/settings/sharing");
    await setSimClock(request, now);
    await athlete.goto("/dashboard/sync");
    await athlete.getByTestId("sync-button").click();
    await expect(athlete.getByTestId("sync-button")).toHaveAttribute("data-state", /^(succeeded|partial)$/, { timeout: 120_000 });

    const athletePages = [
      "/dashboard",
      "/dashboard/activity",
      "/dashboard/heart-rate",
      "/dashboard/training",
      "/dashboard/load",
      "/dashboard/sleep",
      "/dashboard/recovery",
      "/dashboard/body",
      "/dashboard/sync",
      "/settings",
      "/settings/sharing",
      "/settings/api",
      "/docs/api",
      "/teams",
      "/reports/me/latest",
    ];
    for (const path of athletePages) await visit(athlete, path);
    // Charts draw under the policy (Recharts' inline styles are allowed, its code is nonced).
    await visit(athlete, "/dashboard/load");
    await expect(athlete.locator("[data-plot] svg.recharts-surface").first()).toBeVisible();
    // Webhook settings are for instance admins (none in the browser tests): a non-admin gets the page that
    // explains who manages the webhook, under the same policy.
    await visit(athlete, "/settings/webhook", 200);
    const sessionRow = athlete.getByTestId("session-row").first();
    await athlete.goto("/dashboard/training");
    await expect(sessionRow).toBeVisible();
    const sessionId = await sessionRow.getAttribute("data-session-id");
    await visit(athlete, `/dashboard/training/${sessionId}`);
    await visit(athlete, "/dashboard/load?range=4w");

    // The coach's views of the athlete.
    await visit(coach, teamPath);
    const athleteLink = coach.getByTestId("roster-athlete-link").first();
    await expect(athleteLink).toHaveText(ATHLETE);
    const athletePath = new URL((await athleteLink.getAttribute("href")) ?? "", E2E_APP_URL).pathname;
    for (const sub of ["", "/training", "/load", "/sleep", "/recovery", "/body"]) await visit(coach, `${athletePath}${sub}`);
    await visit(coach, `${athletePath}/training/${sessionId}`);
    // A page that does not exist renders the 404 page under the same policy.
    await visit(coach, "/athletes/no-such-athlete", 404);

    expect(seen.flatMap((violations) => violations.events)).toEqual([]);
    expect(seen.flatMap((violations) => violations.console)).toEqual([]);
  } finally {
    await Promise.all([anonymousContext.close(), athleteContext.close(), coachContext.close()]);
  }
});
