import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

/** The import as GET /api/import reports it (lib/dal/import.ts). */
const progressSchema = z.object({ done: z.number(), total: z.number() });
const typeSummarySchema = z.object({
  imported: z.number(),
  present: z.number(),
  skipped: z.record(z.string(), z.number()),
  quarantined: z.array(z.object({ entry: z.string(), error: z.string() })),
  files: progressSchema,
  bytes: progressSchema,
});
const typesSchema = z.object({
  sessions: typeSummarySchema,
  activity: typeSummarySchema,
  sleep: typeSummarySchema,
  recharge: typeSummarySchema,
  heartRate: typeSummarySchema,
  physicalInfo: typeSummarySchema,
});
export const ImportJobSchema = z.object({
  jobId: z.string(),
  runId: z.string().nullable(),
  archiveName: z.string(),
  status: z.enum(["running", "done", "failed", "interrupted"]),
  summary: z.object({ types: typesSchema, skippedEntries: z.record(z.string(), z.number()), unknownEntries: z.array(z.string()) }),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;
export type ImportTypeSummary = z.infer<typeof typeSummarySchema>;

export function importJobQueryOptions() {
  return queryOptions({
    queryKey: [...queryKeys.all, "import-job"] as const,
    queryFn: async ({ signal }) => z.object({ job: ImportJobSchema.nullable() }).parse(await fetchJson<unknown>("/api/import", { signal })),
    refetchInterval: (query) => (query.state.data?.job?.status === "running" ? 1000 : false),
    staleTime: 0,
    refetchOnMount: "always",
  });
}

/** Sends the file itself as the body: the browser streams it, the server writes it to disk as it arrives. */
export async function uploadArchive(file: File): Promise<{ jobId: string; runId: string }> {
  return z
    .object({ jobId: z.string(), runId: z.string() })
    .parse(
      await fetchJson<unknown>(`/api/import?${new URLSearchParams({ name: file.name }).toString()}`, {
        method: "POST",
        headers: { "content-type": "application/zip" },
        body: file,
      }),
    );
}

export async function resumeImport(): Promise<void> {
  await fetchJson<unknown>("/api/import/resume", { method: "POST" });
}
