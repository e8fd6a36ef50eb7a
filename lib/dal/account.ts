import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { getPolarIdentityDeps } from "@/lib/auth/deps";
import { getConnectionSummary, type ConnectionState, type RegistrationStatus } from "@/lib/auth/connection";
import { deleteAthleteAccount, type DeregistrationResult } from "@/lib/auth/deregistration";
import { checkPolarConnection, registerAthlete } from "@/lib/auth/registration";
import { displayNameSchema } from "@/lib/auth/display-name";
import { requireViewer, type Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** The facts the settings page and the minimal dashboard show. */
export type AccountDTO = {
  name: string | null;
  polarUserId: number | null;
  memberSince: Date;
  connection: {
    state: ConnectionState;
    stateDetail: string | null;
    stateChangedAt: Date | null;
    registrationStatus: RegistrationStatus;
    registrationError: string | null;
    registeredAt: Date | null;
    tokenIssuedAt: Date;
  } | null;
};

export function toAccountDTO(db: Db, viewer: Viewer): AccountDTO {
  const user = db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, viewer.userId)).get();
  if (!user) throw new AppError("unauthenticated", "Your account no longer exists. Sign in with Polar again.");
  const connection = getConnectionSummary(db, viewer.userId);
  return {
    name: viewer.name,
    polarUserId: viewer.polarUserId,
    memberSince: user.createdAt,
    connection: connection
      ? {
          state: connection.state,
          stateDetail: connection.stateDetail,
          stateChangedAt: connection.stateChangedAt,
          registrationStatus: connection.registrationStatus,
          registrationError: connection.registrationError,
          registeredAt: connection.registeredAt,
          tokenIssuedAt: connection.tokenIssuedAt,
        }
      : null,
  };
}

/** The signed-in athlete's account facts. */
export async function getAccount(): Promise<AccountDTO> {
  const viewer = await requireViewer();
  return toAccountDTO(getDb(), viewer);
}

/** Retries AccessLink registration for the signed-in athlete; throws AppError with a readable message on failure. */
export async function retryRegistration(): Promise<{ name: string | null }> {
  const viewer = await requireViewer();
  const outcome = await registerAthlete(getPolarIdentityDeps(), viewer.userId);
  if (outcome.status === "no_connection") {
    throw new AppError("not_found", "No Polar connection is stored for you. Sign in with Polar again.");
  }
  if (outcome.status === "failed") throw new AppError(outcome.failure.code, outcome.failure.message);
  return { name: outcome.name };
}

/** Asks Polar whether the stored token still works and records the state it implies. */
export async function checkConnection(): Promise<{ state: ConnectionState }> {
  const viewer = await requireViewer();
  const check = await checkPolarConnection(getPolarIdentityDeps(), viewer.userId);
  if (!check) throw new AppError("not_found", "No Polar connection is stored for you. Sign in with Polar again.");
  if (check.state === "failed") {
    throw new AppError(check.failure.code, check.failure.message, check.failure.state ? { state: check.failure.state } : undefined);
  }
  return { state: "connected" };
}

/**
 * Stores the name the athlete chose for themselves (the header, their coaches' rosters, reports). Polar's
 * name never overwrites it afterwards (lib/auth/registration.ts fills the name only when there is none).
 */
export function saveDisplayName(db: Db, userId: string, raw: unknown): { name: string } {
  const parsed = displayNameSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Enter a name.");
  db.update(users).set({ name: parsed.data }).where(eq(users.id, userId)).run();
  return { name: parsed.data };
}

/** The signed-in athlete's display name change (Settings and the first-sign-in prompt). */
export async function updateDisplayName(raw: unknown): Promise<{ name: string }> {
  const viewer = await requireViewer();
  return saveDisplayName(getDb(), viewer.userId, raw);
}

/** De-registers the signed-in athlete at Polar and deletes every row they own. */
export async function deleteAccount(): Promise<{ deregistration: DeregistrationResult }> {
  const viewer = await requireViewer();
  const result = await deleteAthleteAccount(getPolarIdentityDeps(), viewer.userId);
  return { deregistration: result.deregistration };
}
