import { createHash } from "node:crypto";
import type { SimDataset } from "@/lib/polar-sim/contract";
import type { ControlledSimClock } from "@/lib/polar-sim/clock";
import { createDefaultSwitches, type SimSwitches } from "@/lib/polar-sim/switches";

/** Everything the protocol server remembers; `POST /__admin/reset` replaces it with a fresh one. */

export type SimClientConfig = { clientId: string; clientSecret: string; redirectUris: string[] };

export type AuthCode = {
  code: string;
  clientId: string;
  userId: number;
  /** The `redirect_uri` sent to the authorization page, verbatim; null when none was sent (echo rule, §2.3). */
  redirectUri: string | null;
  issuedAt: number;
  used: boolean;
  tokens: string[];
};

export type AccessToken = {
  token: string;
  clientId: string;
  userId: number;
  issuedAt: number;
  revoked: boolean;
  /** Revoked by `DELETE /v3/users/{id}` (U21 decides what a second DELETE with it answers). */
  deregistered: boolean;
};

export type Registration = { clientId: string; userId: number; memberId: string; registeredAt: number };

export type AthleteFlags = { consents: boolean; revoked: boolean };

export type TransactionType = "exercise" | "activity" | "physical";

export type Transaction = {
  id: number;
  clientId: string;
  userId: number;
  type: TransactionType;
  createdAt: number;
  itemIds: number[];
  status: "open" | "committed" | "expired";
};

export type Webhook = {
  id: string;
  clientId: string;
  events: string[];
  url: string;
  secret: string;
  active: boolean;
  /** Sim-clock instant of the first failed delivery of the current failure streak. */
  failingSince: number | null;
  /** Uploads with `uploadedAt` up to this instant have been considered for delivery. */
  scannedUntil: number;
};

export type MalformedKind =
  | "exercise"
  | "activity"
  | "physical-info"
  | "sleep"
  | "nightly-recharge"
  | "continuous-heart-rate"
  | "cardio-load";

/** The one record served with a field of the wrong type (admin fault). */
export type MalformedTarget = { userId: number; kind: MalformedKind; itemId: number | null; hashedId: string | null; date: string | null };

export type Faults = { latencyMs: number; errorRate: number; burst429: number; malformed: MalformedTarget | null };

export type RequestLogEntry = { seq: number; method: string; path: string; status: number; userId?: number; at: string };

export type DeliveryLogEntry = { seq: number; event: string; userId: number | null; url: string; status: number | null; ok: boolean; at: string };

export type RateWindow = { start: number; count: number };

export type SimState = {
  seed: number;
  clients: SimClientConfig[];
  dataset: SimDataset;
  switches: SimSwitches;
  faults: Faults;
  codes: Map<string, AuthCode>;
  tokens: Map<string, AccessToken>;
  /** key `${clientId}:${userId}` */
  registrations: Map<string, Registration>;
  athletes: Map<number, AthleteFlags>;
  transactions: Map<number, Transaction>;
  /** key `${clientId}:${type}:${itemId}` */
  committed: Set<string>;
  /** key clientId: one webhook per client (§7.1) */
  webhooks: Map<string, Webhook>;
  /** key: counter name (client id, or `basic:` + client id with U8 separate counters) */
  rateWindows: Map<string, { short: RateWindow | null; long: RateWindow | null }>;
  requestLog: RequestLogEntry[];
  deliveries: DeliveryLogEntry[];
  serial: number;
  nextTransactionId: number;
  faultRandom: () => number;
  webhookRandom: () => number;
};

export type SimContext = {
  url: string;
  clock: ControlledSimClock;
  state: SimState;
};

/** mulberry32: a small deterministic PRNG so faults and duplicates repeat with the seed. */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createSimState(seed: number, clients: SimClientConfig[], dataset: SimDataset): SimState {
  const athletes = new Map<number, AthleteFlags>();
  for (const athlete of dataset.athletes) {
    athletes.set(athlete.profile.userId, {
      consents: !athlete.profile.startsWithoutConsents,
      revoked: athlete.profile.startsRevoked,
    });
  }
  return {
    seed,
    clients,
    dataset,
    switches: createDefaultSwitches(),
    faults: { latencyMs: 0, errorRate: 0, burst429: 0, malformed: null },
    codes: new Map(),
    tokens: new Map(),
    registrations: new Map(),
    athletes,
    transactions: new Map(),
    committed: new Set(),
    webhooks: new Map(),
    rateWindows: new Map(),
    requestLog: [],
    deliveries: [],
    serial: 0,
    nextTransactionId: 3_390_001,
    faultRandom: createPrng(seed ^ 0x5eed5),
    webhookRandom: createPrng(seed ^ 0x3eb400c),
  };
}

/** Deterministic opaque strings (codes, tokens, secrets): same seed and same call order, same values. */
export function createOpaqueId(state: SimState, label: string, length = 32): string {
  state.serial += 1;
  return createHash("sha256").update(`${state.seed}:${label}:${state.serial}`).digest("hex").slice(0, length);
}

/** A UUID-shaped deterministic id (webhook secrets, error `corr_id`s). */
export function createUuidLike(state: SimState, label: string): string {
  const hex = createOpaqueId(state, label, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function findClient(state: SimState, clientId: string): SimClientConfig | undefined {
  return state.clients.find((client) => client.clientId === clientId);
}

export function toRegistrationKey(clientId: string, userId: number): string {
  return `${clientId}:${userId}`;
}

export function countRegisteredUsers(state: SimState, clientId: string): number {
  let n = 0;
  for (const registration of state.registrations.values()) if (registration.clientId === clientId) n += 1;
  return n;
}
