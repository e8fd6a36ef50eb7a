import "server-only";
import type { z } from "zod";
import { requireViewer, type Viewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError, fromZodError, toErrorResponse } from "@/lib/errors";
import { checkSameOrigin, isJsonContentType, isSafeMethod } from "./same-origin";

/**
 * The one request pipeline of the JSON route handlers (issue 14 §4, issue 18 §2): origin guard for
 * state-changing methods → the signed-in viewer → params, query and body parsed with zod → the handler →
 * errors mapped in one place (lib/errors.ts). A ZodError from the URL is 400, from a body 422; an AppError
 * keeps its status; anything else is logged and answered 500 without its text.
 */

/** Route params as Next passes them: a promise of the dynamic segments (already percent-decoded). */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type Schema = z.ZodType;
type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> = {
  params?: P;
  query?: Q;
  /** When set, the request must carry `Content-Type: application/json` and a body this schema accepts. */
  body?: B;
};

export type RouteInput<P, Q, B> = {
  request: Request;
  viewer: Viewer;
  params: Output<P>;
  query: Output<Q>;
  body: Output<B>;
};

/** Refuses a state-changing request that does not come from the app's own pages (403). */
export function assertSameOrigin(request: Request): void {
  if (isSafeMethod(request.method)) return;
  const verdict = checkSameOrigin(request.headers, getEnv().APP_URL);
  if (!verdict.ok) throw new AppError("forbidden", verdict.reason);
}

function parseWith<S extends Schema | undefined>(schema: S | undefined, value: unknown, code: "bad_request" | "unprocessable"): Output<S> {
  if (!schema) return undefined as Output<S>;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error, code);
  return parsed.data as Output<S>;
}

/** Query parameters as an object; a repeated key keeps its last value (no route takes a list). */
function toQueryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

async function readJsonBody(request: Request): Promise<unknown> {
  if (!isJsonContentType(request.headers)) throw new AppError("unsupported_media_type", "Send the body as application/json.");
  try {
    return (await request.json()) as unknown;
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}

/**
 * Wraps a route handler in the pipeline. The handler receives the viewer and parsed input and returns a
 * Response; it may throw AppError (or ZodError) for expected failures.
 */
export function withViewer<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (input: RouteInput<P, Q, B>) => Promise<Response> | Response,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      assertSameOrigin(request);
      const viewer = await requireViewer();
      const params = parseWith(spec.params, (await context?.params) ?? {}, "bad_request");
      const query = parseWith(spec.query, toQueryObject(request), "bad_request");
      const body = parseWith(spec.body, spec.body ? await readJsonBody(request) : undefined, "unprocessable");
      return await handler({ request, viewer, params, query, body });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
