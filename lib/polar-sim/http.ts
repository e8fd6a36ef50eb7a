import type { JsonValue } from "@/lib/polar-sim/contract";

/** What a route handler answers; the server adds rate-limit headers, logs it and writes it. */
export type SimResponse = { status: number; headers: Record<string, string>; body: Buffer | null };

/** A parsed request as the handlers see it. */
export type SimRequest = {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

export function respondJson(status: number, value: JsonValue, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", ...headers },
    body: Buffer.from(JSON.stringify(value), "utf8"),
  };
}

/** 204s, and the empty 401/403/404 bodies Polar sends (U7 default). */
export function respondEmpty(status: number, headers: Record<string, string> = {}): SimResponse {
  return { status, headers, body: null };
}

export function respondText(status: number, text: string, contentType = "text/plain;charset=UTF-8"): SimResponse {
  return { status, headers: { "content-type": contentType }, body: Buffer.from(text, "utf8") };
}

export function respondHtml(status: number, html: string): SimResponse {
  return respondText(status, html, "text/html;charset=UTF-8");
}

export function respondRedirect(location: string): SimResponse {
  return { status: 302, headers: { location }, body: null };
}

export function readHeader(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false };

/** An empty body counts as `{}` (Polar's commit PUT and activate POST carry none). */
export function parseJsonBody(request: SimRequest): ParsedJson {
  const text = request.body.toString("utf8").trim();
  if (text === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
