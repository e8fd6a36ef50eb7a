import { z } from "zod";
import { exportArchiveRequestSchema, writeAdminExport, type ExportArchiveRequest, type ExportArchiveResult } from "@/lib/polar-sim/export/admin";
import type { SimUpload } from "@/lib/polar-sim/contract";
import { formatUtcMillis } from "@/lib/polar-sim/dates";
import { MALFORMED_KINDS, chooseMalformedTarget } from "@/lib/polar-sim/faults";
import type { SimRequest, SimResponse } from "@/lib/polar-sim/http";
import { parseJsonBody, respondJson } from "@/lib/polar-sim/http";
import { authorizeAthlete } from "@/lib/polar-sim/oauth";
import type { DeliveryLogEntry, Faults, MalformedKind, RequestLogEntry, SimContext } from "@/lib/polar-sim/state";
import type { SimSwitches } from "@/lib/polar-sim/switches";
import { simSwitchesPatchSchema } from "@/lib/polar-sim/switches";
import type { WebhookDispatcher } from "@/lib/polar-sim/webhooks";

/** The simulator-only control surface (SIM-API.md "Admin HTTP API"), as functions and over HTTP. */

export type SimAdminAthlete = {
  userId: number;
  login: string;
  firstName: string;
  lastName: string;
  story: string;
  /** Registered with any client. */
  registered: boolean;
  revoked: boolean;
  consents: boolean;
  /** ISO instant of the (earliest) registration, or null. */
  registeredAt: string | null;
};

export const uploadRequestSchema = z.object({
  exercises: z.number().int().min(0).max(20).optional(),
  /** Backdates the uploaded sessions by this many days (a late upload of old sessions). */
  exerciseAgeDays: z.number().int().min(0).max(400).optional(),
  sleep: z.boolean().optional(),
  activity: z.boolean().optional(),
});
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

export const faultsRequestSchema = z.object({
  latencyMs: z.number().min(0).max(60_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  burst429: z.number().int().min(0).optional(),
  malformed: z.object({ userId: z.number().int(), kind: z.enum(MALFORMED_KINDS as [MalformedKind, ...MalformedKind[]]) }).nullable().optional(),
  expireTransactions: z.boolean().optional(),
});
export type FaultsRequest = z.infer<typeof faultsRequestSchema>;

export const authorizeRequestSchema = z.object({
  login: z.string(),
  clientId: z.string(),
  redirectUri: z.string().optional(),
  state: z.string().optional(),
  scope: z.string().optional(),
});
export type AuthorizeRequest = z.infer<typeof authorizeRequestSchema>;

export type SimAdmin = {
  listAthletes(): SimAdminAthlete[];
  getClock(): { now: string };
  advanceClock(seconds: number): { now: string };
  setClock(now: string | number): { now: string };
  /** "The watch just synced": new records at the current instant, delivered to the webhook at once. */
  upload(userId: number, what: UploadRequest): SimUpload[];
  revoke(userId: number): void;
  setConsents(userId: number, granted: boolean): void;
  getSwitches(): SimSwitches;
  setSwitches(patch: Partial<SimSwitches>): SimSwitches;
  setFaults(request: FaultsRequest): Faults;
  clearFaults(): Faults;
  listRequests(since?: number): RequestLogEntry[];
  listDeliveries(since?: number): DeliveryLogEntry[];
  /** Resolves once every queued webhook delivery has been attempted. */
  waitForDeliveries(): Promise<void>;
  /** The automation shortcut of the authorization page. Throws when the page would show an error. */
  authorize(request: AuthorizeRequest): { redirect: string };
  /** Back to the initial state of the same seed (clock, dataset, registrations, tokens, switches, logs). */
  reset(): void;
  /** Writes the athlete's "Download your data" archive to a new file in the temp directory (polar-export.md). */
  exportArchive(userId: number, request: ExportArchiveRequest): Promise<ExportArchiveResult>;
};

export class SimAdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createSimAdmin(ctx: SimContext, dispatcher: WebhookDispatcher, resetState: () => void): SimAdmin {
  const requireAthlete = (userId: number): void => {
    if (!ctx.state.dataset.athlete(userId)) throw new SimAdminError(404, `unknown athlete ${userId}`);
  };
  const clockView = (): { now: string } => ({ now: formatUtcMillis(ctx.clock.now()) });
  return {
    exportArchive(userId, request) {
      requireAthlete(userId);
      return writeAdminExport(ctx.state.dataset, userId, request, ctx.clock.now());
    },
    listAthletes(): SimAdminAthlete[] {
      return ctx.state.dataset.athletes.map((athlete) => {
        const p = athlete.profile;
        const flags = ctx.state.athletes.get(p.userId);
        const registrations = [...ctx.state.registrations.values()].filter((r) => r.userId === p.userId);
        const registeredAt = registrations.length === 0 ? null : Math.min(...registrations.map((r) => r.registeredAt));
        return {
          userId: p.userId,
          login: p.login,
          firstName: p.firstName,
          lastName: p.lastName,
          story: p.story,
          registered: registrations.length > 0,
          revoked: flags?.revoked ?? false,
          consents: flags?.consents ?? true,
          registeredAt: registeredAt === null ? null : formatUtcMillis(registeredAt),
        };
      });
    },
    getClock: clockView,
    advanceClock(seconds: number): { now: string } {
      ctx.clock.advance(seconds * 1000);
      return clockView();
    },
    setClock(now: string | number): { now: string } {
      const ms = typeof now === "number" ? now : Date.parse(now);
      if (!Number.isFinite(ms)) throw new SimAdminError(400, `not an instant: ${now}`);
      ctx.clock.set(ms);
      return clockView();
    },
    upload(userId: number, what: UploadRequest): SimUpload[] {
      requireAthlete(userId);
      // Deliver what became visible up to now first, so the fresh uploads are not delivered twice.
      dispatcher.scan();
      const uploads = ctx.state.dataset.uploadNow(userId, ctx.clock.now(), what);
      dispatcher.deliverUploads(uploads);
      return uploads;
    },
    revoke(userId: number): void {
      requireAthlete(userId);
      for (const token of ctx.state.tokens.values()) if (token.userId === userId) token.revoked = true;
      const flags = ctx.state.athletes.get(userId);
      if (flags) flags.revoked = true;
    },
    setConsents(userId: number, granted: boolean): void {
      requireAthlete(userId);
      const flags = ctx.state.athletes.get(userId);
      if (flags) flags.consents = granted;
    },
    getSwitches: () => ({ ...ctx.state.switches }),
    setSwitches(patch: Partial<SimSwitches>): SimSwitches {
      const parsed = simSwitchesPatchSchema.safeParse(patch);
      if (!parsed.success) throw new SimAdminError(400, parsed.error.message);
      ctx.state.switches = { ...ctx.state.switches, ...parsed.data };
      return { ...ctx.state.switches };
    },
    setFaults(request: FaultsRequest): Faults {
      const parsed = faultsRequestSchema.safeParse(request);
      if (!parsed.success) throw new SimAdminError(400, parsed.error.message);
      const faults = ctx.state.faults;
      const input = parsed.data;
      if (input.latencyMs !== undefined) faults.latencyMs = input.latencyMs;
      if (input.errorRate !== undefined) faults.errorRate = input.errorRate;
      if (input.burst429 !== undefined) faults.burst429 = input.burst429;
      if (input.malformed === null) faults.malformed = null;
      if (input.malformed) {
        requireAthlete(input.malformed.userId);
        faults.malformed = chooseMalformedTarget(ctx, input.malformed.userId, input.malformed.kind);
      }
      if (input.expireTransactions) {
        for (const transaction of ctx.state.transactions.values()) if (transaction.status === "open") transaction.status = "expired";
      }
      return { ...faults };
    },
    clearFaults(): Faults {
      ctx.state.faults = { latencyMs: 0, errorRate: 0, burst429: 0, malformed: null };
      return { ...ctx.state.faults };
    },
    listRequests: (since = 0) => ctx.state.requestLog.filter((entry) => entry.seq > since),
    listDeliveries: (since = 0) => ctx.state.deliveries.filter((entry) => entry.seq > since),
    waitForDeliveries: () => dispatcher.idle(),
    authorize(request: AuthorizeRequest): { redirect: string } {
      const parsed = authorizeRequestSchema.safeParse(request);
      if (!parsed.success) throw new SimAdminError(400, parsed.error.message);
      const input = parsed.data;
      const outcome = authorizeAthlete(
        ctx,
        {
          clientId: input.clientId,
          redirectUri: input.redirectUri ?? null,
          responseType: "code",
          scope: input.scope ?? null,
          state: input.state ?? null,
        },
        { login: input.login },
      );
      if (outcome.kind === "page-error") throw new SimAdminError(outcome.status, outcome.message);
      return { redirect: outcome.location };
    },
    reset: resetState,
  };
}

function readObject(request: SimRequest): Record<string, unknown> {
  const parsed = parseJsonBody(request);
  if (!parsed.ok) throw new SimAdminError(400, "malformed JSON");
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SimAdminError(400, "expected a JSON object");
  return value as Record<string, unknown>;
}

/** `/__admin/<segments>`; unknown admin paths answer 404. */
export async function handleAdmin(admin: SimAdmin, request: SimRequest, segments: string[]): Promise<SimResponse> {
  try {
    const route = `${request.method} ${segments.map((s) => (/^\d+$/.test(s) ? ":id" : s)).join("/")}`;
    const userId = Number(segments[1]);
    switch (route) {
      case "GET athletes":
        return respondJson(200, admin.listAthletes());
      case "GET clock":
        return respondJson(200, admin.getClock());
      case "POST clock/advance": {
        const seconds = readObject(request).seconds;
        if (typeof seconds !== "number" || !Number.isFinite(seconds)) throw new SimAdminError(400, "seconds must be a number");
        return respondJson(200, admin.advanceClock(seconds));
      }
      case "POST clock/set": {
        const now = readObject(request).now;
        if (typeof now !== "string" && typeof now !== "number") throw new SimAdminError(400, "now must be an ISO instant");
        return respondJson(200, admin.setClock(now));
      }
      case "POST athletes/:id/upload": {
        const parsed = uploadRequestSchema.safeParse(readObject(request));
        if (!parsed.success) throw new SimAdminError(400, parsed.error.message);
        return respondJson(200, admin.upload(userId, parsed.data));
      }
      case "POST athletes/:id/revoke":
        admin.revoke(userId);
        return respondJson(200, { ok: true });
      case "POST athletes/:id/consents": {
        const granted = readObject(request).granted;
        if (typeof granted !== "boolean") throw new SimAdminError(400, "granted must be a boolean");
        admin.setConsents(userId, granted);
        return respondJson(200, { ok: true });
      }
      case "GET switches":
        return respondJson(200, admin.getSwitches());
      case "POST switches":
        return respondJson(200, admin.setSwitches(readObject(request)));
      case "GET faults":
        return respondJson(200, admin.setFaults({}));
      case "POST faults":
        return respondJson(200, admin.setFaults(readObject(request)));
      case "DELETE faults":
        return respondJson(200, admin.clearFaults());
      case "GET requests":
        return respondJson(200, admin.listRequests(Number(request.query.get("since") ?? 0) || 0));
      case "GET deliveries":
        return respondJson(200, admin.listDeliveries(Number(request.query.get("since") ?? 0) || 0));
      case "POST deliveries/wait":
        await admin.waitForDeliveries();
        return respondJson(200, admin.listDeliveries());
      case "POST oauth/authorize": {
        const body = readObject(request);
        const parsed = authorizeRequestSchema.safeParse(body);
        if (!parsed.success) throw new SimAdminError(400, parsed.error.message);
        return respondJson(200, admin.authorize(parsed.data));
      }
      case "POST athletes/:id/export": {
        const parsed = exportArchiveRequestSchema.safeParse(readObject(request));
        if (!parsed.success) throw new SimAdminError(400, parsed.error.message);
        return respondJson(200, await admin.exportArchive(userId, parsed.data));
      }
      case "POST reset":
        admin.reset();
        return respondJson(200, { ok: true });
      default:
        return respondJson(404, { error: `unknown admin route ${request.method} /__admin/${segments.join("/")}` });
    }
  } catch (error) {
    if (error instanceof SimAdminError) return respondJson(error.status, { error: error.message });
    throw error;
  }
}
