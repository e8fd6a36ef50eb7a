import "server-only";
import { type z } from "zod";
import { getDb } from "@/db";
import { readBearerToken, recordApiCall, resolveTokenViewer, type TokenViewer } from "@/lib/dal/api-tokens";
import { AppError, fromZodError, toErrorResponse } from "@/lib/errors";
import { createMemoryRateLimiter } from "./rate-limit";
import { toRateLimitedResponse } from "./request-limits";

/**
 * The request pipeline of the token API (`/api/v1/…`, `/api/mcp`), beside `withViewer` (route.ts): Bearer
 * token → viewer (narrowed to the token's scopes) → per-token rate limit → audit → params and query parsed
 * with zod → the handler, which calls the same lib/dal functions as the pages → errors mapped in one place
 * (lib/errors.ts). Cookies are never read and nothing changes state, so the origin guard is not needed.
 */

/** Calls per token per minute, across the REST API and MCP tools. */
export const TOKEN_CALLS_PER_MINUTE = 120;

/** Keyed by token id, behind the app's limiter interface (rate-limit.ts). */
const limiter = createMemoryRateLimiter({ points: TOKEN_CALLS_PER_MINUTE, durationSeconds: 60 });

/** Spends one call of the token's allowance; AppError("rate_limited") with `retryAfterSeconds` when it is used up. */
export async function consumeTokenCall(tokenId: string): Promise<void> {
  const verdict = await limiter.consume(tokenId);
  if (!verdict.ok) {
    throw new AppError("rate_limited", `Too many calls with this token; retry in ${verdict.retryAfterSeconds} s.`, { retryAfterSeconds: verdict.retryAfterSeconds });
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

/** The error answer of a token request: 429 with Retry-After, 401 with the Bearer challenge, the rest as lib/errors maps it. */
export function toTokenErrorResponse(error: unknown): Response {
  if (error instanceof AppError && error.code === "rate_limited" && typeof error.details?.retryAfterSeconds === "number") {
    return toRateLimitedResponse(error.details.retryAfterSeconds);
  }
  const response = toErrorResponse(error);
  if (response.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="threshold"');
  return response;
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
      return toTokenErrorResponse(error);
    }
  };
}
