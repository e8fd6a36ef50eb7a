import type { z } from "zod";
import { PolarError, redactSecrets } from "./errors";
import type { PolarResponse } from "./http";
import { formatIssuePath } from "./schemas/common";
import { isIsoDate } from "./time";
import type { Lenient } from "./client-types";

/** Validates one payload; a mismatch throws invalid_payload with the zod path and the raw body (secrets redacted). */
export function validateOne<S extends z.ZodType>(schema: S, body: unknown, response: PolarResponse, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatIssuePath(issue.path) : "";
  throw new PolarError(
    "invalid_payload",
    `Polar ${what} failed validation at ${path === "" ? "(root)" : path}: ${issue ? issue.message : "invalid"}`,
    { status: response.status, url: response.url, raw: redactSecrets(body), path },
  );
}

export type Checked<T> = { valid: { data: T; raw: unknown }[]; invalid: Lenient<T>["invalid"] };

/** Validates each element on its own so that one bad element never hides the rest; valid ones keep their raw JSON. */
export function checkEach<S extends z.ZodType>(schema: S, elements: readonly unknown[], pathPrefix: string): Checked<z.output<S>> {
  const out: Checked<z.output<S>> = { valid: [], invalid: [] };
  elements.forEach((element, index) => {
    const result = schema.safeParse(element);
    if (result.success) {
      out.valid.push({ data: result.data, raw: element });
      return;
    }
    const issue = result.error.issues[0];
    const inner = issue ? formatIssuePath(issue.path) : "";
    const prefix = pathPrefix === "" ? String(index) : `${pathPrefix}.${index}`;
    out.invalid.push({ raw: element, error: issue ? issue.message : "invalid", path: inner === "" ? prefix : `${prefix}.${inner}` });
  });
  return out;
}

export function validateEach<S extends z.ZodType>(schema: S, elements: readonly unknown[], pathPrefix: string): Lenient<z.output<S>> {
  const checked = checkEach(schema, elements, pathPrefix);
  return { items: checked.valid.map((entry) => entry.data), invalid: checked.invalid };
}

export function createEmptyLenient<T>(): Lenient<T> {
  return { items: [], invalid: [] };
}

export function requireArray(value: unknown, response: PolarResponse, what: string, path: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new PolarError("invalid_payload", `Polar ${what} failed validation at ${path === "" ? "(root)" : path}: expected an array`, {
    status: response.status,
    url: response.url,
    raw: redactSecrets(response.body),
    path,
  });
}

export function readField(body: unknown, key: string): unknown {
  return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
}

export function requireDate(value: string, name: string): string {
  if (!isIsoDate(value)) throw new PolarError("bad_request", `${name} must be a YYYY-MM-DD date`);
  return value;
}

export function createNoDataError(response: PolarResponse, what: string): PolarError {
  return new PolarError("not_found", `Polar ${what} answered 204 (no data)`, { status: response.status, url: response.url });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof PolarError && error.code === "not_found";
}
