import type { Page } from "@playwright/test";

/** One page of the app as the page checks visit it: a name for artifacts and reports, and its path. */
export type AppPage = { name: string; path: string };

/** The pages a signed-out visitor reaches. */
export const PUBLIC_PAGES: readonly AppPage[] = [
  { name: "landing", path: "/" },
  { name: "signin", path: "/signin" },
];

/**
 * Every page of the app for the signed-in viewer of `page`: their own pages, and the coach's pages of a team
 * they create here and join themselves (so the coach's pages have an athlete). Pages that need a session are
 * left out when the viewer has none. Shared by the layout/axe check (ux-pages.spec.ts) and the first-load JS
 * budget (js-budget.spec.ts), so both visit the same list.
 */
export async function listSignedInPages(page: Page): Promise<AppPage[]> {
  await page.goto("/teams");
  await page.getByTestId("team-name").fill(`Pages ${Date.now()}`);
  await page.getByTestId("create-team").click();
  await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
  const teamPath = new URL(page.url()).pathname;
  await page.getByTestId("create-invite").click();
  const invitePath = new URL(await page.getByTestId("invite-url").inputValue()).pathname;
  await page.goto(invitePath);
  await page.getByTestId("accept-invite").click();
  await page.goto(teamPath);
  const athleteHref = await page.getByTestId("roster-athlete-link").first().getAttribute("href");
  await page.goto("/dashboard/training");
  const sessionLink = page.locator('a[href^="/dashboard/training/"]').first();
  const sessionHref = (await sessionLink.count()) > 0 ? await sessionLink.getAttribute("href") : null;
  const sessionId = sessionHref?.split("/").pop() ?? null;
  // The calendar with today's details open.
  await page.goto("/dashboard/calendar");
  const todayLink = page.locator('[data-testid="calendar-day"] a[aria-label*="(today)"]');
  const calendarDayHref = (await todayLink.count()) > 0 ? await todayLink.getAttribute("href") : null;

  const pages: [string, string | null][] = [
    ["overview", "/dashboard"],
    ["training", "/dashboard/training"],
    ["calendar", "/dashboard/calendar"],
    ["calendar-day", calendarDayHref],
    ["session", sessionHref],
    ["load", "/dashboard/load"],
    ["sleep", "/dashboard/sleep"],
    ["recovery", "/dashboard/recovery"],
    ["body", "/dashboard/body"],
    ["activity", "/dashboard/activity"],
    ["heart-rate", "/dashboard/heart-rate"],
    ["sync", "/dashboard/sync"],
    ["report", "/reports/me/latest"],
    ["settings", "/settings"],
    ["sharing", "/settings/sharing"],
    ["api-access", "/settings/api"],
    ["webhook", "/settings/webhook"],
    ["api-docs", "/docs/api"],
    ["teams", "/teams"],
    ["roster", teamPath],
    ["athlete", athleteHref],
    ["athlete-training", athleteHref && `${athleteHref}/training`],
    ["athlete-session", athleteHref && sessionId && `${athleteHref}/training/${sessionId}`],
    ["athlete-calendar", athleteHref && `${athleteHref}/calendar`],
    ["athlete-load", athleteHref && `${athleteHref}/load`],
    ["athlete-sleep", athleteHref && `${athleteHref}/sleep`],
    ["athlete-recovery", athleteHref && `${athleteHref}/recovery`],
    ["athlete-body", athleteHref && `${athleteHref}/body`],
    ["not-found", "/no-such-page"],
  ];
  return pages.flatMap(([name, path]) => (path ? [{ name, path }] : []));
}
