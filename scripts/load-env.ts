// Shell scripts (sync, webhook, migrations) read the same `.env` that `next start` loads, so a self-hoster sets
// variables in one place. Variables already in the environment win; lib/env.ts then validates them.
import fs from "node:fs";
import path from "node:path";

for (const name of [".env.local", ".env"]) {
  const file = path.join(process.cwd(), name);
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
