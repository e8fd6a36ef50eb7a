import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/auth";
import { teamAthletes, teamCoaches, teamInvitations, teams, type InvitationKind } from "@/db/schema/teams";
import { displayNameSchema } from "@/lib/auth/display-name";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { authorizeTeamCoach, READ_SCOPES, toShareFlags } from "./access";
import type { ReadScope } from "./dto";

/**
 * Teams, coaches and invitation links (issue #7). Any signed-in user may create a team and becomes its coach.
 * Invitation tokens are 32 random bytes (base64url in the link); only their SHA-256 is stored. Athlete links
 * are multi-use until they expire or are revoked (joining only shares one's own data); coach links are
 * single-use, because a coach reads every athlete of the team.
 */

/** Default lifetime of an invitation link. */
export const INVITATION_DAYS_DEFAULT = 7;
export const INVITATION_DAYS_MAX = 30;
const DAY_MS = 86_400_000;

type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export const ScopeListSchema = z.array(z.enum(["training", "sleep", "recovery", "body"])).transform((scopes) => READ_SCOPES.filter((scope) => scopes.includes(scope)));
export type ScopeList = z.infer<typeof ScopeListSchema>;

export const CreateTeamInputSchema = z.object({ name: z.string().trim().min(1, "Give the team a name").max(80, "At most 80 characters") });
export type CreateTeamInput = z.infer<typeof CreateTeamInputSchema>;

export const CreateInvitationInputSchema = z.object({
  kind: z.enum(["athlete", "coach"]).default("athlete"),
  scopes: ScopeListSchema.default([...READ_SCOPES]),
  expiresInDays: z.number().int().min(1).max(INVITATION_DAYS_MAX).default(INVITATION_DAYS_DEFAULT),
});
export type CreateInvitationInput = z.input<typeof CreateInvitationInputSchema>;

export type TeamSummaryDTO = { teamId: string; name: string; athleteCount: number; coachCount: number; createdAt: number };

export type InvitationStatus = "active" | "expired" | "revoked" | "used";

export type InvitationDTO = {
  invitationId: string;
  kind: InvitationKind;
  scopes: ReadScope[];
  createdAt: number;
  expiresAt: number;
  status: InvitationStatus;
};

export type TeamDetailDTO = {
  teamId: string;
  name: string;
  coaches: { userId: string; name: string }[];
  invitations: InvitationDTO[];
};

export type CreatedInvitationDTO = InvitationDTO & {
  /** The raw token: shown once to the coach, never stored. */
  token: string;
  /** App-relative link, `/invite/<token>`. */
  path: string;
};

export type InvitationPreviewDTO = {
  teamName: string;
  coachNames: string[];
  kind: InvitationKind;
  requestedScopes: ReadScope[];
  expiresAt: number;
  /** Scopes the viewer already shares with this team (athlete links), null when not sharing yet. */
  currentScopes: ReadScope[] | null;
  /** The viewer already coaches this team (coach links). */
  isAlreadyCoach: boolean;
};

export type AcceptedInvitationDTO = { teamId: string; kind: InvitationKind; scopes: ReadScope[] };

/** Display name of a user: Polar gives no name for some athletes. */
export function toDisplayName(user: { name: string | null; polarUserId: number | null }): string {
  return user.name ?? (user.polarUserId !== null ? `Polar athlete ${user.polarUserId}` : "Unnamed athlete");
}

/** Hex SHA-256 of an invitation token; the only form stored. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function parseScopes(text: string): ReadScope[] {
  const parts = new Set(text.split(","));
  return READ_SCOPES.filter((scope) => parts.has(scope));
}

function toInvitationStatus(row: { revokedAt: number | null; usedAt: number | null; expiresAt: number }, now: number): InvitationStatus {
  if (row.revokedAt !== null) return "revoked";
  if (row.usedAt !== null) return "used";
  return row.expiresAt <= now ? "expired" : "active";
}

/** Creates a team with the viewer as its first coach. */
export function createTeam(db: Db, viewer: Viewer, input: CreateTeamInput, options: { now: number }): TeamSummaryDTO {
  const { name } = CreateTeamInputSchema.parse(input);
  return db.transaction((tx) => {
    const team = tx.insert(teams).values({ name, createdByUserId: viewer.userId, createdAt: options.now }).returning({ id: teams.id }).get();
    tx.insert(teamCoaches).values({ teamId: team.id, userId: viewer.userId, addedAt: options.now }).run();
    return { teamId: team.id, name, athleteCount: 0, coachCount: 1, createdAt: options.now };
  });
}

/** Teams the viewer coaches, by name; with their sizes (two grouped queries, not one per team). */
export function listCoachedTeams(db: Db, viewer: Viewer): TeamSummaryDTO[] {
  const rows = db
    .select({ teamId: teams.id, name: teams.name, createdAt: teams.createdAt })
    .from(teams)
    .innerJoin(teamCoaches, eq(teamCoaches.teamId, teams.id))
    .where(eq(teamCoaches.userId, viewer.userId))
    .orderBy(asc(teams.name), asc(teams.createdAt))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.teamId);
  const athletes = new Map(
    db
      .select({ teamId: teamAthletes.teamId, n: count() })
      .from(teamAthletes)
      .where(inArray(teamAthletes.teamId, ids))
      .groupBy(teamAthletes.teamId)
      .all()
      .map((row) => [row.teamId, row.n]),
  );
  const coaches = new Map(
    db
      .select({ teamId: teamCoaches.teamId, n: count() })
      .from(teamCoaches)
      .where(inArray(teamCoaches.teamId, ids))
      .groupBy(teamCoaches.teamId)
      .all()
      .map((row) => [row.teamId, row.n]),
  );
  return rows.map((row) => ({ ...row, athleteCount: athletes.get(row.teamId) ?? 0, coachCount: coaches.get(row.teamId) ?? 0 }));
}

/** A team the viewer coaches: its coaches and its invitation links (newest first). */
export function getTeam(db: Db, viewer: Viewer, teamId: string, options: { now?: number } = {}): TeamDetailDTO {
  const now = options.now ?? Date.now();
  authorizeTeamCoach(db, viewer, teamId);
  const team = db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).get();
  if (!team) throw new AppError("not_found", "No team with that id is visible to you.");
  const coaches = db
    .select({ userId: users.id, name: users.name, polarUserId: users.polarUserId })
    .from(teamCoaches)
    .innerJoin(users, eq(users.id, teamCoaches.userId))
    .where(eq(teamCoaches.teamId, teamId))
    .orderBy(asc(teamCoaches.addedAt))
    .all()
    .map((row) => ({ userId: row.userId, name: toDisplayName(row) }));
  const invitations = db
    .select()
    .from(teamInvitations)
    .where(eq(teamInvitations.teamId, teamId))
    .orderBy(desc(teamInvitations.createdAt))
    .all()
    .map((row) => toInvitationDTO(row, now));
  return { teamId, name: team.name, coaches, invitations };
}

function toInvitationDTO(row: typeof teamInvitations.$inferSelect, now: number): InvitationDTO {
  return {
    invitationId: row.id,
    kind: row.kind,
    scopes: parseScopes(row.requestedScopes),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    status: toInvitationStatus(row, now),
  };
}

/**
 * A new invitation link for a team the viewer coaches. The token is returned once; the database keeps only
 * its hash. Athlete links ask for `scopes` (default all four); the athlete may untick some.
 */
export function createInvitation(db: Db, viewer: Viewer, teamId: string, input: CreateInvitationInput, options: { now: number }): CreatedInvitationDTO {
  authorizeTeamCoach(db, viewer, teamId);
  const parsed = CreateInvitationInputSchema.parse(input);
  if (parsed.kind === "athlete" && parsed.scopes.length === 0) {
    throw new AppError("bad_request", "Ask for at least one data type.");
  }
  const token = randomBytes(32).toString("base64url");
  const row = db
    .insert(teamInvitations)
    .values({
      teamId,
      kind: parsed.kind,
      tokenHash: hashInvitationToken(token),
      // A coach link grants the team's whole view; the scopes only matter for athletes.
      requestedScopes: (parsed.kind === "athlete" ? parsed.scopes : []).join(","),
      createdByUserId: viewer.userId,
      createdAt: options.now,
      expiresAt: options.now + parsed.expiresInDays * DAY_MS,
    })
    .returning()
    .get();
  return { ...toInvitationDTO(row, options.now), token, path: `/invite/${token}` };
}

/** Revokes a link of a team the viewer coaches; acceptances already made stay (the athlete controls those). */
export function revokeInvitation(db: Db, viewer: Viewer, teamId: string, invitationId: string, options: { now: number }): InvitationDTO {
  authorizeTeamCoach(db, viewer, teamId);
  const row = db
    .update(teamInvitations)
    .set({ revokedAt: options.now })
    .where(and(eq(teamInvitations.id, invitationId), eq(teamInvitations.teamId, teamId)))
    .returning()
    .get();
  if (!row) throw new AppError("not_found", "No such invitation.");
  return toInvitationDTO(row, options.now);
}

const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** The invitation behind a token, if it can still be used; AppError otherwise (wording per reason). */
function findUsableInvitation(db: DbOrTx, token: string, now: number): typeof teamInvitations.$inferSelect {
  const invalid = new AppError("not_found", "This invitation link is not valid. Ask your coach for a new one.");
  if (!TokenSchema.safeParse(token).success) throw invalid;
  const row = db.select().from(teamInvitations).where(eq(teamInvitations.tokenHash, hashInvitationToken(token))).get();
  if (!row) throw invalid;
  const status = toInvitationStatus(row, now);
  if (status === "revoked") throw new AppError("not_found", "This invitation was withdrawn by the coach. Ask them for a new one.");
  if (status === "used") throw new AppError("not_found", "This coach invitation has already been used.");
  if (status === "expired") throw new AppError("not_found", "This invitation has expired. Ask your coach for a new one.");
  return row;
}

/** What the invitation page shows before the athlete decides: the team, its coaches and the data asked for. */
export function getInvitationPreview(db: Db, viewer: Viewer, token: string, options: { now?: number } = {}): InvitationPreviewDTO {
  const row = findUsableInvitation(db, token, options.now ?? Date.now());
  const team = db.select({ name: teams.name }).from(teams).where(eq(teams.id, row.teamId)).get();
  if (!team) throw new AppError("not_found", "This invitation link is not valid. Ask your coach for a new one.");
  const coachRows = db
    .select({ userId: users.id, name: users.name, polarUserId: users.polarUserId })
    .from(teamCoaches)
    .innerJoin(users, eq(users.id, teamCoaches.userId))
    .where(eq(teamCoaches.teamId, row.teamId))
    .orderBy(asc(teamCoaches.addedAt))
    .all();
  const share = db
    .select()
    .from(teamAthletes)
    .where(and(eq(teamAthletes.teamId, row.teamId), eq(teamAthletes.athleteId, viewer.userId)))
    .get();
  return {
    teamName: team.name,
    coachNames: coachRows.map(toDisplayName),
    kind: row.kind,
    requestedScopes: parseScopes(row.requestedScopes),
    expiresAt: row.expiresAt,
    currentScopes: share ? READ_SCOPES.filter((scope) => isShared(share, scope)) : null,
    isAlreadyCoach: coachRows.some((coach) => coach.userId === viewer.userId),
  };
}

function isShared(share: typeof teamAthletes.$inferSelect, scope: ReadScope): boolean {
  switch (scope) {
    case "training":
      return share.shareTraining;
    case "sleep":
      return share.shareSleep;
    case "recovery":
      return share.shareRecovery;
    case "body":
      return share.shareBody;
  }
}

/**
 * Accepts an invitation as the viewer. Athlete links: the viewer shares `scopes` (a subset of what the coach
 * asked for, at least one) with the team; accepting again replaces the scopes. Coach links: the viewer
 * becomes a coach of the team and the link is used up.
 */
export function acceptInvitation(db: Db, viewer: Viewer, token: string, input: { scopes?: readonly ReadScope[] }, options: { now: number }): AcceptedInvitationDTO {
  return db.transaction((tx) => {
    const row = findUsableInvitation(tx, token, options.now);
    if (row.kind === "coach") {
      tx.insert(teamCoaches).values({ teamId: row.teamId, userId: viewer.userId, addedAt: options.now }).onConflictDoNothing().run();
      tx.update(teamInvitations).set({ usedAt: options.now, usedByUserId: viewer.userId }).where(eq(teamInvitations.id, row.id)).run();
      return { teamId: row.teamId, kind: row.kind, scopes: [] };
    }
    const requested = new Set(parseScopes(row.requestedScopes));
    const chosen = ScopeListSchema.parse(input.scopes ?? [...requested]);
    const outside = chosen.filter((scope) => !requested.has(scope));
    if (outside.length > 0) throw new AppError("bad_request", `The coach did not ask for: ${outside.join(", ")}.`);
    if (chosen.length === 0) throw new AppError("bad_request", "Choose at least one data type to share, or decline.");
    const flags = toShareFlags(chosen);
    tx.insert(teamAthletes)
      .values({ teamId: row.teamId, athleteId: viewer.userId, ...flags, invitationId: row.id, joinedAt: options.now, updatedAt: options.now })
      .onConflictDoUpdate({ target: [teamAthletes.teamId, teamAthletes.athleteId], set: { ...flags, invitationId: row.id, updatedAt: options.now } })
      .run();
    return { teamId: row.teamId, kind: row.kind, scopes: chosen };
  });
}

/**
 * Declines an invitation: nothing is shared and nothing is recorded (an athlete link stays usable for the
 * others it was sent to). Checks the link so the page can say when it was no longer valid anyway.
 */
export function declineInvitation(db: Db, _viewer: Viewer, token: string, options: { now: number }): { teamName: string } {
  const row = findUsableInvitation(db, token, options.now);
  const team = db.select({ name: teams.name }).from(teams).where(eq(teams.id, row.teamId)).get();
  return { teamName: team?.name ?? "the team" };
}

/** Removes an athlete from a team the viewer coaches: the team's coaches lose access at once. */
export function removeAthlete(db: Db, viewer: Viewer, teamId: string, athleteId: string): void {
  authorizeTeamCoach(db, viewer, teamId);
  const removed = db
    .delete(teamAthletes)
    .where(and(eq(teamAthletes.teamId, teamId), eq(teamAthletes.athleteId, athleteId)))
    .returning({ athleteId: teamAthletes.athleteId })
    .get();
  if (!removed) throw new AppError("not_found", "No such athlete in this team.");
}

/**
 * Sets (or, with an empty value, clears) the label a team's coaches use for an athlete on their roster. The
 * athlete's own display name is unchanged; the label is seen only by the team's coaches.
 */
export function setRosterLabel(db: Db, viewer: Viewer, teamId: string, athleteId: string, raw: unknown): { rosterLabel: string | null } {
  authorizeTeamCoach(db, viewer, teamId);
  let rosterLabel: string | null = null;
  if (typeof raw === "string" && raw.trim().length > 0) {
    const parsed = displayNameSchema.safeParse(raw);
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Enter a label.");
    rosterLabel = parsed.data;
  }
  const updated = db
    .update(teamAthletes)
    .set({ rosterLabel })
    .where(and(eq(teamAthletes.teamId, teamId), eq(teamAthletes.athleteId, athleteId)))
    .returning({ athleteId: teamAthletes.athleteId })
    .get();
  if (!updated) throw new AppError("not_found", "No such athlete in this team.");
  return { rosterLabel };
}

/**
 * The demo's coach and roster, built through the same create/accept functions a person uses: the coach
 * creates a team and an invitation asking for `scopes`, and each athlete accepts it.
 */
export function createDemoCoachTeam(
  db: Db,
  input: { coachUserId: string; athleteUserIds: readonly string[]; scopes: readonly ReadScope[]; teamName?: string; now?: number },
): { teamId: string; invitationId: string } {
  const now = input.now ?? Date.now();
  const viewerOf = (userId: string): Viewer => {
    const user = db.select({ name: users.name, polarUserId: users.polarUserId }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError("not_found", `No user ${userId}.`);
    return { userId, name: user.name, polarUserId: user.polarUserId };
  };
  const coach = viewerOf(input.coachUserId);
  const team = createTeam(db, coach, { name: input.teamName ?? "Demo squad" }, { now });
  const invitation = createInvitation(db, coach, team.teamId, { kind: "athlete", scopes: [...input.scopes] }, { now });
  for (const athleteId of input.athleteUserIds) {
    acceptInvitation(db, viewerOf(athleteId), invitation.token, { scopes: input.scopes }, { now });
  }
  return { teamId: team.teamId, invitationId: invitation.invitationId };
}
