// Child process of the crash-safety test: runs one real sync against the simulator and SIGKILLs ITSELF right
// after the KILL_AFTER-th HTTP response arrived (before the engine has seen it), so the kill lands between a
// read and its durable write, between a write and the commit, or in the middle of a transaction.
// KILL_AFTER=0 runs to the end. Exit code 0 = finished; the parent sees signal SIGKILL otherwise.
import { openDatabase } from "@/db/client";
import { createRateGovernor, createPolarClient } from "@/lib/polar";
import { syncAthlete } from "@/lib/sync";
import { CLIENT_ID, CLIENT_SECRET, TEST_TOKEN_KEY } from "./harness";

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const killAfter = Number(process.env.KILL_AFTER ?? "0");
const simUrl = requireEnv("SIM_URL");
const db = openDatabase(requireEnv("SYNC_DB"));
let responses = 0;

const countingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  // Read the body first so the kill happens after the full response reached this process.
  const body = await response.arrayBuffer();
  responses += 1;
  if (killAfter > 0 && responses >= killAfter) process.kill(process.pid, "SIGKILL");
  return new Response(response.status === 204 ? null : body, { status: response.status, headers: response.headers });
};

// A virtual clock for the governor: rate-limit waits pass at once (the simulator's clock is frozen).
let skipped = 0;
const governor = createRateGovernor({
  now: () => Date.now() + skipped,
  sleep: async (ms) => {
    skipped += ms;
  },
});

const polar = createPolarClient({
  apiBaseUrl: simUrl,
  tokenUrl: `${simUrl}/v2/oauth2/token`,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  fetch: countingFetch,
  governor,
  maxRetries: 5,
  sleep: async () => undefined,
});

async function main(): Promise<void> {
  const result = await syncAthlete({ db, polar, tokenKey: TEST_TOKEN_KEY }, requireEnv("ATHLETE_ID"), {
    trigger: "cli",
    now: Number(requireEnv("SIM_NOW")),
  });
  db.$client.close();
  process.stdout.write(JSON.stringify({ status: result.status, responses }));
}

void main();
