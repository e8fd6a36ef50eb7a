import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";

// Kenji (signed in by auth.setup.ts): the per-type sync choice of design §6 in Settings → Synced data.
test.use({ storageState: storageStateOf("kenji") });

test("switching a data type off asks first, names what goes, and is saved only when confirmed", async ({ page }) => {
  await page.goto("/settings");
  const sleep = page.getByTestId("sync-setting-sleep");
  await expect(sleep).toBeChecked();

  // Untick and save: a confirmation names the type; Cancel saves nothing.
  await sleep.uncheck();
  await page.getByTestId("sync-settings-save").click();
  const confirm = page.getByTestId("sync-settings-confirm");
  await expect(confirm).toContainText("Stop syncing sleep and delete what Threshold stored");
  await page.getByTestId("sync-settings-cancel").click();
  await expect(confirm).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("sync-setting-sleep")).toBeChecked();

  // Confirmed: saved, and still off after a reload.
  await page.getByTestId("sync-setting-sleep").uncheck();
  await page.getByTestId("sync-settings-save").click();
  await page.getByTestId("sync-settings-confirm-button").click();
  await expect(page.getByTestId("sync-settings-result")).toHaveAttribute("data-state", "ok");
  await page.reload();
  await expect(page.getByTestId("sync-setting-sleep")).not.toBeChecked();

  // Switching back on needs no confirmation.
  await page.getByTestId("sync-setting-sleep").check();
  await page.getByTestId("sync-settings-save").click();
  await expect(page.getByTestId("sync-settings-confirm")).toHaveCount(0);
  await expect(page.getByTestId("sync-settings-result")).toHaveAttribute("data-state", "ok");
  await page.reload();
  await expect(page.getByTestId("sync-setting-sleep")).toBeChecked();
});
