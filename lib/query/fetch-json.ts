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

/** `fetch` for our JSON routes: same-origin cookies, typed result, errors as ApiError. */
export async function fetchJson<T>(url: string, init?: RequestInit & { signal?: AbortSignal }): Promise<T> {
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
  return (await response.json()) as T;
}
