import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamAthletes } from "@/db/schema/teams";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { defaultRateGovernor } from "@/lib/polar";
import { getSyncHealth } from "@/lib/sync/health";
import type { SyncJobRunner } from "@/lib/sync/runner";
import { getRun } from "@/lib/sync/runs";
import { getAppSyncRunner, readRateLimitPause } from "@/lib/sync/scheduler";
import { authorizeTeamCoach } from "../access";

export type RosterSyncStartDTO = { started: { athleteId: string; runId: string; joined: boolean }[]; skipped: { athleteId: string; reason: string }[] };

/**
 * Starts the athletes' own syncs for a team the viewer coaches (all its athletes, or `athleteIds` of it).
 * Nothing else is written: each run is the athlete's normal sync, logged in their own sync log. Athletes who
 * must act first (reconnect, consents, no link) are skipped with the reason.
 */
export async function startRosterSync(
  db: Db,
  viewer: Viewer,
  teamId: string,
  athleteIds: readonly string[] | null,
  options: { now: number; runner?: Pick<SyncJobRunner, "start"> },
): Promise<RosterSyncStartDTO> {
  authorizeTeamCoach(db, viewer, teamId);
  const members = db.select({ athleteId: teamAthletes.athleteId }).from(teamAthletes).where(eq(teamAthletes.teamId, teamId)).all().map((row) => row.athleteId);
  const memberSet = new Set(members);
  const targets = athleteIds === null ? members : athleteIds.filter((id) => memberSet.has(id));
  if (athleteIds !== null && targets.length !== athleteIds.length) throw new AppError("not_found", "No athlete with that id is visible to you.");
  const health = getSyncHealth(db, targets, { now: options.now });
  // The process's one runner (shared with the athlete's own clicks, webhooks and the scheduler): a coach's
  // click joins a run already going through its lease, and every Polar call passes the rate governor.
  const runner = options.runner ?? (await getAppSyncRunner());
  const result: RosterSyncStartDTO = { started: [], skipped: [] };
  for (const athleteId of targets) {
    const state = health.get(athleteId)?.state ?? "not_connected";
    if (state === "not_connected" || state === "reconnect_needed" || state === "consents_needed") {
      result.skipped.push({ athleteId, reason: state });
      continue;
    }
    const begun = runner.start(athleteId, "click");
    result.started.push({ athleteId, runId: begun.runId, joined: begun.joined });
  }
  return result;
}

export type RosterSyncProgressDTO = {
  athleteId: string;
  runId: string | null;
  status: "running" | "succeeded" | "partial" | "failed" | null;
  step: string | null;
  itemsDone: number;
  itemsTotal: number;
  finishedAt: number | null;
};

/** Progress of the given runs (and each athlete's live run) for a team the viewer coaches, per athlete. */
export function getRosterSyncProgress(db: Db, viewer: Viewer, teamId: string, runIds: ReadonlyMap<string, string>, options: { now: number }): RosterSyncProgressDTO[] {
  authorizeTeamCoach(db, viewer, teamId);
  const members = db.select({ athleteId: teamAthletes.athleteId }).from(teamAthletes).where(eq(teamAthletes.teamId, teamId)).all().map((row) => row.athleteId);
  const health = getSyncHealth(db, members, { now: options.now });
  return members.map((athleteId) => {
    const runId = health.get(athleteId)?.runningRunId ?? runIds.get(athleteId) ?? null;
    const run = runId ? getRun(db, runId) : null;
    // A run id from the browser counts only when it is this athlete's.
    if (!run || run.athleteId !== athleteId) {
      return { athleteId, runId: null, status: null, step: null, itemsDone: 0, itemsTotal: 0, finishedAt: null };
    }
    return { athleteId, runId: run.runId, status: run.status, step: run.step, itemsDone: run.itemsDone, itemsTotal: run.itemsTotal, finishedAt: run.finishedAt };
  });
}

/** Rate-limit pause for the roster's health column (folded in as the athlete's sync log does). */
export function readRosterRateLimitPause(now: number = Date.now()): number | null {
  return readRateLimitPause(defaultRateGovernor.snapshot(), now);
}
