import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { resetRequestLimits } from "@/lib/http/request-limits";
import { buildPagePolicy } from "@/lib/http/security-headers";
import { config, proxy } from "@/proxy";
import { createTestDb } from "@/tests/fixtures/db";

// The webhook route, which the proxy skips, is called for real over a throw-away database.
const unit = createTestDb();
vi.mock("@/db", () => ({ getDb: () => unit.db }));
vi.mock("@/lib/sync/scheduler", () => ({ getAppWebhookDispatcher: async () => ({ notify: () => undefined, stop: () => undefined }) }));
const { POST: postWebhook } = await import("@/app/api/webhooks/polar/route");
afterAll(() => unit.close());

/**
 * Finding 18.3: no security headers. Every page and API route of app/ is found on disk and sent through the
 * proxy (where the headers are set), signed in and signed out. The browser check that the CSP breaks nothing
 * is tests/e2e/csp.spec.ts.
 */

const APP_DIR = path.join(process.cwd(), "app");
const savedEnv = { ...process.env };

function setEnv(appUrl: string): void {
  process.env = {
    ...savedEnv,
    NODE_ENV: "production",
    AUTH_SECRET: "headers-test-auth-secret-0123456789abcdef",
    TOKEN_ENCRYPTION_KEY: "cd".repeat(32),
    POLAR_CLIENT_ID: "h",
    POLAR_CLIENT_SECRET: "h-secret",
    POLAR_AUTH_URL: "http://127.0.0.1:4100/oauth2/authorization",
    APP_URL: appUrl,
    AUTH_URL: appUrl,
  };
  resetEnvCache();
}

beforeEach(() => {
  setEnv("http://localhost:3000");
  resetRequestLimits();
});
afterEach(() => {
  process.env = { ...savedEnv };
  resetEnvCache();
});

/** Every page.tsx / route.ts under app/, as a URL path with sample values for its dynamic segments. */
function listRoutes(file: "page.tsx" | "route.ts"): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === file) found.push(path.relative(APP_DIR, dir));
    }
  };
  walk(APP_DIR);
  return found.map((dir) => {
    const segments = dir
      .split(path.sep)
      .filter((segment) => segment !== "" && !segment.startsWith("("))
      .map((segment) => (segment.startsWith("[...") ? "polar" : segment.startsWith("[") ? "sample-id" : segment));
    return `/${segments.join("/")}`;
  });
}

const PAGES = listRoutes("page.tsx");
const APIS = listRoutes("route.ts");

function get(pathname: string, signedIn: boolean): NextRequest {
  const headers = new Headers({ "x-forwarded-for": "203.0.113.1" });
  if (signedIn) headers.set("cookie", "authjs.session-token=test-token");
  return new NextRequest(`http://localhost:3000${pathname}`, { headers });
}

function expectCommonHeaders(response: Response): void {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("permissions-policy")).toContain("camera=()");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
}

describe("security headers on every page (18.3)", () => {
  it("finds the app's pages and APIs", () => {
    expect(PAGES).toEqual(expect.arrayContaining(["/", "/signin", "/dashboard", "/settings", "/teams/sample-id"]));
    expect(APIS).toEqual(expect.arrayContaining(["/api/sync", "/api/export", "/api/webhooks/polar"]));
  });

  it.each(PAGES)("%s carries a nonce CSP, signed in and signed out, and hands the nonce to the render", async (pathname) => {
    for (const signedIn of [true, false]) {
      const response = await proxy(get(pathname, signedIn));
      const policy = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce, policy).toBeDefined();
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expectCommonHeaders(response);
      expect(response.headers.get("strict-transport-security")).toBeNull();
      if (response.status !== 307) {
        // What the page render sees: the same nonce in x-nonce and in the request's CSP (Next nonces its scripts).
        expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
        expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      }
    }
  });

  it("a fresh nonce for every request", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const policy = (await proxy(get("/dashboard", true))).headers.get("content-security-policy") ?? "";
      nonces.add(/'nonce-([^']+)'/.exec(policy)?.[1] ?? "");
    }
    expect(nonces.size).toBe(20);
  });

  it("lets the sign-in form post on to Polar's authorization page and nowhere else", async () => {
    const policy = (await proxy(get("/signin", false))).headers.get("content-security-policy") ?? "";
    expect(policy).toContain("form-action 'self' http://127.0.0.1:4100;");
  });

  it("still sends anonymous visitors of app pages to /signin", async () => {
    const response = await proxy(get("/dashboard/sleep?range=90d", false));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost:3000/signin?callbackUrl=%2Fdashboard%2Fsleep%3Frange%3D90d");
    expect((await proxy(get("/", false))).status).toBe(200);
  });

  it("adds HSTS and upgrade-insecure-requests only when APP_URL is https", async () => {
    setEnv("https://threshold.example.org");
    const response = await proxy(get("/dashboard", true));
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}/);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("allows eval only in development (React's dev tooling)", () => {
    const options = { nonce: "n", formActionOrigins: [], isHttps: false };
    expect(buildPagePolicy({ ...options, isDevelopment: true })).toContain("'unsafe-eval'");
    expect(buildPagePolicy({ ...options, isDevelopment: false })).not.toContain("'unsafe-eval'");
  });
});

describe("security headers on every API (18.3)", () => {
  it.each(APIS)("%s answers with a no-content CSP and the common headers", async (pathname) => {
    const response = await proxy(get(pathname, true));
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expectCommonHeaders(response);
  });

  it("the proxy runs for every page and API but the webhook, and skips Next's build assets", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    const webhook = "/api/webhooks/polar";
    for (const pathname of [...PAGES, ...APIS]) expect(matcher.test(pathname), pathname).toBe(pathname !== webhook);
    expect(matcher.test("/_next/static/chunks/app.js")).toBe(false);
  });

  it("the webhook route, which the proxy skips, sets the API headers itself", async () => {
    const response = await postWebhook(new Request("http://localhost:3000/api/webhooks/polar", { method: "POST", body: "{}" }));
    expect(response.status).toBe(401);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expectCommonHeaders(response);
  });
});
