import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/auth";
import { apiAudit, apiTokens, type ApiTokenScope } from "@/db/schema/api-tokens";
import { teamCoaches } from "@/db/schema/teams";
import { isLocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError, fromZodError } from "@/lib/errors";
import { API_TOKEN_SCOPES, ApiTokenScopeSchema } from "./api-token-scopes";

/**
 * Personal access tokens (issue 19). A token is `thr_` + 32 random bytes (base64url), shown once; only its
 * SHA-256 is stored. It reads as its owner through the same access checks as the pages, narrowed to its
 * scopes (`Viewer.tokenScopes`, applied in lib/dal/access.ts). Every call is counted on the token and written
 * to an audit log the owner can read; audit rows older than `AUDIT_RETENTION_DAYS` are pruned on write.
 */

export const API_TOKEN_PREFIX = "thr_";
export const AUDIT_RETENTION_DAYS = 90;
/** A custom expiry date may be at most this far ahead. */
export const MAX_TOKEN_DAYS = 365;
const DAY_MS = 86_400_000;
/** Characters of the token kept in clear for the list (`thr_` + 8). */
const DISPLAY_PREFIX_LENGTH = 12;
const TOKEN_PATTERN = /^thr_[A-Za-z0-9_-]{43}$/;

export const CreateApiTokenInputSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(80, "At most 80 characters"),
  scopes: z.array(ApiTokenScopeSchema).min(1, "Choose at least one data type"),
  /** `30` or `90` days, or the last day of validity (`YYYY-MM-DD`, UTC) at most a year ahead. */
  expiry: z.union([z.literal("30"), z.literal("90"), z.string().refine(isLocalDate, "Expected 30, 90 or a date as YYYY-MM-DD")]),
});
/** As a form sends it: unknown scope names and bad dates are refused by the schema with a message. */
export type CreateApiTokenInput = { name: string; scopes: readonly string[]; expiry: string };

export type ApiTokenStatus = "active" | "expired" | "revoked";

export type ApiTokenDTO = {
  id: string;
  name: string;
  displayPrefix: string;
  scopes: ApiTokenScope[];
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
  callCount: number;
  status: ApiTokenStatus;
};

export type CreatedApiTokenDTO = ApiTokenDTO & { token: string };

export type ApiAuditEntryDTO = { tokenId: string; tokenName: string; target: string; at: number };

/** A viewer resolved from a token, with the token it came from (for counting and auditing the call). */
export type TokenViewer = Viewer & { tokenScopes: ReadonlySet<ApiTokenScope>; tokenId: string };

/** Hex SHA-256 of a token; the only form stored. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function parseScopes(text: string): ApiTokenScope[] {
  const parts = new Set(text.split(","));
  return API_TOKEN_SCOPES.filter((scope) => parts.has(scope));
}

function toStatus(row: { revokedAt: number | null; expiresAt: number }, now: number): ApiTokenStatus {
  if (row.revokedAt !== null) return "revoked";
  return row.expiresAt <= now ? "expired" : "active";
}

function toApiTokenDTO(row: typeof apiTokens.$inferSelect, now: number): ApiTokenDTO {
  return {
    id: row.id,
    name: row.name,
    displayPrefix: row.displayPrefix,
    scopes: parseScopes(row.scopes),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    callCount: row.callCount,
    status: toStatus(row, now),
  };
}

/** The instant a token stops working: now + 30/90 days, or the end (UTC) of the chosen day. */
export function resolveTokenExpiry(expiry: string, now: number): number {
  if (expiry === "30" || expiry === "90") return now + Number(expiry) * DAY_MS;
  const end = Date.parse(`${expiry}T23:59:59.999Z`);
  if (end <= now) throw new AppError("bad_request", "The expiry date must be in the future.");
  if (end > now + MAX_TOKEN_DAYS * DAY_MS) throw new AppError("bad_request", `A token may be valid for at most ${MAX_TOKEN_DAYS} days.`);
  return end;
}

function assertSessionViewer(viewer: Viewer): void {
  // Tokens are managed from the browser only: a token cannot mint, list or revoke tokens.
  if (viewer.tokenScopes) throw new AppError("forbidden", "API tokens are managed in Settings, not through the API.");
}

/** Creates a token for the viewer; the clear token is in the result and nowhere else. */
export function createApiToken(db: Db, viewer: Viewer, input: CreateApiTokenInput, options: { now: number }): CreatedApiTokenDTO {
  assertSessionViewer(viewer);
  const parsed = CreateApiTokenInputSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, "bad_request");
  const scopes = API_TOKEN_SCOPES.filter((scope) => parsed.data.scopes.includes(scope));
  if (scopes.includes("roster")) {
    const coaches = db.select({ teamId: teamCoaches.teamId }).from(teamCoaches).where(eq(teamCoaches.userId, viewer.userId)).get();
    if (!coaches) throw new AppError("bad_request", "The roster scope is for coaches: create a team first.");
  }
  const expiresAt = resolveTokenExpiry(parsed.data.expiry, options.now);
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = db
    .insert(apiTokens)
    .values({
      userId: viewer.userId,
      name: parsed.data.name,
      tokenHash: hashApiToken(token),
      displayPrefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
      scopes: scopes.join(","),
      createdAt: options.now,
      expiresAt,
    })
    .returning()
    .get();
  return { ...toApiTokenDTO(row, options.now), token };
}

/** The viewer's tokens, newest first, with last use and call count. */
export function listApiTokens(db: Db, viewer: Viewer, options: { now: number }): ApiTokenDTO[] {
  assertSessionViewer(viewer);
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, viewer.userId))
    .orderBy(desc(apiTokens.createdAt))
    .all()
    .map((row) => toApiTokenDTO(row, options.now));
}

/** Revokes one of the viewer's tokens (idempotent); someone else's token is `not_found`. */
export function revokeApiToken(db: Db, viewer: Viewer, tokenId: string, options: { now: number }): ApiTokenDTO {
  assertSessionViewer(viewer);
  const existing = db.select().from(apiTokens).where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, viewer.userId))).get();
  if (!existing) throw new AppError("not_found", "No such token.");
  if (existing.revokedAt !== null) return toApiTokenDTO(existing, options.now);
  const row = db.update(apiTokens).set({ revokedAt: options.now }).where(eq(apiTokens.id, tokenId)).returning().get();
  return toApiTokenDTO(row ?? existing, options.now);
}

/** The latest audited calls of the viewer's tokens (newest first). */
export function listApiAudit(db: Db, viewer: Viewer, options: { limit?: number } = {}): ApiAuditEntryDTO[] {
  assertSessionViewer(viewer);
  return db
    .select({ tokenId: apiAudit.tokenId, tokenName: apiTokens.name, target: apiAudit.target, at: apiAudit.at })
    .from(apiAudit)
    .innerJoin(apiTokens, eq(apiTokens.id, apiAudit.tokenId))
    .where(eq(apiAudit.userId, viewer.userId))
    .orderBy(desc(apiAudit.at), desc(apiAudit.id))
    .limit(options.limit ?? 50)
    .all();
}

/** The `Authorization: Bearer thr_…` token of a request, or null. Cookies are never read. */
export function readBearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match ? match[1] : null;
}

/**
 * The viewer behind a token. Absent, malformed, unknown, revoked and expired tokens are all the same
 * `unauthenticated` (401), so a caller learns nothing about which tokens exist.
 */
export function resolveTokenViewer(db: Db, token: string | null, options: { now: number }): TokenViewer {
  const refused = new AppError("unauthenticated", "Send a valid, unexpired API token as `Authorization: Bearer thr_…`.");
  if (!token || !TOKEN_PATTERN.test(token)) throw refused;
  const row = db
    .select({ token: apiTokens, polarUserId: users.polarUserId, name: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)))
    .get();
  if (!row || toStatus(row.token, options.now) !== "active") throw refused;
  return {
    userId: row.token.userId,
    polarUserId: row.polarUserId,
    name: row.name,
    tokenScopes: new Set(parseScopes(row.token.scopes)),
    tokenId: row.token.id,
  };
}

/** Refuses a call that needs a scope the token lacks (roster, check-ins: not covered by the sharing check). */
export function requireTokenScope(viewer: TokenViewer, scope: ApiTokenScope): void {
  if (!viewer.tokenScopes.has(scope)) throw new AppError("forbidden", `This token does not have the "${scope}" scope.`);
}

/** Counts the call on the token, writes the audit row and prunes audit rows past the retention period. */
export function recordApiCall(db: Db, viewer: TokenViewer, target: string, options: { now: number }): void {
  db.transaction((tx) => {
    tx.update(apiTokens)
      .set({ lastUsedAt: options.now, callCount: sql`${apiTokens.callCount} + 1` })
      .where(eq(apiTokens.id, viewer.tokenId))
      .run();
    tx.insert(apiAudit).values({ tokenId: viewer.tokenId, userId: viewer.userId, target, at: options.now }).run();
    tx.delete(apiAudit).where(lt(apiAudit.at, options.now - AUDIT_RETENTION_DAYS * DAY_MS)).run();
  });
}

/** What Settings → API access shows: the tokens, the recent calls, and the scopes the viewer may grant. */
export function getApiAccessView(db: Db, viewer: Viewer, options: { now?: number } = {}): { tokens: ApiTokenDTO[]; audit: ApiAuditEntryDTO[]; grantableScopes: ApiTokenScope[] } {
  const now = options.now ?? Date.now();
  const isCoach = db.select({ teamId: teamCoaches.teamId }).from(teamCoaches).where(eq(teamCoaches.userId, viewer.userId)).get() !== undefined;
  return {
    tokens: listApiTokens(db, viewer, { now }),
    audit: listApiAudit(db, viewer, { limit: 50 }),
    grantableScopes: API_TOKEN_SCOPES.filter((scope) => scope !== "roster" || isCoach),
  };
}
