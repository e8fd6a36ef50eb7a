import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, storageStateOf, type AccountKey } from "./support/accounts";
import { signInAs } from "./support/auth";
import { E2E_SIM_URL } from "./support/constants";

const DAY_MS = 86_400_000;

/**
 * Signs each account in once, through the real flow (signin.spec tests that flow itself), and saves the
 * session cookie for the specs. The simulator's clock goes back for a sign-in that must register early, then
 * forward to now.
 */
for (const key of Object.keys(ACCOUNTS) as AccountKey[]) {
  setup(`sign in ${ACCOUNTS[key].name}`, async ({ page, request }) => {
    const setClock = async (ms: number) => {
      const response = await request.post(`${E2E_SIM_URL}/__admin/clock/set`, { data: { now: new Date(ms).toISOString() } });
      expect(response.ok()).toBe(true);
    };
    const { registerDaysBack } = ACCOUNTS[key];
    // The specs measured "days back" from the wall clock when they signed in themselves.
    if (registerDaysBack > 0) await setClock(Date.now() - registerDaysBack * DAY_MS);
    try {
      await signInAs(page, ACCOUNTS[key].name);
    } finally {
      // As the specs did after their own sign-in: the (frozen) clock to the wall clock's now.
      if (registerDaysBack > 0) await setClock(Date.now());
    }
    await page.context().storageState({ path: storageStateOf(key) });
  });
}
