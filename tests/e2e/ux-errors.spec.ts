import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { E2E_APP_URL } from "./support/constants";

// Tomás (lib/polar-sim/generator/roster.ts): any signed-in athlete will do; no other spec changes his data here.
const TOMAS = "Tomás Ferreira";

test("static files: favicon, icon and web manifest are served", async ({ request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/icon/);
  const icon = await request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; start_url: string; icons: { src: string }[] };
  expect(body).toMatchObject({ name: "Threshold", start_url: "/dashboard" });
  expect(body.icons.map((item) => item.src)).toContain("/icon.svg");
});

test("a signed-out deep link keeps the whole page as callbackUrl", async ({ page }) => {
  await page.goto("/athletes/someone/sleep?range=12w");
  await expect(page).toHaveURL(`${E2E_APP_URL}/signin?callbackUrl=${encodeURIComponent("/athletes/someone/sleep?range=12w")}`);
});

test("missing pages and sessions answer HTTP 404 with the branded page and a way back", async ({ page }) => {
  await signInAs(page, TOMAS);
  for (const path of ["/dashboard/training/999999", "/athletes/no-such-athlete/training/1", "/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }
  await page.getByTestId("not-found-home").click();
  await expect(page).toHaveURL(`${E2E_APP_URL}/dashboard`);
});

test("Settings → Webhook explains itself to an athlete who is not the instance admin", async ({ page }) => {
  await signInAs(page, TOMAS, "/settings/webhook");
  await expect(page.getByTestId("webhook-not-admin")).toContainText("ADMIN_POLAR_USER_IDS");
  await expect(page.getByTestId("webhook-create")).toHaveCount(0);
});
