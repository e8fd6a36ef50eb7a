import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";

// Aino, of the simulator's default roster, signed in by auth.setup.ts (registered 40 days back). A phone: the
// check-in and the RPE scale must work with taps at 390 px.
test.use({ storageState: storageStateOf("aino"), viewport: { width: 390, height: 844 } });

test("at phone width: answer the check-in, see the advice change, rate a session, see sRPE on the training list", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/dashboard");
  await page.getByTestId("sync-button").click();
  await expect(page.getByTestId("sync-button")).toHaveAttribute("data-state", /^(succeeded|partial)$/, { timeout: 180_000 });
  await page.reload();

  // Today's advice at the top, before any check-in.
  const advice = page.getByTestId("advice");
  await expect(advice).toBeVisible();
  await expect(page.getByTestId("advice-no-check-in")).toBeVisible();
  const before = await advice.getAttribute("data-advice");
  expect(before).not.toBe("rest");

  // The check-in: taps only, nothing typed; nothing wider than the screen.
  const card = page.getByTestId("check-in-card");
  await expect(card).toBeVisible();
  await page.getByRole("button", { name: "Fatigue 4" }).click();
  await page.getByRole("button", { name: "Muscle soreness 3" }).click();
  await page.getByRole("button", { name: "Stress 2" }).click();
  await page.getByRole("button", { name: "Mood 3" }).click();
  await page.getByRole("button", { name: "Sleep quality (felt) 3" }).click();
  await page.getByTestId("check-in-illness").getByRole("button", { name: "Yes" }).click();
  const saveBox = await page.getByTestId("check-in-save").boundingBox();
  expect(saveBox?.height ?? 0).toBeGreaterThanOrEqual(40);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByTestId("check-in-save").click();

  // The advice changes: illness reported → rest, with the reason listed.
  await expect(advice).toHaveAttribute("data-advice", "rest");
  await expect(page.getByTestId("advice-label")).toHaveText("Rest or recover");
  await expect(page.getByTestId("advice-reasons")).toContainText("illness reported");
  await expect(page.getByTestId("advice-no-check-in")).toHaveCount(0);
  await expect(page.getByTestId("check-in-summary")).toContainText("Fatigue 4");

  // Rate the newest session on CR-10.
  await page.goto("/dashboard/training");
  const row = page.getByTestId("session-row").first();
  const sessionId = await row.getAttribute("data-session-id");
  await row.getByRole("link").click();
  await expect(page.getByTestId("session-detail")).toBeVisible();
  await expect(page.getByTestId("rpe-rating")).toBeVisible();
  await page.getByRole("button", { name: /^RPE 7\b/ }).click();
  await expect(page.getByTestId("stat-srpe")).toContainText(/your rating/);
  await expect(page.getByTestId("stat-srpe")).toContainText(/\d/);

  // sRPE on the training list, beside Polar's load.
  await page.goto("/dashboard/training");
  const rated = page.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`);
  await expect(rated.getByTestId("session-srpe")).toContainText(/\d+\s*AU/);
});
