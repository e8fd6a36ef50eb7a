import type { z } from "zod";

/** Error thrown for a non-2xx JSON response; carries the API's stable error code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

type ErrorPayload = { error?: { code?: string; message?: string } };

/**
 * `fetch` for our JSON routes: same-origin cookies, errors as ApiError, and the body parsed with the route's
 * schema (lib/contracts), so a response that does not match the contract fails loudly instead of being cast.
 */
export async function fetchJson<S extends z.ZodType>(url: string, schema: S, init?: RequestInit & { signal?: AbortSignal }): Promise<z.output<S>> {
  const response = await fetch(url, { ...init, credentials: "same-origin", headers: { accept: "application/json", ...init?.headers } });
  if (!response.ok) {
    let payload: ErrorPayload = {};
    try {
      payload = (await response.json()) as ErrorPayload;
    } catch {
      // A non-JSON error page: the status is all we know.
    }
    throw new ApiError(response.status, payload.error?.code ?? "http_error", payload.error?.message ?? `Request failed (${response.status})`);
  }
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, "invalid_response", `Unexpected response from ${new URL(url, "http://app").pathname}`);
  return parsed.data;
}

/** A JSON POST to one of our routes (the origin guard wants `application/json` where a body is sent). */
export function postJson<S extends z.ZodType>(url: string, schema: S, body?: unknown): Promise<z.output<S>> {
  return fetchJson(url, schema, {
    method: "POST",
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
}
