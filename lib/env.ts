import { z } from "zod";

/**
 * The one place that reads process.env. Every variable is validated with zod; a missing or malformed value
 * stops start-up with a message that names the variable and says how to fix it.
 *
 * Polar's three URLs default to the real hosts; the demo and the tests point them at the simulator.
 */

const POLAR_DEFAULTS = {
  authUrl: "https://flow.polar.com/oauth2/authorization",
  tokenUrl: "https://polarremote.com/v2/oauth2/token",
  apiUrl: "https://www.polaraccesslink.com",
} as const;

const urlSchema = z.url({ protocol: /^https?$/ });

/** A Leaflet tile URL template: http(s), with `{z}`, `{x}` and `{y}` (and optionally `{s}`). */
function isTileTemplate(value: string): boolean {
  if (!value.includes("{z}") || !value.includes("{x}") || !value.includes("{y}")) return false;
  try {
    const url = new URL(value.replaceAll("{s}", "a").replace(/\{[a-z]+\}/g, "0"));
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("./data/threshold.db"),
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET is required: generate one with `openssl rand -base64 32`" })
    .min(32, "AUTH_SECRET must be at least 32 characters: generate one with `openssl rand -base64 32`"),
  TOKEN_ENCRYPTION_KEY: z
    .string({ error: "TOKEN_ENCRYPTION_KEY is required: generate one with `openssl rand -hex 32`" })
    .regex(/^[0-9a-fA-F]{64}$/, "TOKEN_ENCRYPTION_KEY must be 64 hex characters (32 bytes): `openssl rand -hex 32`"),
  APP_URL: urlSchema
    .default("http://localhost:3000")
    .transform((value) => value.replace(/\/+$/, "")),
  /** Read by Auth.js itself; validated here so a mismatch with APP_URL fails at start-up, not at sign-in. */
  AUTH_URL: urlSchema.optional().transform((value) => value?.replace(/\/+$/, "")),
  POLAR_CLIENT_ID: z.string({ error: "POLAR_CLIENT_ID is required: the client id from admin.polaraccesslink.com" }).min(1),
  POLAR_CLIENT_SECRET: z
    .string({ error: "POLAR_CLIENT_SECRET is required: the client secret from admin.polaraccesslink.com" })
    .min(1),
  POLAR_AUTH_URL: urlSchema.default(POLAR_DEFAULTS.authUrl),
  POLAR_TOKEN_URL: urlSchema.default(POLAR_DEFAULTS.tokenUrl),
  POLAR_API_URL: urlSchema.default(POLAR_DEFAULTS.apiUrl).transform((value) => value.replace(/\/+$/, "")),
  SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  /** Comma-separated Polar user ids allowed to manage the instance's webhook. */
  ADMIN_POLAR_USER_IDS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part.length > 0)
        .map(Number)
        .filter((id) => Number.isSafeInteger(id)),
    ),
  /**
   * Request limits (lib/http/request-limits.ts), per signed-in session and minute; the per-IP limit is
   * RATE_LIMIT_IP_FACTOR times as many (several people behind one address). Sign-in starts are per IP only.
   */
  RATE_LIMITS_ENABLED: z.enum(["true", "false", "1", "0"]).default("true").transform((value) => value === "true" || value === "1"),
  RATE_LIMIT_SYNC_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(12),
  RATE_LIMIT_EXPORT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(6),
  RATE_LIMIT_CSV_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  RATE_LIMIT_LONG_RANGE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  RATE_LIMIT_SIGNIN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  RATE_LIMIT_IP_FACTOR: z.coerce.number().int().min(1).max(1_000).default(4),
  /** A sync click this soon after the athlete's last run started returns that run instead of starting one. */
  SYNC_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3_600).default(15),
  /** History import (polar-export.md): largest upload accepted, and the zip-bomb guards of every archive. */
  IMPORT_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(4 * 1024 ** 3),
  IMPORT_MAX_UNCOMPRESSED_BYTES: z.coerce.number().int().positive().default(32 * 1024 ** 3),
  IMPORT_MAX_ENTRIES: z.coerce.number().int().positive().default(200_000),
  /** Uncompressed ÷ compressed, for the whole archive and for every entry of 1 MiB or more. */
  IMPORT_MAX_RATIO: z.coerce.number().positive().default(200),
  /**
   * Map tiles under a session's route, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png` (`{s}` for a
   * subdomain allowed). Unset: the route is drawn alone, with no request to any tile server.
   */
  MAP_TILE_URL: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()))
    .refine((value) => value === undefined || isTileTemplate(value), {
      message: "MAP_TILE_URL must be an http(s) URL template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    }),
  /** Credit shown on the map, as the tile provider's terms require (OpenStreetMap's by default). */
  MAP_TILE_ATTRIBUTION: z.string().min(1).max(300).default("© OpenStreetMap contributors"),
  /** The in-process scheduler is on in servers and off in tests unless asked for. */
  SCHEDULER_ENABLED: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true" || value === "1")),
}).superRefine((env, ctx) => {
  // Auth.js builds the OAuth redirect_uri from AUTH_URL; Polar compares it byte for byte with the one sent to
  // the authorization page, so the two must name the same origin (localhost, not 127.0.0.1).
  if (env.AUTH_URL !== undefined && env.AUTH_URL !== env.APP_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["AUTH_URL"],
      message: `AUTH_URL (${env.AUTH_URL}) must equal APP_URL (${env.APP_URL}), or Polar rejects sign-in with invalid_grant`,
    });
  }
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(
      `Invalid environment configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}\n` +
        "Copy .env.example to .env and fill in the values (see README.md).",
    );
    this.name = "EnvError";
  }
}

/** Parses an environment object; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "(environment)";
        return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
      }),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once, on first use). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The session map's tiles (MAP_TILE_URL and its credit), or null to draw routes without a tile server. */
export function getMapTiles(): { url: string; attribution: string } | null {
  const env = getEnv();
  return env.MAP_TILE_URL === undefined ? null : { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION };
}

/** Tests that change process.env (limits, APP_URL) call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}
