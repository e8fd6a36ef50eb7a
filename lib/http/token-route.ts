import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { type z } from "zod";
import { getDb } from "@/db";
import { readBearerToken, recordApiCall, resolveTokenViewer, type TokenViewer } from "@/lib/dal/api-tokens";
import { AppError, fromZodError, toErrorResponse } from "@/lib/errors";

/**
 * The request pipeline of the token API (`/api/v1/…`, `/api/mcp`), beside `withViewer` (route.ts): Bearer
 * token → viewer (narrowed to the token's scopes) → per-token rate limit → audit → params and query parsed
 * with zod → the handler, which calls the same lib/dal functions as the pages → errors mapped in one place
 * (lib/errors.ts). Cookies are never read and nothing changes state, so the origin guard is not needed.
 */

/** Calls per token per minute, across the REST API and MCP tools. */
export const TOKEN_CALLS_PER_MINUTE = 120;

const limiter = new RateLimiterMemory({ points: TOKEN_CALLS_PER_MINUTE, duration: 60 });

/** Spends one call of the token's allowance; 429 with `retryAfterSeconds` when it is used up. */
export async function consumeTokenCall(tokenId: string): Promise<void> {
  try {
    await limiter.consume(tokenId, 1);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError("rate_limited", `Too many calls with this token; retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}

/**
 * Authenticates a token request and records the call (`target`: the route pattern or `mcp:<tool>`).
 * @throws AppError("unauthenticated") for an absent, wrong, revoked or expired token; ("rate_limited") past the limit.
 */
export async function authenticateTokenCall(request: Request, target: string, now = Date.now()): Promise<TokenViewer> {
  const db = getDb();
  const viewer = resolveTokenViewer(db, readBearerToken(request.headers), { now });
  await consumeTokenCall(viewer.tokenId);
  recordApiCall(db, viewer, target, { now });
  return viewer;
}

/** A zod failure in the URL → 400 naming each bad field (the pipeline's mapping, lib/errors.ts `fromZodError`). */
export function parseRequestPart<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw fromZodError(parsed.error, "bad_request");
}

export type TokenRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type TokenRouteSpec<P extends z.ZodType, Q extends z.ZodType> = {
  /** The route as documented (`/api/v1/athletes/{id}/daily`); audited as `GET <path>`. */
  path: string;
  params: P;
  query: Q;
};

/** Wraps a read-only `/api/v1` handler; it returns a JSON-serialisable body sent with `no-store`. */
export function withToken<P extends z.ZodType, Q extends z.ZodType>(
  spec: TokenRouteSpec<P, Q>,
  handler: (input: { viewer: TokenViewer; params: z.output<P>; query: z.output<Q> }) => unknown,
): (request: Request, context?: TokenRouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const viewer = await authenticateTokenCall(request, `GET ${spec.path}`);
      const params = parseRequestPart(spec.params, (await context?.params) ?? {});
      const query = parseRequestPart(spec.query, Object.fromEntries(new URL(request.url).searchParams.entries()));
      const body = await handler({ viewer, params, query });
      return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      const response = toErrorResponse(error);
      if (error instanceof AppError && error.code === "rate_limited" && typeof error.details?.retryAfterSeconds === "number") {
        response.headers.set("Retry-After", String(error.details.retryAfterSeconds));
      }
      if (response.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="threshold"');
      return response;
    }
  };
}
