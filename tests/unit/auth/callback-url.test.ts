import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { REQUEST_PATH_HEADER, signInUrl, toSafeCallbackPath } from "@/lib/auth/callback-url";
import { proxy } from "@/proxy";

describe("toSafeCallbackPath", () => {
  it.each([
    ["/dashboard/sleep?from=2026-11-01", "/dashboard/sleep?from=2026-11-01"],
    ["/athletes/abc/training/42", "/athletes/abc/training/42"],
    ["https://evil.example/", "/dashboard"],
    ["//evil.example/x", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["", "/dashboard"],
    [null, "/dashboard"],
    [42, "/dashboard"],
  ])("%s → %s", (input, expected) => {
    expect(toSafeCallbackPath(input)).toBe(expected);
  });
});

describe("signInUrl", () => {
  it("keeps the page and its query, encoded", () => {
    expect(signInUrl("/dashboard/training/7?x=1")).toBe("/signin?callbackUrl=%2Fdashboard%2Ftraining%2F7%3Fx%3D1");
  });
  it("falls back when the path is missing or foreign", () => {
    expect(signInUrl(null, "/athletes/a")).toBe("/signin?callbackUrl=%2Fathletes%2Fa");
    expect(signInUrl("//evil.example", "/teams")).toBe("/signin?callbackUrl=%2Fteams");
  });
});

describe("proxy", () => {
  it("sends anonymous deep links to sign in with the whole path as callbackUrl", () => {
    const response = proxy(new NextRequest("http://localhost:3000/athletes/abc/sleep?from=2026-11-01"));
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/athletes/abc/sleep?from=2026-11-01");
  });
  it("hands the page's path to the page when a session cookie is present", () => {
    const request = new NextRequest("http://localhost:3000/dashboard/training/9?tab=laps", {
      headers: { cookie: "authjs.session-token=stale" },
    });
    const response = proxy(request);
    expect(response.headers.get("location")).toBeNull();
    // NextResponse.next({ request: { headers } }) forwards overridden request headers as x-middleware-request-*.
    expect(response.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`)).toBe("/dashboard/training/9?tab=laps");
  });
});
