// Applies pending migrations to DATABASE_PATH (the app also does this at start-up).
import "./load-env";
import { openDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";

const databasePath = getEnv().DATABASE_PATH;
openDatabase(databasePath).$client.close();
console.log(`Migrations applied to ${databasePath}`);
