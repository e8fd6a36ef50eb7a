import { describe, expect, it } from "vitest";
import { AppError, toErrorBody, toErrorResponse } from "@/lib/errors";

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
});
