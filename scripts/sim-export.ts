/**
 * `npm run sim:export -- --athlete <login> --format current|legacy --out file.zip [--days-before N]
 * [--seed N] [--start YYYY-MM-DD] [--days N]`: a simulated athlete's "Download your data" archive.
 * A script, so it reads its arguments directly.
 */
import { parseArgs } from "node:util";
import { writePolarExport } from "@/lib/polar-sim/export";

const DEFAULT_DAYS = 126;

function defaultStartDate(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      athlete: { type: "string" },
      format: { type: "string", default: "current" },
      out: { type: "string" },
      seed: { type: "string", default: "42" },
      start: { type: "string" },
      days: { type: "string", default: String(DEFAULT_DAYS) },
      "days-before": { type: "string", default: "400" },
      level: { type: "string", default: "6" },
    },
  });
  const format = values.format;
  if (!values.athlete || !values.out || (format !== "current" && format !== "legacy")) {
    throw new Error("usage: npm run sim:export -- --athlete <login> --format current|legacy --out file.zip");
  }
  const days = Number(values.days);
  const level = Number(values.level);
  if (level !== 0 && level !== 1 && level !== 6) throw new Error("--level must be 0, 1 or 6");
  const result = await writePolarExport(
    {
      seed: Number(values.seed),
      startDate: values.start ?? defaultStartDate(days),
      days,
      login: values.athlete,
      format,
      historyDaysBefore: Number(values["days-before"]),
    },
    values.out,
    level,
  );
  console.log(`${values.out}: ${result.entries} entries, ${(result.bytes / 1e6).toFixed(1)} MB`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
