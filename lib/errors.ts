import { ZodError } from "zod";

/**
 * Typed application errors with stable codes, and the one mapping from errors to HTTP responses.
 * Route handlers call `toErrorResponse`; server actions return `{ ok: false, error }` built from `toErrorBody`.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  polar_unauthorized: 502,
  polar_consent_required: 502,
  polar_unavailable: 503,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Safe for users: never contains tokens, secrets or stack traces. */
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Validation issues as the API reports them: which field, and what is wrong with it. */
export type ValidationIssue = { field: string; message: string };

/**
 * A ZodError as an AppError: `bad_request` (400) for a malformed URL (path or query), `unprocessable` (422)
 * for a well-formed body whose values are wrong. Anything else is returned as it is.
 */
export function fromZodError(error: unknown, code: "bad_request" | "unprocessable" = "bad_request"): unknown {
  if (!(error instanceof ZodError)) return error;
  const issues: ValidationIssue[] = error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
  const message = issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join("; ");
  return new AppError(code, message || "Invalid input.", { issues });
}

export type ErrorBody = { error: { code: AppErrorCode; message: string; details?: Record<string, unknown> } };

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Unknown errors become `internal` with a generic message: their text may carry secrets. */
export function toErrorBody(thrown: unknown): ErrorBody {
  const error = fromZodError(thrown);
  if (isAppError(error)) {
    return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
  }
  return { error: { code: "internal", message: "Something went wrong on our side. Please try again." } };
}

export function errorStatus(thrown: unknown): number {
  const error = fromZodError(thrown);
  return isAppError(error) ? error.status : 500;
}

export function toErrorResponse(thrown: unknown): Response {
  const error = fromZodError(thrown);
  if (!isAppError(error)) {
    console.error("Unexpected error", error instanceof Error ? error.name : typeof error);
  }
  return Response.json(toErrorBody(error), { status: errorStatus(error) });
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };
