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

export type ErrorBody = { error: { code: AppErrorCode; message: string; details?: Record<string, unknown> } };

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Unknown errors become `internal` with a generic message: their text may carry secrets. */
export function toErrorBody(error: unknown): ErrorBody {
  if (isAppError(error)) {
    return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
  }
  return { error: { code: "internal", message: "Something went wrong on our side. Please try again." } };
}

export function errorStatus(error: unknown): number {
  return isAppError(error) ? error.status : 500;
}

export function toErrorResponse(error: unknown): Response {
  if (!isAppError(error)) {
    console.error("Unexpected error", error instanceof Error ? error.name : typeof error);
  }
  return Response.json(toErrorBody(error), { status: errorStatus(error) });
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };
