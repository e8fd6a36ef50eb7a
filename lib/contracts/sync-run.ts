import { z } from "zod";
import type { SyncRunKind } from "@/db/schema/sync";
import type { SyncCounts, SyncResource, SyncRunStatus, SyncTrigger } from "@/lib/sync/types";

/**
 * The one shape of a sync run outside the sync engine (issue 14 §5): what GET /api/sync/runs/{id} and
 * GET /api/sync/current return, what the sync log page renders and what the Sync button parses. The schema is
 * the contract; the DTO type is inferred from it, so server and client cannot drift. No server imports.
 */

const RESOURCES = ["physical-info", "exercise", "activity", "sleep", "nightly-recharge", "continuous-hr", "cardio-load"] as const satisfies readonly SyncResource[];
const STATUSES = ["running", "succeeded", "partial", "failed"] as const satisfies readonly SyncRunStatus[];
const TRIGGERS = ["click", "webhook", "schedule", "cli", "demo"] as const satisfies readonly SyncTrigger[];
const KINDS = ["sync", "import"] as const satisfies readonly SyncRunKind[];

export const SyncResourceSchema = z.enum(RESOURCES);

const SyncCountsSchema = z.object({
  new: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  quarantined: z.number(),
  /** Fetched records not stored, by reason (issue 13 §3); absent in runs recorded before skips were counted. */
  skipped: z.object({ "after-today": z.number().optional(), placeholder: z.number().optional() }).optional(),
}) satisfies z.ZodType<SyncCounts>;

export const SyncFixActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("reconnect"), label: z.string(), href: z.string() }),
  z.object({ kind: z.literal("consents"), label: z.string(), href: z.string() }),
  z.object({ kind: z.literal("wait_rate_limit"), label: z.string() }),
  z.object({ kind: z.literal("retry_later"), label: z.string() }),
  z.object({ kind: z.literal("none"), label: z.string() }),
]);
export type SyncFixAction = z.infer<typeof SyncFixActionSchema>;

export const SyncErrorSchema = z.object({
  resource: z.union([SyncResourceSchema, z.literal("run")]),
  code: z.string(),
  message: z.string(),
  /** What the athlete can do about it, by the error's stable code. */
  action: SyncFixActionSchema,
});
export type SyncErrorDTO = z.infer<typeof SyncErrorSchema>;

export const SyncRunSchema = z.object({
  runId: z.string(),
  trigger: z.enum(TRIGGERS),
  /** "import": an import of Polar's "Download your data" archive (lib/import), not a sync. */
  kind: z.enum(KINDS),
  status: z.enum(STATUSES),
  /** Current step in words ("Reading sleep"). */
  step: z.string(),
  itemsDone: z.number(),
  itemsTotal: z.number(),
  counts: z.partialRecord(SyncResourceSchema, SyncCountsSchema),
  errors: z.array(SyncErrorSchema),
  /** Epoch ms. */
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  durationMs: z.number().nullable(),
  /** AccessLink requests the run made. */
  requestCount: z.number(),
  /** Polar notifications this run absorbed (webhook-triggered or joined runs). */
  webhookEvents: z.number(),
});
export type SyncRunDTO = z.infer<typeof SyncRunSchema>;

/** GET /api/sync/current. */
export const CurrentSyncRunSchema = z.object({ run: SyncRunSchema.nullable() });
export type CurrentSyncRunDTO = z.infer<typeof CurrentSyncRunSchema>;

/** POST /api/sync: 202 with the run started or joined. */
export const StartedSyncRunSchema = z.object({ runId: z.string(), joined: z.boolean() });
export type StartedSyncRunDTO = z.infer<typeof StartedSyncRunSchema>;
