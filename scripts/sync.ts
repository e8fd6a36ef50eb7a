// npm run sync -- --athlete <userId|polarUserId>   |   npm run sync -- --all
// Runs a sync in this process against POLAR_API_URL and prints each run's result.
import "./load-env";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { polarConnections, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { createPolarClient } from "@/lib/polar";
import { syncAthlete, type SyncRunResult } from "@/lib/sync";

const { values } = parseArgs({
  options: { athlete: { type: "string" }, all: { type: "boolean", default: false } },
});

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run sync -- --athlete <userId|polarUserId>  |  npm run sync -- --all`);
  process.exit(2);
}

function printResult(athleteId: string, result: SyncRunResult): void {
  const seconds = result.durationMs === null ? "?" : (result.durationMs / 1000).toFixed(1);
  console.log(`${athleteId}: ${result.joined ? "joined running run" : result.status} (run ${result.runId}, ${seconds} s)`);
  for (const [resource, counts] of Object.entries(result.counts)) {
    console.log(
      `  ${resource.padEnd(17)} new ${counts.new}, updated ${counts.updated}, unchanged ${counts.unchanged}, quarantined ${counts.quarantined}`,
    );
  }
  for (const error of result.errors) console.log(`  ! ${error.resource}: ${error.message} [${error.code}]`);
}

async function main(): Promise<void> {
  if (!values.all && !values.athlete) usage("Name an athlete or pass --all.");
  const env = getEnv();
  const db = openDatabase(env.DATABASE_PATH);
  const polar = createPolarClient({
    apiBaseUrl: env.POLAR_API_URL,
    tokenUrl: env.POLAR_TOKEN_URL,
    clientId: env.POLAR_CLIENT_ID,
    clientSecret: env.POLAR_CLIENT_SECRET,
  });
  const deps = { db, polar, tokenKey: env.TOKEN_ENCRYPTION_KEY };

  let athleteIds: string[];
  if (values.all) {
    athleteIds = db.select({ id: polarConnections.userId }).from(polarConnections).all().map((row) => row.id);
  } else {
    const key = values.athlete ?? "";
    const byId = db.select({ id: users.id }).from(users).where(eq(users.id, key)).get();
    const byPolar = /^\d+$/.test(key)
      ? db.select({ id: polarConnections.userId }).from(polarConnections).where(eq(polarConnections.polarUserId, Number(key))).get()
      : undefined;
    const found = byId?.id ?? byPolar?.id;
    if (!found) usage(`No athlete with user id or Polar user id "${key}".`);
    athleteIds = [found];
  }

  let failed = 0;
  for (const athleteId of athleteIds) {
    const result = await syncAthlete(deps, athleteId, { trigger: "cli" });
    printResult(athleteId, result);
    if (result.status === "failed") failed += 1;
  }
  db.$client.close();
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
