import { expect, type Page } from "@playwright/test";
import { E2E_SIM_URL } from "./constants";

/**
 * Signs in through the real flow: /signin → "Sign in with Polar" → the simulator's authorization page →
 * "Authorize as <name>" → back in the app (past the display-name prompt, when Polar gave no name). Ends on
 * `callbackPath` (default /dashboard).
 */
export async function signInAs(page: Page, athleteName: string, callbackPath = "/dashboard"): Promise<void> {
  await page.goto(callbackPath === "/dashboard" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByTestId("signin-polar").click();
  await page.waitForURL((url) => url.href.startsWith(`${E2E_SIM_URL}/oauth2/authorization`));
  await page.getByRole("button", { name: `Authorize as ${athleteName}` }).click();
  // An athlete Polar gave no name to is asked for one first (/welcome); these helpers answer "Not now".
  await page.waitForURL((url) => url.pathname === callbackPath || url.pathname === "/welcome");
  if (new URL(page.url()).pathname === "/welcome") await page.getByTestId("welcome-skip").click();
  await page.waitForURL((url) => url.pathname === callbackPath);
  await expect(page.getByTestId("viewer-name")).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("header-signin")).toBeVisible();
}
