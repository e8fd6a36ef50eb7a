import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/session";
import { getRoster, type Shared } from "../roster/roster";
import { listCoachedTeams } from "../teams";
import type { RosterResponseSchema, TeamsResponseSchema } from "./schemas";

/** The roster as the token API and `roster_triage` serve it: sorted by risk, every cell limited by sharing ∩ token. */

function valueOf<T, R>(cell: Shared<T>, pick: (value: T) => R): R | null {
  return cell.shared ? pick(cell.value) : null;
}

export function getApiTeams(db: Db, viewer: Viewer): z.output<typeof TeamsResponseSchema> {
  return { teams: listCoachedTeams(db, viewer).map((team) => ({ teamId: team.teamId, name: team.name, athleteCount: team.athleteCount })) };
}

export function getApiRoster(db: Db, viewer: Viewer, teamId: string, clock: { now: number }): z.output<typeof RosterResponseSchema> {
  const roster = getRoster(db, viewer, teamId, { now: clock.now });
  return {
    teamId: roster.teamId,
    teamName: roster.teamName,
    units: { acwr: "ratio", rhrDelta: "bpm vs personal baseline", hrv7: "ln ms (7-night mean)", sleep7AverageMinutes: "min", lastSyncedAt: "epoch ms, UTC", today: "athlete-local day" },
    athletes: roster.rows.map((row) => ({
      athleteId: row.athleteId,
      name: row.name,
      sharedScopes: row.scopes,
      today: row.today,
      dataThrough: row.dataThrough,
      lastSyncedAt: row.health.lastSuccessAt,
      stale: row.health.stale,
      risk: valueOf(row.risk, (risk) => ({ level: risk.level, reasons: risk.reasons })),
      acwr: valueOf(row.acwr, (acwr) => acwr.value),
      rhrDelta: valueOf(row.rhr, (rhr) => rhr.delta),
      hrv7: valueOf(row.hrv, (hrv) => hrv.rolling7),
      sleep7AverageMinutes: valueOf(row.sleep7, (sleep) => sleep.averageMinutes),
      notShared: (Object.entries({ risk: row.risk, acwr: row.acwr, rhrDelta: row.rhr, hrv7: row.hrv, sleep7AverageMinutes: row.sleep7 }) as [string, Shared<unknown>][])
        .filter(([, cell]) => !cell.shared)
        .map(([name]) => name),
    })),
  };
}
