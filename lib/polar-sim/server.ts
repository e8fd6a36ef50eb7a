import type http from "node:http";
import { respondApiError } from "@/lib/polar-sim/access";
import type { SimAdmin } from "@/lib/polar-sim/admin";
import { handleAdmin } from "@/lib/polar-sim/admin";
import { authenticateBearer, identifyClientId } from "@/lib/polar-sim/auth";
import { formatUtcMillis } from "@/lib/polar-sim/dates";
import type { SimRequest, SimResponse } from "@/lib/polar-sim/http";
import { readHeader, respondEmpty, respondJson } from "@/lib/polar-sim/http";
import { handleExercises } from "@/lib/polar-sim/exercises";
import { handleAuthorizeForm, handleAuthorizePage, handleToken } from "@/lib/polar-sim/oauth";
import { applyRateLimit } from "@/lib/polar-sim/rate-limit";
import type { SimContext } from "@/lib/polar-sim/state";
import { findTransactionType, handleNotifications, handleTransactionRoute } from "@/lib/polar-sim/transactions";
import { handleDeleteUser, handleGetUser, handleRegisterUser } from "@/lib/polar-sim/users";
import { handleWebhooks } from "@/lib/polar-sim/webhooks";
import { handleUserWindowed } from "@/lib/polar-sim/windowed";

/** HTTP plumbing: body reading, routing, faults, rate-limit headers on every response, the request log. */

const MAX_BODY_BYTES = 1_000_000;

async function routeApi(ctx: SimContext, request: SimRequest, segments: string[]): Promise<SimResponse> {
  const method = request.method;
  const path = segments.join("/");
  if (path === "oauth2/authorization") {
    if (method === "GET") return handleAuthorizePage(ctx, request);
    if (method === "POST") return handleAuthorizeForm(ctx, request);
    return respondEmpty(405);
  }
  if (path === "v2/oauth2/token") return method === "POST" ? handleToken(ctx, request) : respondEmpty(405);
  if (segments[0] !== "v3") return respondApiError(ctx, 404, null);
  const [, resource, ...rest] = segments;
  if (resource === "notifications" && rest.length === 0) return method === "GET" ? handleNotifications(ctx, request) : respondEmpty(405);
  if (resource === "webhooks") return handleWebhooks(ctx, request, rest);
  if (resource === "exercises") return method === "GET" ? handleExercises(ctx, request, rest) : respondEmpty(405);
  if (resource !== "users") return respondApiError(ctx, 404, null);
  if (rest.length === 0) return method === "POST" ? handleRegisterUser(ctx, request) : respondEmpty(405);
  const [first, second, ...more] = rest;
  if (first !== undefined && /^\d+$/.test(first)) {
    const userId = Number(first);
    if (second === undefined) {
      if (method === "GET") return handleGetUser(ctx, request, userId);
      if (method === "DELETE") return handleDeleteUser(ctx, request, userId);
      return respondEmpty(405);
    }
    const type = findTransactionType(second);
    if (type) return handleTransactionRoute(ctx, request, userId, type, more);
    return respondApiError(ctx, 404, null);
  }
  return handleUserWindowed(ctx, request, rest) ?? respondApiError(ctx, 404, null);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function splitPath(pathname: string): string[] | null {
  try {
    return pathname
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Faults and limits apply to the AccessLink API only, not to the OAuth pages nor the admin API. */
async function handleApiRequest(ctx: SimContext, request: SimRequest, segments: string[]): Promise<SimResponse> {
  const isApi = segments[0] === "v3";
  const isToken = segments.join("/") === "v2/oauth2/token";
  const attributed = identifyClientId(ctx, request);
  const defaultClientId = ctx.state.clients[0]?.clientId ?? "";
  const clientId = attributed?.clientId ?? defaultClientId;
  const counterKey = attributed?.basic && ctx.state.switches.separateBasicCounters ? `basic:${clientId}` : clientId;
  const rate = applyRateLimit(ctx, counterKey, clientId, attributed !== null && (isApi || isToken));
  const withRate = (response: SimResponse): SimResponse => ({ ...response, headers: { ...response.headers, ...rate.headers } });
  if (isApi) {
    const faults = ctx.state.faults;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.burst429 > 0) {
      faults.burst429 -= 1;
      return withRate(respondEmpty(429));
    }
    if (faults.errorRate > 0 && ctx.state.faultRandom() < faults.errorRate) return withRate(respondEmpty(503));
  }
  // 429 with an empty body and, by default, no Retry-After (U8).
  if (rate.limited) return withRate(respondEmpty(429));
  if (isApi && ctx.state.switches.missingAccept === "406" && !readHeader(request, "accept")) return withRate(respondEmpty(406));
  return withRate(await routeApi(ctx, request, segments));
}

export type SimServerDeps = { ctx: SimContext; admin: SimAdmin };

/** The request listener; attached once the server listens (rendered records need its URL). */
export function createSimRequestListener({ ctx, admin }: SimServerDeps): http.RequestListener {
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const segments = splitPath(url.pathname);
    const body = await readBody(req);
    let response: SimResponse;
    let userId: number | undefined;
    const isAdmin = segments !== null && segments[0] === "__admin";
    if (segments === null) {
      response = respondJson(400, { error: "malformed path" });
    } else if (body === null) {
      response = respondEmpty(413);
    } else {
      const request: SimRequest = { method, path: url.pathname, query: url.searchParams, headers: req.headers, body };
      try {
        if (isAdmin) {
          response = await handleAdmin(admin, request, segments.slice(1));
        } else {
          userId = authenticateBearer(ctx, request)?.userId;
          response = await handleApiRequest(ctx, request, segments);
        }
      } catch (error) {
        // Bad input must never take the simulator down: the request fails alone.
        const message = error instanceof Error ? error.message : String(error);
        response = respondJson(500, { error: "internal simulator error", message });
      }
    }
    if (!("RateLimit-Usage" in response.headers)) {
      // Unmetered traffic (admin, malformed requests) still reports the default client's windows.
      const clientId = ctx.state.clients[0]?.clientId ?? "";
      response = { ...response, headers: { ...response.headers, ...applyRateLimit(ctx, clientId, clientId, false).headers } };
    }
    if (!isAdmin) {
      // The request log covers the API and OAuth traffic, not the admin calls that read it.
      ctx.state.requestLog.push({
        seq: ctx.state.requestLog.length + 1,
        method,
        path: url.pathname + url.search,
        status: response.status,
        ...(userId === undefined ? {} : { userId }),
        at: formatUtcMillis(ctx.clock.now()),
      });
    }
    const headers: Record<string, string | number> = { ...response.headers };
    if (response.body) headers["content-length"] = response.body.length;
    res.writeHead(response.status, headers);
    res.end(response.body ?? undefined);
  };

  return (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}
