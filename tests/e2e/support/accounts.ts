import path from "node:path";

/**
 * Accounts the specs use signed in: tests/e2e/auth.setup.ts signs each one in once through the simulator's
 * OAuth pages and saves its cookies; specs load them with `storageState` instead of signing in again.
 * `registerDaysBack`: the simulator serves data recorded after registration, and the first sign-in registers,
 * so the setup sets its clock that far back for the sign-in (what the specs did before signing in themselves).
 * Mikko is not here: report.spec registers him on a simulated date and deletes him, then sync.spec signs him in
 * afresh; his sign-ins are part of those tests.
 */
export const ACCOUNTS = {
  aino: { name: "Aino Virtanen", registerDaysBack: 40 },
  kenji: { name: "Kenji Sato", registerDaysBack: 0 },
  priya: { name: "Priya Raman", registerDaysBack: 0 },
  jordan: { name: "Jordan Brooks", registerDaysBack: 7 },
} as const;

export type AccountKey = keyof typeof ACCOUNTS;

/** Where the setup project saved an account's cookies (inside this checkout's test output). */
export function storageStateOf(account: AccountKey): string {
  return path.join(process.cwd(), "test-results", "e2e-auth", `${account}.json`);
}
