import { expect, type Page } from "@playwright/test";
import { E2E_SIM_URL } from "./constants";

/**
 * Signs in through the real flow: /signin → "Sign in with Polar" → the simulator's authorization page →
 * "Authorize as <name>" → back in the app. Ends on `callbackPath` (default /dashboard).
 */
export async function signInAs(page: Page, athleteName: string, callbackPath = "/dashboard"): Promise<void> {
  await page.goto(callbackPath === "/dashboard" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByTestId("signin-polar").click();
  await page.waitForURL((url) => url.href.startsWith(`${E2E_SIM_URL}/oauth2/authorization`));
  await page.getByRole("button", { name: `Authorize as ${athleteName}` }).click();
  await page.waitForURL((url) => url.pathname === callbackPath);
  await expect(page.getByTestId("viewer-name")).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("header-signin")).toBeVisible();
}
