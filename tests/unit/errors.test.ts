import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, fromZodError, toErrorBody, toErrorResponse } from "@/lib/errors";

describe("error mapping", () => {
  it.each([
    ["bad_request", 400],
    ["unauthenticated", 401],
    ["not_found", 404],
    ["conflict", 409],
    ["rate_limited", 429],
  ] as const)("maps %s to HTTP %i with its code and message", async (code, status) => {
    const response = toErrorResponse(new AppError(code, "Explained to the user", { field: "from" }));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { code, message: "Explained to the user", details: { field: "from" } },
    });
  });

  it("hides the text of unexpected errors, which may carry secrets", () => {
    const body = toErrorBody(new Error("Bearer 9b1f0c5ad2e84c7fa3d61b0e27c94f58 rejected"));
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("9b1f0c5ad2e84c7fa3d61b0e27c94f58");
  });

  it("maps a ZodError to 400 bad_request with its issues, not to internal", async () => {
    const parsed = z.object({ from: z.string() }).safeParse({ from: 5 });
    expect(parsed.success).toBe(false);
    const response = toErrorResponse(parsed.error);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; details: { issues: { field: string }[] } } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(/^from: /);
    expect(body.error.details.issues.map((issue) => issue.field)).toEqual(["from"]);
  });

  it("maps a body's ZodError to 422 when asked, and leaves other errors alone", () => {
    const parsed = z.number().safeParse("x");
    const error = fromZodError(parsed.error, "unprocessable");
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "unprocessable", status: 422 });
    const other = new Error("boom");
    expect(fromZodError(other)).toBe(other);
  });
});
