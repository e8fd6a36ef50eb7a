import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { polarConnections, users } from "@/db/schema";
import type { PolarUser } from "@/lib/polar";
import { readStoredCredentials, setConnectionState } from "@/lib/auth/connection";
import { describePolarFailure, type PolarFailure } from "@/lib/auth/polar-failure";
import type { AthletePolarApi } from "@/lib/auth/polar-api";

export type PolarIdentityDeps = {
  db: Db;
  /** TOKEN_ENCRYPTION_KEY (64 hex characters). */
  keyHex: string;
  polar: AthletePolarApi;
  now: () => number;
};

export type RegistrationOutcome =
  | { status: "registered"; name: string | null; registeredAt: Date }
  | { status: "failed"; failure: PolarFailure }
  | { status: "no_connection" };

/**
 * Registers the athlete at AccessLink (`POST /v3/users`, §3.1) with our stable member-id. 409 means already
 * registered, which is success; the user object is then read with `GET /v3/users/{id}` for the name and
 * registration date. Until this succeeds the connection stays `pending`/`failed` and sync is refused
 * (getPolarCredentials returns null), so a failure leaves nothing half-registered.
 */
export async function registerAthlete(deps: PolarIdentityDeps, userId: string): Promise<RegistrationOutcome> {
  const stored = readStoredCredentials(deps.db, userId, deps.keyHex);
  if (!stored) return { status: "no_connection" };
  const client = deps.polar.forUser(stored.polarUserId, stored.accessToken);
  try {
    const result = await client.registerUser(stored.memberId);
    const user = result.status === "registered" ? result.user : await readUserQuietly(client);
    const registeredAt = parseRegistrationDate(user) ?? new Date(deps.now());
    const name = toDisplayName(user);
    deps.db.transaction((tx) => {
      tx.update(polarConnections)
        .set({
          registrationStatus: "registered",
          registeredAt,
          registrationError: null,
          ...(user ? { polarProfileJson: JSON.stringify(user) } : {}),
        })
        .where(eq(polarConnections.userId, userId))
        .run();
      if (name) tx.update(users).set({ name }).where(and(eq(users.id, userId), isNull(users.name))).run();
    });
    setConnectionState(deps.db, userId, "connected");
    return { status: "registered", name, registeredAt };
  } catch (error) {
    const failure = describePolarFailure(error);
    deps.db
      .update(polarConnections)
      .set({ registrationStatus: "failed", registrationError: failure.message })
      .where(eq(polarConnections.userId, userId))
      .run();
    if (failure.state) setConnectionState(deps.db, userId, failure.state, failure.message);
    return { status: "failed", failure };
  }
}

export type ConnectionCheck = { state: "connected"; name: string | null } | { state: "failed"; failure: PolarFailure };

/**
 * Asks Polar whether the stored token still works (`GET /v3/users/{id}`) and records the answer: 401 →
 * reconnect needed, 403 → consents needed, 200 → connected (and Polar's name filled in when the athlete has
 * none: a display name the athlete chose is theirs, never overwritten). Transient failures leave
 * the state as it was.
 */
export async function checkPolarConnection(deps: PolarIdentityDeps, userId: string): Promise<ConnectionCheck | null> {
  const stored = readStoredCredentials(deps.db, userId, deps.keyHex);
  if (!stored) return null;
  try {
    const user = await deps.polar.forUser(stored.polarUserId, stored.accessToken).getUser();
    const name = toDisplayName(user);
    deps.db.transaction((tx) => {
      if (user) {
        tx.update(polarConnections)
          .set({ polarProfileJson: JSON.stringify(user) })
          .where(eq(polarConnections.userId, userId))
          .run();
      }
      if (name) tx.update(users).set({ name }).where(and(eq(users.id, userId), isNull(users.name))).run();
    });
    setConnectionState(deps.db, userId, "connected");
    return { state: "connected", name };
  } catch (error) {
    const failure = describePolarFailure(error);
    if (failure.state) setConnectionState(deps.db, userId, failure.state, failure.message);
    return { state: "failed", failure };
  }
}

async function readUserQuietly(client: { getUser(): Promise<PolarUser | null> }): Promise<PolarUser | null> {
  try {
    return await client.getUser();
  } catch {
    // Registration itself succeeded (409); the profile is only for display and is fetched again later.
    return null;
  }
}

function toDisplayName(user: PolarUser | null): string | null {
  if (!user) return null;
  const name = [user["first-name"], user["last-name"]]
    .filter((part): part is string => typeof part === "string" && part.trim().length > 0)
    .join(" ")
    .trim();
  return name.length > 0 ? name : null;
}

function parseRegistrationDate(user: PolarUser | null): Date | null {
  const raw = user?.["registration-date"];
  if (typeof raw !== "string") return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms);
}
