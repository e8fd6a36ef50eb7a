// npm run sync:reparse [-- --athlete <userId>] — re-ingests quarantined Polar payloads with the current parsers.
import "./load-env";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";
import { reparseQuarantine } from "@/lib/sync";

const { values } = parseArgs({ options: { athlete: { type: "string" } } });

const db = openDatabase(getEnv().DATABASE_PATH);
const result = reparseQuarantine(db, { athleteId: values.athlete, now: Date.now() });
console.log(
  `Re-parsed ${result.reparsed} quarantined payload(s) (new ${result.outcomes.new}, updated ${result.outcomes.updated}, unchanged ${result.outcomes.unchanged}); ${result.stillInvalid} still invalid.`,
);
db.$client.close();
