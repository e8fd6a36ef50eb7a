import { z } from "zod";
import type { ImportJobView } from "@/lib/import/job";

/**
 * GET /api/import and POST /api/import as the client parses them. Checked against the job's view type at
 * compile time (`satisfies`), so the two cannot drift. No server imports.
 */

const ProgressSchema = z.object({ done: z.number(), total: z.number() });
const TypeSummarySchema = z.object({
  imported: z.number(),
  present: z.number(),
  skipped: z.record(z.string(), z.number()),
  quarantined: z.array(z.object({ entry: z.string(), error: z.string() })),
  files: ProgressSchema,
  bytes: ProgressSchema,
});
export type ImportTypeSummaryDTO = z.infer<typeof TypeSummarySchema>;

export const ImportJobSchema = z.object({
  jobId: z.string(),
  runId: z.string().nullable(),
  archiveName: z.string(),
  status: z.enum(["running", "done", "failed", "interrupted"]),
  summary: z.object({
    types: z.object({
      sessions: TypeSummarySchema,
      activity: TypeSummarySchema,
      sleep: TypeSummarySchema,
      recharge: TypeSummarySchema,
      heartRate: TypeSummarySchema,
      physicalInfo: TypeSummarySchema,
    }),
    skippedEntries: z.record(z.string(), z.number()),
    unknownEntries: z.array(z.string()),
  }),
  error: z.string().nullable(),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
}) satisfies z.ZodType<ImportJobView>;
export type ImportJobDTO = z.infer<typeof ImportJobSchema>;

export const CurrentImportSchema = z.object({ job: ImportJobSchema.nullable() });
export const StartedImportSchema = z.object({ jobId: z.string(), runId: z.string() });
