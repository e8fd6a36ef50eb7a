import { authenticateBearer } from "@/lib/polar-sim/auth";
import type { SimAthleteData, SimUpload, SimUploadKind } from "@/lib/polar-sim/contract";
import { DAY_MS, formatUtcMillis, localDateAt } from "@/lib/polar-sim/dates";
import { listDeliveredUploads } from "@/lib/polar-sim/habits";
import type { SimRequest, SimResponse } from "@/lib/polar-sim/http";
import { respondEmpty, respondJson } from "@/lib/polar-sim/http";
import type { AccessToken, Registration, SimContext } from "@/lib/polar-sim/state";
import { createUuidLike, toRegistrationKey } from "@/lib/polar-sim/state";

/** Shared checks of the Bearer routes: token (401), foreign user id (U24), consents (403), registration. */

const ERROR_TYPES: Record<number, string> = {
  400: "BadRequestException",
  401: "UnauthorizedException",
  403: "ForbiddenException",
  404: "NotFoundException",
  409: "ConflictException",
  429: "TooManyRequestsException",
  500: "InternalServerErrorException",
  503: "ServiceUnavailableException",
};

/**
 * An error outside the webhook API. U7 default: Polar's documented codes mostly come without a body, so the body
 * is empty unless a message is part of the contract (the 400 date messages, `Exercise not found`, …); with
 * `errorBodyShape: "spec"` every error carries the flat camelCase model of §9.2.
 */
export function respondApiError(ctx: SimContext, status: number, message: string | null): SimResponse {
  if (ctx.state.switches.errorBodyShape === "spec") {
    return respondJson(status, {
      timestamp: formatUtcMillis(ctx.clock.now()).replace(/\.\d{3}Z$/, "Z"),
      status,
      errorType: ERROR_TYPES[status] ?? "Exception",
      message: message ?? "",
      corrId: createUuidLike(ctx.state, "corr"),
    });
  }
  if (message === null) return respondEmpty(status);
  return respondJson(status, { timestamp: formatUtcMillis(ctx.clock.now()), status, message });
}

export type AthleteAccess = {
  token: AccessToken;
  athlete: SimAthleteData;
  /** null when the athlete has not been registered with the token's client (then nothing is offered). */
  registration: Registration | null;
};

export type AccessResult = { ok: true; access: AthleteAccess } | { ok: false; response: SimResponse };

/**
 * @param pathUserId the `{user-id}` of the path, when the route has one.
 * @param checkConsents false only for `DELETE /v3/users/{id}` (de-registering needs no consents).
 */
export function requireAthleteAccess(ctx: SimContext, request: SimRequest, pathUserId: number | null, checkConsents = true): AccessResult {
  const token = authenticateBearer(ctx, request);
  if (!token) return { ok: false, response: respondApiError(ctx, 401, null) };
  if (pathUserId !== null && pathUserId !== token.userId) {
    return { ok: false, response: respondApiError(ctx, ctx.state.switches.foreignUserStatus, null) };
  }
  const athlete = ctx.state.dataset.athlete(token.userId);
  const flags = ctx.state.athletes.get(token.userId);
  if (!athlete || !flags) return { ok: false, response: respondApiError(ctx, 401, null) };
  if (checkConsents && !flags.consents) return { ok: false, response: respondApiError(ctx, 403, null) };
  const registration = ctx.state.registrations.get(toRegistrationKey(token.clientId, token.userId)) ?? null;
  return { ok: true, access: { token, athlete, registration } };
}

/**
 * Uploads of the given kinds visible now: `uploadedAt <= now`, at or after registration and at or after `fromMs`.
 * Unregistered athletes see nothing (§6.10).
 */
export function listVisibleUploads(ctx: SimContext, access: AthleteAccess, kinds: SimUploadKind[], fromMs: number): SimUpload[] {
  if (!access.registration) return [];
  const from = Math.max(fromMs, access.registration.registeredAt);
  const now = ctx.clock.now();
  return listDeliveredUploads(ctx, access.athlete, from, now + 1).filter((upload) => kinds.includes(upload.kind));
}

/** The athlete's local "today" on the simulator clock. */
export function todayOf(ctx: SimContext, athlete: SimAthleteData): string {
  return localDateAt(ctx.clock.now(), athlete.profile.utcOffsetMinutes);
}

/**
 * Dates (local) of a day-keyed kind whose upload is visible now, within [fromDate, toDate]; before the local
 * registration date nothing is served unless U18 says otherwise.
 */
export function listVisibleDates(ctx: SimContext, access: AthleteAccess, kind: SimUploadKind, fromDate: string, toDate: string): Set<string> {
  const out = new Set<string>();
  if (!access.registration) return out;
  const offset = access.athlete.profile.utcOffsetMinutes;
  const registrationDate = localDateAt(access.registration.registeredAt, offset);
  const firstDate = ctx.state.switches.servePreRegistrationDays || fromDate > registrationDate ? fromDate : registrationDate;
  if (firstDate > toDate) return out;
  // A day's records are uploaded during or after that local day; two days of margin cover every UTC offset.
  const fromMs = Date.parse(`${firstDate}T00:00:00Z`) - 2 * DAY_MS;
  const now = ctx.clock.now();
  for (const upload of listDeliveredUploads(ctx, access.athlete, fromMs, now + 1)) {
    if (upload.kind !== kind || !("date" in upload)) continue;
    if (upload.date >= firstDate && upload.date <= toDate) out.add(upload.date);
  }
  return out;
}
