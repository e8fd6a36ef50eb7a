import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema/auth";
import { hashSessionToken } from "@/lib/auth/session-store";
import { nextStartArgs } from "@/scripts/support/next-start";

/**
 * The production app (`next start` over the build in .next) on a loopback port, reading a database the bench
 * prepared, so a page's server time can be measured the way a browser asks for it: one GET with the
 * athlete's session cookie, timed until the last byte of the streamed response.
 */

export function hasProductionBuild(): boolean {
  return fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A database session for the user, stored hashed as the adapter stores one; returns the cookie that carries it. */
export function signInBySession(db: Db, userId: string): string {
  const token = randomBytes(32).toString("hex");
  db.insert(sessions)
    .values({ sessionToken: hashSessionToken(token), userId, expires: new Date(Date.now() + 24 * 3_600_000) })
    .run();
  // Plain http on loopback: Auth.js uses the unprefixed cookie name.
  return `authjs.session-token=${token}`;
}

export type PageServer = { url: string; /** The `next start` process (for its memory). */ pid: number; close(): Promise<void> };

export async function startPageServer(databasePath: string): Promise<PageServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_PATH: databasePath,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    APP_URL: url,
    AUTH_URL: url,
    // Nothing is synced while pages are timed: Polar's URLs point at a closed loopback port.
    POLAR_CLIENT_ID: "bench",
    POLAR_CLIENT_SECRET: "bench",
    POLAR_AUTH_URL: "http://127.0.0.1:9/oauth2/authorization",
    POLAR_TOKEN_URL: "http://127.0.0.1:9/v2/oauth2/token",
    POLAR_API_URL: "http://127.0.0.1:9",
    SCHEDULER_ENABLED: "false",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child: ChildProcess = spawn(process.execPath, nextStartArgs(process.cwd(), port, "127.0.0.1"), {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exited = false;
  child.once("exit", () => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error("next start exited before it answered (is the build in .next complete?)");
    try {
      const response = await fetch(`${url}/`, { redirect: "manual" });
      await response.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`next start did not answer on ${url} within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    pid: child.pid ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** One GET of `pathname` with the cookie, until the last byte; refuses anything but a 200 page. */
export async function timePage(server: PageServer, pathname: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}${pathname}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}, not the page`);
  return { ms, bytes: body.byteLength };
}
