import { requireAthleteAccess, respondApiError } from "@/lib/polar-sim/access";
import { readBearerToken } from "@/lib/polar-sim/auth";
import type { JsonObject, SimAthleteData } from "@/lib/polar-sim/contract";
import { formatUtcMillis } from "@/lib/polar-sim/dates";
import type { SimRequest, SimResponse } from "@/lib/polar-sim/http";
import { parseJsonBody, respondEmpty, respondJson } from "@/lib/polar-sim/http";
import type { Registration, SimContext } from "@/lib/polar-sim/state";
import { toRegistrationKey } from "@/lib/polar-sim/state";

/** Users (§3): register, read, de-register. */

function renderUser(athlete: SimAthleteData, registration: Registration): JsonObject {
  const p = athlete.profile;
  return {
    "polar-user-id": p.userId,
    "member-id": registration.memberId,
    "registration-date": formatUtcMillis(registration.registeredAt),
    "first-name": p.firstName,
    "last-name": p.lastName,
    birthdate: p.birthdate,
    gender: p.gender,
    weight: p.weight,
    height: p.height,
    "extra-info": null,
  };
}

/** `POST /v3/users`: 200 with the user object the first time (not 201), 409 afterwards or for a taken member-id. */
export function handleRegisterUser(ctx: SimContext, request: SimRequest): SimResponse {
  const result = requireAthleteAccess(ctx, request, null);
  if (!result.ok) return result.response;
  const { token, athlete } = result.access;
  const parsed = parseJsonBody(request);
  if (!parsed.ok) return respondApiError(ctx, 400, "Malformed JSON");
  const body = parsed.value;
  const memberId = typeof body === "object" && body !== null && "member-id" in body ? (body as Record<string, unknown>)["member-id"] : undefined;
  if (typeof memberId !== "string" || memberId === "") return respondApiError(ctx, 400, "member-id is required");
  const key = toRegistrationKey(token.clientId, token.userId);
  if (ctx.state.registrations.has(key)) return respondApiError(ctx, 409, "User already registered");
  for (const other of ctx.state.registrations.values()) {
    if (other.clientId === token.clientId && other.memberId === memberId) return respondApiError(ctx, 409, "Member id already in use");
  }
  // Whole seconds, like Polar's `registration-date` (…T07:45:12.000Z) and like upload times: otherwise a
  // session uploaded in the same second as the registration would count as uploaded before it.
  const registeredAt = Math.floor(ctx.clock.now() / 1000) * 1000;
  const registration: Registration = { clientId: token.clientId, userId: token.userId, memberId, registeredAt };
  ctx.state.registrations.set(key, registration);
  return respondJson(200, renderUser(athlete, registration));
}

/** `GET /v3/users/{user-id}`: 200, or 204 when the athlete is not registered with this client. */
export function handleGetUser(ctx: SimContext, request: SimRequest, userId: number): SimResponse {
  const result = requireAthleteAccess(ctx, request, userId);
  if (!result.ok) return result.response;
  const { athlete, registration } = result.access;
  return registration ? respondJson(200, renderUser(athlete, registration)) : respondEmpty(204);
}

/** `DELETE /v3/users/{user-id}`: 204; the token is revoked and nothing is offered any more. Twice: U21. */
export function handleDeleteUser(ctx: SimContext, request: SimRequest, userId: number): SimResponse {
  const value = readBearerToken(request);
  const stale = value ? ctx.state.tokens.get(value) : undefined;
  if (stale && stale.deregistered && stale.userId === userId) {
    const mode = ctx.state.switches.deleteTwice;
    if (mode === "204") return respondEmpty(204);
    if (mode === "404") return respondApiError(ctx, 404, null);
  }
  const result = requireAthleteAccess(ctx, request, userId, false);
  if (!result.ok) return result.response;
  const { token } = result.access;
  ctx.state.registrations.delete(toRegistrationKey(token.clientId, token.userId));
  for (const other of ctx.state.tokens.values()) {
    if (other.clientId === token.clientId && other.userId === token.userId && !other.revoked) {
      other.revoked = true;
      other.deregistered = true;
    }
  }
  for (const transaction of ctx.state.transactions.values()) {
    if (transaction.clientId === token.clientId && transaction.userId === token.userId && transaction.status === "open") {
      transaction.status = "expired";
    }
  }
  return respondEmpty(204);
}
