import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { E2E_SIM_URL } from "./support/constants";
import { waitForPlots } from "./support/plots";

// Athletes of the simulator's default roster (lib/polar-sim/generator/roster.ts), signed in by auth.setup.ts.
// Kenji has not accepted Polar's consents: every data endpoint answers 403, so nothing is stored.

type ExportRow = Record<string, string | number | null>;
type ExportBody = { data: Record<string, ExportRow[] | undefined> };

/** The simulator only serves data after registration: register 40 days back, then bring its clock to now. */
async function setSimClock(request: APIRequestContext, ms: number): Promise<void> {
  const response = await request.post(`${E2E_SIM_URL}/__admin/clock/set`, { data: { now: new Date(ms).toISOString() } });
  expect(response.ok()).toBe(true);
}

async function syncAndWait(page: Page): Promise<void> {
  await page.goto("/dashboard");
  await page.getByTestId("sync-button").click();
  await expect(page.getByTestId("sync-button")).toHaveAttribute("data-state", /^(succeeded|partial|failed)$/, { timeout: 120_000 });
}

async function readExport(page: Page): Promise<ExportBody> {
  const response = await page.request.get("/api/export?format=json");
  expect(response.status()).toBe(200);
  return (await response.json()) as ExportBody;
}

const PAGES = [
  { name: "overview", path: "/dashboard", ready: "overview-risk" },
  { name: "training", path: "/dashboard/training", ready: "sessions-count" },
  { name: "load", path: "/dashboard/load", ready: "chart-load" },
  { name: "sleep", path: "/dashboard/sleep", ready: "chart-hypnogram" },
  { name: "recovery", path: "/dashboard/recovery", ready: "flag-timeline" },
  { name: "body", path: "/dashboard/body", ready: "body-settings-form" },
] as const;

test.describe.configure({ mode: "serial" });

test.describe("Aino (signed in by auth.setup.ts, registered 40 simulated days back)", () => {
  test.use({ storageState: storageStateOf("aino") });

  test("an athlete syncs and sees exactly what was stored", async ({ page, request }, testInfo) => {
    test.setTimeout(300_000);
    // Aino, signed in by auth.setup.ts (registered 40 simulated days back); the simulator's clock at now.
    await setSimClock(request, Date.now());
    await syncAndWait(page);
    await expect(page.getByTestId("freshness")).toContainText(/Synced (just now|\d+ minutes? ago)/);

    const stored = await readExport(page);
    const exercises = stored.data.exercise ?? [];
    expect(exercises.length).toBeGreaterThan(0);

    // Sessions listed = sessions stored.
    await page.goto("/dashboard/training");
    await expect(page.getByTestId("sessions-count")).toHaveAttribute("data-total", String(exercises.length));
    // The first page of the list: 50 a page (SESSION_PAGE_SIZE).
    await expect(page.getByTestId("session-row")).toHaveCount(Math.min(exercises.length, 50));

    // A session's zone times = the stored ones (Polar's when the session has them, else ours).
    const polarZones = stored.data.exercise_hr_zone ?? [];
    const withPolar = exercises.find((exercise) => polarZones.some((zone) => zone.exercise_id === exercise.id));
    const session = withPolar ?? exercises.find((exercise) => exercise.zone1_seconds !== null) ?? exercises[0];
    await page.goto(`/dashboard/training/${session.id}`);
    await expect(page.getByTestId("session-detail")).toBeVisible();
    for (const index of [1, 2, 3, 4, 5]) {
      if (withPolar) {
        const zone = polarZones.find((row) => row.exercise_id === session.id && row.zone_index === index);
        await expect(page.getByTestId(`zone-polar-seconds-${index}`)).toHaveAttribute("data-seconds", String(zone?.in_zone_seconds ?? ""));
      } else {
        await expect(page.getByTestId(`zone-computed-seconds-${index}`)).toHaveAttribute("data-seconds", String(session[`zone${index}_seconds`]));
      }
    }
    await expect(page.getByTestId("chart-hr-curve")).toHaveAttribute("data-state", "loaded");

    // Range switching keeps the page (no reload) and follows the URL.
    await page.goto("/dashboard/load");
    await expect(page.getByTestId("chart-load")).toHaveAttribute("data-state", "loaded");
    await page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    await page.getByTestId("range-picker").getByRole("button", { name: "4w" }).click();
    await expect(page).toHaveURL(/range=4w/);
    await expect(page.getByTestId("range-picker")).toHaveAttribute("data-range", "4w");
    await expect(page.getByTestId("series-loading")).toHaveAttribute("data-loading", "false");
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    await page.goto("/dashboard/sleep");
    await expect(page.getByTestId("chart-hypnogram")).toHaveAttribute("data-state", "loaded");

    // Screenshots of every page at desktop and phone width.
    const sessionPage = { name: "session", path: `/dashboard/training/${session.id}`, ready: "session-detail" };
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const target of [...PAGES, sessionPage]) {
        await page.goto(target.path);
        await expect(page.getByTestId(target.ready)).toBeVisible();
        await waitForPlots(page);
        await page.screenshot({ path: testInfo.outputPath(`${target.name}-${width}.png`), fullPage: true });
      }
    }
  });

  test("a chart whose code cannot be loaded says so and keeps its frame; the rest of the page stays", async ({ page }) => {
    // The scripts the page itself names load; the plots' chunks, fetched afterwards, fail as if offline.
    const html = await (await page.request.get("/dashboard/load")).text();
    const initial = new Set([...html.matchAll(/\/_next\/static\/[^"'\s]+\.js/g)].map((match) => match[0]));
    await page.route("**/_next/static/**/*.js", (route) =>
      initial.has(new URL(route.request().url()).pathname) ? route.continue() : route.abort("internetdisconnected"),
    );
    await page.goto("/dashboard/load");
    await expect(page.getByTestId("chart-load")).toHaveAttribute("data-state", "loaded");
    const error = page.getByTestId("chart-load").getByTestId("plot-error");
    await expect(error).toBeVisible();
    await expect(error).toContainText("This chart could not be loaded. Check your connection, then reload the page.");
    await expect(error.getByRole("button", { name: "Reload" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Training load" })).toBeVisible();
  });
});

test.describe("Kenji (signed in by auth.setup.ts)", () => {
  test.use({ storageState: storageStateOf("kenji") });

  test("an athlete without sleep data sees the designed empty state", async ({ page }) => {
    test.setTimeout(180_000);
    await syncAndWait(page);
    await page.goto("/dashboard/sleep");
    await expect(page.getByTestId("chart-hypnogram")).toHaveAttribute("data-state", "empty");
    await expect(page.getByTestId("chart-hypnogram-empty")).toHaveText("No sleep data yet — sleep needs a night with the watch on.");
    await expect(page.getByTestId("chart-sleep-stages")).toHaveAttribute("data-state", "empty");
    await page.goto("/dashboard");
    await expect(page.getByTestId("overview-sleep")).toHaveAttribute("data-state", "empty");
    await page.goto("/dashboard/training");
    await expect(page.getByTestId("sessions-table")).toHaveAttribute("data-state", "empty");
  });
});
