import { expect, test } from "@playwright/test";
import { E2E_SIM_URL } from "./support/constants";

// Sofia (lib/polar-sim/generator/roster.ts) starts revoked: every Bearer call is 401, so registration fails,
// Polar gives no name, and reconnecting does not help.
const SOFIA = "Sofia Okafor";

test.describe.configure({ mode: "serial" });

test("a nameless athlete is asked for a name; reconnecting says Polar still refuses; the overview shows one state", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/signin");
  await page.getByTestId("signin-polar").click();
  await page.waitForURL((url) => url.href.startsWith(`${E2E_SIM_URL}/oauth2/authorization`));
  await page.getByRole("button", { name: `Authorize as ${SOFIA}` }).click();

  // Polar gave no name: the display-name prompt comes first, then the page she asked for.
  await page.waitForURL((url) => url.pathname === "/welcome");
  await expect(page.getByTestId("welcome-name")).toContainText("What should we call you?");
  await page.getByTestId("display-name-input").fill("   ");
  await page.getByTestId("display-name-save").click();
  // Refused with a reason, and still on the prompt (wait for the answer: the form resets when it arrives).
  await expect(page.getByTestId("display-name-result")).toHaveText("Enter a name.");
  await expect(page).toHaveURL(/\/welcome/);
  await page.getByTestId("display-name-input").fill("Sofia O.");
  await page.getByTestId("display-name-save").click();
  await page.waitForURL((url) => url.pathname === "/dashboard");
  await expect(page.getByTestId("viewer-name")).toHaveText("Sofia O.");

  // One connection state, not three.
  const freshness = page.getByTestId("freshness");
  await expect(freshness).toHaveAttribute("data-state", "reconnect_needed");
  await expect(freshness).toContainText("Polar no longer accepts Threshold's access");
  await expect(freshness).not.toContainText("Never synced");
  await expect(freshness.getByRole("alert")).toHaveCount(1);

  // Reconnect while Polar still refuses: Settings says so.
  await page.goto("/settings");
  await page.getByTestId("reconnect-polar").click();
  await page.waitForURL((url) => url.href.startsWith(`${E2E_SIM_URL}/oauth2/authorization`));
  await page.getByRole("button", { name: `Authorize as ${SOFIA}` }).click();
  await page.waitForURL((url) => url.pathname === "/settings" && url.searchParams.get("reconnected") === "1");
  await expect(page.getByTestId("reconnect-outcome")).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("reconnect-outcome")).toContainText("Polar still refuses access: Polar no longer accepts Threshold's access");

  // The name she chose survives the reconnect, and she can change it in Settings.
  await expect(page.getByTestId("viewer-name")).toHaveText("Sofia O.");
  await page.getByTestId("display-name-input").fill("Sofia Okafor-Lee");
  await page.getByTestId("display-name-save").click();
  await expect(page.getByTestId("display-name-result")).toHaveText("Name saved.");
  await expect(page.getByTestId("viewer-name")).toHaveText("Sofia Okafor-Lee");
});
