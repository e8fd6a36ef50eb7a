import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REQUEST_PATH_HEADER, signInUrl, toSafeCallbackPath } from "@/lib/auth/callback-url";
import { resetEnvCache } from "@/lib/env";
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
  // The proxy reads the environment (CSP, rate limits): a complete one, restored afterwards.
  const savedEnv = { ...process.env };
  beforeEach(() => {
    process.env = {
      ...savedEnv,
      AUTH_SECRET: "callback-test-auth-secret-0123456789abcdef",
      TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
      POLAR_CLIENT_ID: "c",
      POLAR_CLIENT_SECRET: "c-secret",
      POLAR_AUTH_URL: "http://127.0.0.1:4100/oauth2/authorization",
      APP_URL: "http://localhost:3000",
      AUTH_URL: "http://localhost:3000",
    };
    resetEnvCache();
  });
  afterEach(() => {
    process.env = { ...savedEnv };
    resetEnvCache();
  });

  it("sends anonymous deep links to sign in with the whole path as callbackUrl", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/athletes/abc/sleep?from=2026-11-01"));
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/athletes/abc/sleep?from=2026-11-01");
  });
  it("hands the page's path to the page when a session cookie is present", async () => {
    const request = new NextRequest("http://localhost:3000/dashboard/training/9?tab=laps", {
      headers: { cookie: "authjs.session-token=stale" },
    });
    const response = await proxy(request);
    expect(response.headers.get("location")).toBeNull();
    // NextResponse.next({ request: { headers } }) forwards overridden request headers as x-middleware-request-*.
    expect(response.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`)).toBe("/dashboard/training/9?tab=laps");
  });
});
