import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamAthletes, teamCoaches, teamInvitations } from "@/db/schema/teams";
import type { Viewer } from "@/lib/auth/session";
import { authorizeAthleteRead, getGrantedScopes } from "@/lib/dal/access";
import { listMyShares, stopSharingEverywhere, updateShareScopes } from "@/lib/dal/sharing";
import {
  acceptInvitation,
  createDemoCoachTeam,
  createInvitation,
  createTeam,
  declineInvitation,
  getInvitationPreview,
  getTeam,
  listCoachedTeams,
  removeAthlete,
  revokeInvitation,
  setRosterLabel,
} from "@/lib/dal/teams";
import { getRoster } from "@/lib/dal/roster/roster";
import { AppError } from "@/lib/errors";
import { createTestDb, insertAthlete, type TestDb } from "../dal/fixtures";

const NOW = Date.UTC(2026, 2, 1, 12);
const DAY = 86_400_000;
let t: TestDb;
const v = (id: string): Viewer => ({ userId: id, polarUserId: null, name: null });
const coach = v("coach");
const coach2 = v("coach2");
const athlete = v("athlete");
const athlete2 = v("athlete2");

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : "other";
  }
  return "none";
}

beforeAll(() => {
  t = createTestDb();
  for (const [id, polar] of [["coach", 1], ["coach2", 2], ["athlete", 3], ["athlete2", 4]] as const) insertAthlete(t.db, id, polar);
});
afterAll(() => t.close());

describe("invitations", () => {
  it("stores only the SHA-256 of a 32-byte token, expiring after 7 days by default", () => {
    const team = createTeam(t.db, coach, { name: "Hash" }, { now: NOW });
    const link = createInvitation(t.db, coach, team.teamId, {}, { now: NOW });
    expect(Buffer.from(link.token, "base64url")).toHaveLength(32);
    expect(link.path).toBe(`/invite/${link.token}`);
    const row = t.db.select().from(teamInvitations).where(eq(teamInvitations.id, link.invitationId)).get();
    expect(row?.tokenHash).toBe(createHash("sha256").update(link.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect(link.expiresAt - NOW).toBe(7 * DAY);
    expect(link.scopes).toEqual(["training", "sleep", "recovery", "body"]);
  });

  it("lets the athlete untick scopes but never add one the coach did not ask for", () => {
    const team = createTeam(t.db, coach, { name: "Scopes" }, { now: NOW });
    const link = createInvitation(t.db, coach, team.teamId, { scopes: ["training", "sleep"] }, { now: NOW });
    const preview = getInvitationPreview(t.db, athlete, link.token, { now: NOW });
    expect(preview).toMatchObject({ teamName: "Scopes", coachNames: ["Athlete coach"], requestedScopes: ["training", "sleep"], currentScopes: null });
    expect(codeOf(() => acceptInvitation(t.db, athlete, link.token, { scopes: ["body"] }, { now: NOW }))).toBe("bad_request");
    expect(codeOf(() => acceptInvitation(t.db, athlete, link.token, { scopes: [] }, { now: NOW }))).toBe("bad_request");
    expect(acceptInvitation(t.db, athlete, link.token, { scopes: ["sleep"] }, { now: NOW }).scopes).toEqual(["sleep"]);
    expect([...getGrantedScopes(t.db, coach, "athlete")]).toEqual(["sleep"]);
    // The same athlete link works for a second athlete (multi-use).
    expect(acceptInvitation(t.db, athlete2, link.token, {}, { now: NOW }).scopes).toEqual(["training", "sleep"]);
    expect(getInvitationPreview(t.db, athlete, link.token, { now: NOW }).currentScopes).toEqual(["sleep"]);
  });

  it("refuses expired, revoked, unknown and malformed tokens", () => {
    const team = createTeam(t.db, coach, { name: "Dead links" }, { now: NOW });
    const expiring = createInvitation(t.db, coach, team.teamId, { expiresInDays: 1 }, { now: NOW });
    expect(codeOf(() => acceptInvitation(t.db, athlete, expiring.token, {}, { now: NOW + DAY }))).toBe("not_found");
    expect(codeOf(() => acceptInvitation(t.db, athlete, expiring.token, {}, { now: NOW + DAY - 1 }))).toBe("none");
    const revoked = createInvitation(t.db, coach, team.teamId, {}, { now: NOW });
    expect(revokeInvitation(t.db, coach, team.teamId, revoked.invitationId, { now: NOW }).status).toBe("revoked");
    expect(codeOf(() => getInvitationPreview(t.db, athlete2, revoked.token, { now: NOW }))).toBe("not_found");
    expect(codeOf(() => declineInvitation(t.db, athlete2, revoked.token, { now: NOW }))).toBe("not_found");
    expect(codeOf(() => acceptInvitation(t.db, athlete2, "A".repeat(43), {}, { now: NOW }))).toBe("not_found");
    expect(codeOf(() => acceptInvitation(t.db, athlete2, "not a token", {}, { now: NOW }))).toBe("not_found");
    // Another coach cannot revoke this team's links.
    expect(codeOf(() => revokeInvitation(t.db, coach2, team.teamId, expiring.invitationId, { now: NOW }))).toBe("not_found");
  });

  it("declining shares and records nothing", () => {
    const team = createTeam(t.db, coach, { name: "Declined" }, { now: NOW });
    const link = createInvitation(t.db, coach, team.teamId, {}, { now: NOW });
    expect(declineInvitation(t.db, athlete, link.token, { now: NOW })).toEqual({ teamName: "Declined" });
    expect(t.db.select().from(teamAthletes).where(eq(teamAthletes.teamId, team.teamId)).all()).toEqual([]);
  });

  it("a coach link is single-use and makes a co-coach who sees the team's athletes", () => {
    const team = createTeam(t.db, coach, { name: "Two coaches" }, { now: NOW });
    const join = createInvitation(t.db, coach, team.teamId, { scopes: ["training"] }, { now: NOW });
    acceptInvitation(t.db, athlete, join.token, {}, { now: NOW });
    expect(codeOf(() => authorizeAthleteRead(coach2, "athlete", "training", t.db))).toBe("not_found");
    const coachLink = createInvitation(t.db, coach, team.teamId, { kind: "coach" }, { now: NOW });
    expect(acceptInvitation(t.db, coach2, coachLink.token, {}, { now: NOW })).toEqual({ teamId: team.teamId, kind: "coach", scopes: [] });
    expect(codeOf(() => acceptInvitation(t.db, athlete2, coachLink.token, {}, { now: NOW }))).toBe("not_found");
    expect(authorizeAthleteRead(coach2, "athlete", "training", t.db)).toBe("athlete");
    expect(getTeam(t.db, coach2, team.teamId, { now: NOW }).coaches.map((item) => item.userId)).toEqual(["coach", "coach2"]);
    expect(t.db.select().from(teamCoaches).where(eq(teamCoaches.teamId, team.teamId)).all()).toHaveLength(2);
  });
});

describe("roster labels", () => {
  it("a coach labels an athlete on the roster; only the team's coaches may, and an empty label clears it", () => {
    const team = createTeam(t.db, coach, { name: "Labels" }, { now: NOW });
    const link = createInvitation(t.db, coach, team.teamId, {}, { now: NOW });
    acceptInvitation(t.db, athlete, link.token, {}, { now: NOW });
    const rowOf = () => getRoster(t.db, coach, team.teamId, { now: NOW }).rows.find((row) => row.athleteId === "athlete");
    const ownName = rowOf()?.name;

    expect(setRosterLabel(t.db, coach, team.teamId, "athlete", "  Sofia  (U23) ")).toEqual({ rosterLabel: "Sofia (U23)" });
    expect(rowOf()).toMatchObject({ name: "Sofia (U23)", rosterLabel: "Sofia (U23)", athleteName: ownName });

    expect(codeOf(() => setRosterLabel(t.db, coach2, team.teamId, "athlete", "Hijack"))).toBe("not_found");
    expect(codeOf(() => setRosterLabel(t.db, coach, team.teamId, "athlete2", "Nobody"))).toBe("not_found");
    expect(codeOf(() => setRosterLabel(t.db, coach, team.teamId, "athlete", "x".repeat(61)))).toBe("bad_request");
    expect(rowOf()?.name).toBe("Sofia (U23)");

    expect(setRosterLabel(t.db, coach, team.teamId, "athlete", "  ")).toEqual({ rosterLabel: null });
    expect(rowOf()).toMatchObject({ name: ownName, rosterLabel: null });
  });
});

describe("removing and stopping", () => {
  it("a coach removes an athlete; the athlete changes scopes and stops sharing everywhere", () => {
    const team = createTeam(t.db, coach2, { name: "Removal" }, { now: NOW });
    const link = createInvitation(t.db, coach2, team.teamId, {}, { now: NOW });
    acceptInvitation(t.db, athlete2, link.token, {}, { now: NOW });
    expect(authorizeAthleteRead(coach2, "athlete2", "body", t.db)).toBe("athlete2");
    expect(codeOf(() => removeAthlete(t.db, coach, team.teamId, "athlete2"))).toBe("not_found");
    removeAthlete(t.db, coach2, team.teamId, "athlete2");
    expect(codeOf(() => authorizeAthleteRead(coach2, "athlete2", "body", t.db))).toBe("not_found");

    acceptInvitation(t.db, athlete2, link.token, {}, { now: NOW });
    expect(updateShareScopes(t.db, athlete2, team.teamId, ["recovery", "training"], { now: NOW + 1 })).toEqual(["training", "recovery"]);
    expect(codeOf(() => authorizeAthleteRead(coach2, "athlete2", "body", t.db))).toBe("not_found");
    expect(listMyShares(t.db, athlete2).find((share) => share.teamId === team.teamId)?.scopes).toEqual(["training", "recovery"]);
    expect(codeOf(() => updateShareScopes(t.db, athlete, team.teamId, ["training"], { now: NOW }))).toBe("not_found");
    expect(stopSharingEverywhere(t.db, athlete2)).toBeGreaterThanOrEqual(2);
    expect(listMyShares(t.db, athlete2)).toEqual([]);
    expect(getGrantedScopes(t.db, coach2, "athlete2").size).toBe(0);
  });
});

describe("createDemoCoachTeam", () => {
  it("goes through create + accept and shares the given scopes", () => {
    const { teamId } = createDemoCoachTeam(t.db, { coachUserId: "coach2", athleteUserIds: ["athlete", "athlete2"], scopes: ["training", "recovery"], now: NOW });
    const shares = t.db.select().from(teamAthletes).where(eq(teamAthletes.teamId, teamId)).all();
    expect(shares.map((share) => share.athleteId).sort()).toEqual(["athlete", "athlete2"]);
    expect(shares.every((share) => share.shareTraining && share.shareRecovery && !share.shareSleep && !share.shareBody && share.invitationId !== null)).toBe(true);
    expect(listCoachedTeams(t.db, coach2).find((team) => team.teamId === teamId)).toMatchObject({ name: "Demo squad", athleteCount: 2, coachCount: 1 });
  });
});
