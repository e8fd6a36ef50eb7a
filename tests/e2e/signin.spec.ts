import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./support/auth";
import { E2E_APP_URL, E2E_SIM_URL } from "./support/constants";

// Athletes of the simulator's default roster (lib/polar-sim/generator/roster.ts), one per test so a test that
// revokes or deletes leaves the others' connections alone.
const AINO = { name: "Aino Virtanen", polarUserId: 48213977 };
const PRIYA = { name: "Priya Raman", polarUserId: 39028815 };
const JORDAN = { name: "Jordan Brooks", polarUserId: 47365120 };
const KENJI = { name: "Kenji Sato", polarUserId: 42870351 };
const MARIA = { name: "Maria Costa", polarUserId: 58649213 };

test("anonymous visitors of app pages are sent to sign in", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(`${E2E_APP_URL}/signin?callbackUrl=%2Fdashboard`);
  await expect(page.getByTestId("header-signin")).toBeVisible();
});

test("sign in through Polar's page, see the athlete, export, sign out", async ({ page }) => {
  await signInAs(page, AINO.name);
  await expect(page.getByTestId("viewer-name")).toHaveText(AINO.name);
  await page.getByTestId("nav-settings").click();
  await expect(page).toHaveURL(`${E2E_APP_URL}/settings`);
  await expect(page.getByTestId("account-name")).toHaveText(AINO.name);
  await expect(page.getByTestId("account-polar-user-id")).toHaveText(String(AINO.polarUserId));
  await expect(page.getByTestId("connection-badge").first()).toHaveAttribute("data-state", "connected");
  await expect(page.getByTestId("connection-badge").first()).toHaveAttribute("data-registration", "registered");
  await expect(page.getByTestId("account-registered-at")).toContainText("UTC");

  const exported = await page.request.get("/api/export?format=json");
  expect(exported.status()).toBe(200);
  const body = (await exported.json()) as { format: string; athlete: { name: string; polar_user_id: number }; data: Record<string, unknown[]> };
  expect(body.format).toBe("threshold-export");
  expect(body.athlete).toMatchObject({ name: AINO.name, polar_user_id: AINO.polarUserId });
  expect(body.data.polar_connection).toHaveLength(1);
  expect(JSON.stringify(body)).not.toContain("access_token");

  await signOut(page);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/);
  expect((await page.request.get("/api/export?format=json")).status()).toBe(401);
});

test("a tampered state is rejected and nobody is signed in", async ({ page }) => {
  await page.goto("/signin");
  await page.getByTestId("signin-polar").click();
  await page.waitForURL((url) => url.href.startsWith(`${E2E_SIM_URL}/oauth2/authorization`));
  const tampered = new URL(page.url());
  tampered.searchParams.set("state", `${tampered.searchParams.get("state")}-tampered`);
  await page.goto(tampered.toString());
  await page.getByRole("button", { name: `Authorize as ${AINO.name}` }).click();
  await page.waitForURL((url) => url.pathname === "/signin");
  await expect(page.getByTestId("signin-error")).toHaveAttribute("data-code", "state_mismatch");
  await expect(page.getByTestId("signin-error")).toContainText("security check failed");
  await expect(page.getByTestId("header-signin")).toBeVisible();
});

test("a reused authorization code gets a clear message", async ({ page }) => {
  let firstCallback: URL | undefined;
  page.on("request", (request) => {
    if (request.url().startsWith(`${E2E_APP_URL}/api/auth/callback/polar`) && !firstCallback) {
      firstCallback = new URL(request.url());
    }
  });
  await signInAs(page, PRIYA.name);
  await signOut(page);
  expect(firstCallback?.searchParams.get("code")).toBeTruthy();

  // A new sign-in (fresh state cookie), answered with the old code, as a replayed redirect would.
  await page.goto("/signin");
  await page.getByTestId("signin-polar").click();
  await page.waitForURL((url) => url.href.startsWith(`${E2E_SIM_URL}/oauth2/authorization`));
  const state = new URL(page.url()).searchParams.get("state") ?? "";
  await page.goto(`/api/auth/callback/polar?code=${firstCallback?.searchParams.get("code")}&state=${encodeURIComponent(state)}`);
  await expect(page).toHaveURL(`${E2E_APP_URL}/signin?error=code_rejected`);
  await expect(page.getByTestId("signin-error")).toContainText("already used or has expired");
  await expect(page.getByTestId("header-signin")).toBeVisible();
});

test("a revoked token shows 'Reconnect needed' and reconnecting fixes it", async ({ page, request }) => {
  await signInAs(page, JORDAN.name);
  expect((await request.post(`${E2E_SIM_URL}/__admin/athletes/${JORDAN.polarUserId}/revoke`)).ok()).toBe(true);

  await page.goto("/settings");
  await page.getByTestId("check-connection").click();
  await expect(page.getByTestId("check-connection-result")).toHaveAttribute("data-state", "error");
  const headerBadge = page.locator("header").getByTestId("connection-badge");
  await expect(headerBadge).toHaveAttribute("data-state", "reconnect_needed");
  await expect(headerBadge).toHaveText(/Reconnect needed/);
  await expect(page.getByTestId("fix-reconnect")).toBeVisible();

  await page.getByTestId("reconnect-polar").click();
  await page.waitForURL((url) => url.href.startsWith(`${E2E_SIM_URL}/oauth2/authorization`));
  await page.getByRole("button", { name: `Authorize as ${JORDAN.name}` }).click();
  await page.waitForURL((url) => url.pathname === "/settings");
  await expect(headerBadge).toHaveAttribute("data-state", "connected");
  await page.getByTestId("check-connection").click();
  await expect(page.getByTestId("check-connection-result")).toHaveAttribute("data-state", "ok");
});

test("missing consents (403) show 'Consents needed' with the link to fix them", async ({ page }) => {
  await signInAs(page, KENJI.name);
  // Registration was refused (403), so Polar gave no name: the header falls back to the Polar id.
  await expect(page.getByTestId("viewer-name")).toHaveText(`Polar athlete ${KENJI.polarUserId}`);
  await page.goto("/settings");
  const headerBadge = page.locator("header").getByTestId("connection-badge");
  await expect(headerBadge).toHaveAttribute("data-state", "consents_needed");
  await expect(headerBadge).toHaveText(/Consents needed/);
  await expect(page.getByTestId("fix-consents").getByRole("link", { name: "account.polar.com" })).toHaveAttribute(
    "href",
    "https://account.polar.com",
  );
  await expect(page.getByTestId("fix-registration")).toHaveAttribute("data-state", "failed");
});

test("disconnect and delete asks first, then de-registers and signs out", async ({ page, request }) => {
  await signInAs(page, MARIA.name, "/settings");
  await page.getByTestId("delete-account-start").click();
  await expect(page.getByTestId("delete-account-confirm")).toBeVisible();
  await page.getByTestId("delete-account-cancel").click();
  await expect(page.getByTestId("delete-account-confirm")).toHaveCount(0);

  await page.getByTestId("delete-account-start").click();
  await page.getByTestId("delete-account-confirm-button").click();
  await page.waitForURL((url) => url.pathname === "/signin");
  await expect(page.getByTestId("account-deleted")).toHaveAttribute("data-state", "deregistered");
  await expect(page.getByTestId("header-signin")).toBeVisible();

  const athletes = (await (await request.get(`${E2E_SIM_URL}/__admin/athletes`)).json()) as { userId: number; registered: boolean }[];
  expect(athletes.find((athlete) => athlete.userId === MARIA.polarUserId)?.registered).toBe(false);
});
