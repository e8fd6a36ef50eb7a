import http from "node:http";
import type { AddressInfo } from "node:net";
import type { SimAdmin } from "@/lib/polar-sim/admin";
import { createSimAdmin } from "@/lib/polar-sim/admin";
import type { SimClock, SimClockMode } from "@/lib/polar-sim/clock";
import { createSimClock } from "@/lib/polar-sim/clock";
import type { SimDataset } from "@/lib/polar-sim/contract";
import { createSimDataset } from "@/lib/polar-sim/generator";
import { createSimRequestListener } from "@/lib/polar-sim/server";
import type { SimClientConfig, SimContext } from "@/lib/polar-sim/state";
import { createSimState } from "@/lib/polar-sim/state";
import { createWebhookDispatcher } from "@/lib/polar-sim/webhooks";

/**
 * The AccessLink v3 + OAuth simulator (SIM-API.md): one node:http server over the generator's dataset.
 * Used by tests, the demo and the benchmarks; never by the app itself.
 */

export type { SimAdmin, SimAdminAthlete } from "@/lib/polar-sim/admin";
export type { SimClock, SimClockMode } from "@/lib/polar-sim/clock";
export type { SimSwitches } from "@/lib/polar-sim/switches";
export { signWebhookBody } from "@/lib/polar-sim/webhooks";

export type SimulatorOptions = {
  /** 0 = ephemeral (tests). */
  port?: number;
  host?: "127.0.0.1";
  seed?: number;
  /** Day 0 of the synthetic histories, `YYYY-MM-DD`. */
  startDate?: string;
  days?: number;
  /** Initial simulated instant (ISO or epoch ms); default `startDate` + `T06:00:00Z`. */
  clockStart?: string | number;
  clockMode?: SimClockMode;
  /** The first redirect URL of each client is its default. */
  clients?: SimClientConfig[];
  /** Add the story athletes at UTC+14 and UTC−12 (sync tests); the default roster is unchanged either way. */
  storyAthletes?: boolean;
  /** Add the athlete whose history the demo imports from her archive; the default roster is unchanged either way. */
  importAthlete?: boolean;
};

export type Simulator = {
  /** `http://127.0.0.1:PORT` (= POLAR_API_URL). */
  url: string;
  /** The generator's dataset (ground truth); replaced by `admin.reset()`. */
  readonly dataset: SimDataset;
  clock: SimClock;
  /** Frozen ↔ running without a jump (the demo prepares its data frozen, then lets time run). */
  setClockMode(mode: SimClockMode): void;
  admin: SimAdmin;
  close(): Promise<void>;
};

export const DEFAULT_SIM_CLIENT: SimClientConfig = {
  clientId: "threshold-demo",
  clientSecret: "threshold-demo-secret",
  redirectUris: ["http://localhost:3000/api/auth/callback/polar"],
};

/** How often a running clock checks for uploads that became visible (webhooks). */
const RUNNING_SCAN_INTERVAL_MS = 1000;

function resolveClockStart(clockStart: string | number | undefined, startDate: string): number {
  if (typeof clockStart === "number") return clockStart;
  const ms = Date.parse(clockStart ?? `${startDate}T06:00:00Z`);
  if (!Number.isFinite(ms)) throw new Error(`clockStart is not an instant: ${String(clockStart)}`);
  return ms;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? 42;
  const startDate = options.startDate ?? "2026-01-05";
  const days = options.days ?? 400;
  const host = options.host ?? "127.0.0.1";
  const clients = (options.clients ?? [DEFAULT_SIM_CLIENT]).map((client) => ({ ...client, redirectUris: [...client.redirectUris] }));
  if (clients.length === 0) throw new Error("the simulator needs at least one OAuth client");
  const clockStartMs = resolveClockStart(options.clockStart, startDate);
  const clock = createSimClock(clockStartMs, options.clockMode ?? "frozen");

  // Rendered records carry the server's URL, known only once it listens: the listener is attached afterwards.
  const server = http.createServer();
  const url = await new Promise<string>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address() as AddressInfo;
      resolve(`http://${host}:${address.port}`);
    });
  });
  const buildState = () => createSimState(seed, clients, createSimDataset({ seed, startDate, days, apiBaseUrl: url, storyAthletes: options.storyAthletes, importAthlete: options.importAthlete }));
  const ctx: SimContext = { url, clock, state: buildState() };
  const dispatcher = createWebhookDispatcher(ctx);
  const admin = createSimAdmin(ctx, dispatcher, () => {
    dispatcher.clear();
    ctx.state = buildState();
    clock.reset(clockStartMs);
  });
  server.on("request", createSimRequestListener({ ctx, admin }));
  clock.onChange(() => dispatcher.scan());
  const timer = setInterval(() => {
    if (clock.mode() === "running") dispatcher.scan();
  }, RUNNING_SCAN_INTERVAL_MS);
  timer.unref();

  return {
    url,
    get dataset(): SimDataset {
      return ctx.state.dataset;
    },
    clock: { now: () => clock.now(), advance: (ms) => clock.advance(ms), set: (ms) => clock.set(ms) },
    setClockMode: (mode) => clock.setMode(mode),
    admin,
    close: async () => {
      clearInterval(timer);
      dispatcher.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
