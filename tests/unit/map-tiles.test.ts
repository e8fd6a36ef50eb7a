/** MAP_TILE_URL: validated at start-up, and its host (only) allowed as an image source in the page CSP. */
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { buildPagePolicy, toTileImageSource } from "@/lib/http/security-headers";

const valid = {
  AUTH_SECRET: "x".repeat(32),
  TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
  POLAR_CLIENT_ID: "client",
  POLAR_CLIENT_SECRET: "secret",
};

describe("MAP_TILE_URL", () => {
  it("is off by default, and an empty value means off", () => {
    expect(parseEnv(valid).MAP_TILE_URL).toBeUndefined();
    expect(parseEnv({ ...valid, MAP_TILE_URL: " " }).MAP_TILE_URL).toBeUndefined();
    expect(parseEnv(valid).MAP_TILE_ATTRIBUTION).toBe("© OpenStreetMap contributors");
  });

  it("accepts a Leaflet URL template", () => {
    expect(parseEnv({ ...valid, MAP_TILE_URL: "https://tile.openstreetmap.org/{z}/{x}/{y}.png" }).MAP_TILE_URL).toBe("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    expect(parseEnv({ ...valid, MAP_TILE_URL: "https://{s}.tiles.example.org/{z}/{x}/{y}@2x.png?key=k" }).MAP_TILE_URL).toContain("{s}");
  });

  it.each(["https://tile.example.org/tiles.png", "ftp://tile.example.org/{z}/{x}/{y}.png", "not a url {z}{x}{y}"])("refuses %s, naming the variable", (value) => {
    expect(() => parseEnv({ ...valid, MAP_TILE_URL: value })).toThrow(EnvError);
    expect(() => parseEnv({ ...valid, MAP_TILE_URL: value })).toThrow(/MAP_TILE_URL/);
  });
});

describe("tile images in the page CSP", () => {
  const options = { nonce: "n", formActionOrigins: [], isHttps: true, isDevelopment: false };

  it("allows no other image host without tiles", () => {
    expect(buildPagePolicy(options)).toContain("img-src 'self' data: blob:;");
  });

  it("allows the tile host, a {s} subdomain as a wildcard", () => {
    expect(toTileImageSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).toBe("https://tile.openstreetmap.org");
    expect(toTileImageSource("https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png")).toBe("https://*.tiles.example.org:8443");
    expect(buildPagePolicy({ ...options, mapTileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png" })).toContain(
      "img-src 'self' data: blob: https://tile.openstreetmap.org;",
    );
  });
});
