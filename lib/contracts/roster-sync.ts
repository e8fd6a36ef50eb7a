import { z } from "zod";
import type { RosterSyncProgressDTO, RosterSyncStartDTO } from "@/lib/dal/roster/sync";

/** GET and POST /api/teams/{teamId}/sync as the roster parses them; checked against the DAL's DTO types. */

export const RosterSyncProgressSchema = z.object({
  athleteId: z.string(),
  runId: z.string().nullable(),
  status: z.enum(["running", "succeeded", "partial", "failed"]).nullable(),
  step: z.string().nullable(),
  itemsDone: z.number(),
  itemsTotal: z.number(),
  finishedAt: z.number().nullable(),
}) satisfies z.ZodType<RosterSyncProgressDTO>;

export const RosterSyncProgressListSchema = z.object({ progress: z.array(RosterSyncProgressSchema) });

export const RosterSyncStartSchema = z.object({
  started: z.array(z.object({ athleteId: z.string(), runId: z.string(), joined: z.boolean() })),
  skipped: z.array(z.object({ athleteId: z.string(), reason: z.string() })),
}) satisfies z.ZodType<RosterSyncStartDTO>;
