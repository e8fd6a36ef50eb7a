/** The simulator's admin endpoint for archives: `POST /__admin/athletes/:id/export {format}`. */
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import type { SimDataset } from "@/lib/polar-sim/contract";
import { writePolarExport } from "@/lib/polar-sim/export/write";

export const exportArchiveRequestSchema = z.object({
  format: z.enum(["current", "legacy"]).default("current"),
  /** Days before the athlete's first day at the API (default 400). */
  historyDaysBefore: z.number().int().min(0).max(3650).optional(),
  /** Or: days covered back from the simulator's clock (a newcomer's year before "now"). */
  coverDays: z.number().int().min(1).max(3650).optional(),
});
export type ExportArchiveRequest = z.infer<typeof exportArchiveRequestSchema>;
export type ExportArchiveResult = { path: string; entries: number; bytes: number };

/**
 * Writes into the temp directory under Polar's own archive name and answers with the path: the archive can be
 * hundreds of megabytes, and the simulator and its callers (tests, demo) share the machine. The archive holds
 * what the athlete had recorded up to the simulator's clock.
 */
export async function writeAdminExport(dataset: SimDataset, userId: number, request: ExportArchiveRequest, nowMs: number): Promise<ExportArchiveResult> {
  const athlete = dataset.athlete(userId);
  if (!athlete) throw new Error(`unknown simulated athlete ${userId}`);
  const path = join(tmpdir(), `polar-user-data-export_${randomUUID()}.zip`);
  const result = await writePolarExport(
    { ...dataset.options, login: athlete.profile.login, format: request.format, historyDaysBefore: request.historyDaysBefore, coverDays: request.coverDays, untilUtcMs: nowMs },
    path,
  );
  return { path, ...result };
}
