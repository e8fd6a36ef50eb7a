import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = {
  AUTH_SECRET: "x".repeat(32),
  TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
  POLAR_CLIENT_ID: "client",
  POLAR_CLIENT_SECRET: "secret",
};

describe("parseEnv", () => {
  it("applies the documented defaults, Polar's real hosts included", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_PATH).toBe("./data/threshold.db");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.POLAR_AUTH_URL).toBe("https://flow.polar.com/oauth2/authorization");
    expect(env.POLAR_TOKEN_URL).toBe("https://polarremote.com/v2/oauth2/token");
    expect(env.POLAR_API_URL).toBe("https://www.polaraccesslink.com");
    expect(env.SYNC_INTERVAL_MINUTES).toBe(60);
    expect(env.ADMIN_POLAR_USER_IDS).toEqual([]);
  });

  it("strips trailing slashes from base URLs and parses admin ids", () => {
    const env = parseEnv({
      ...valid,
      APP_URL: "http://localhost:3100/",
      POLAR_API_URL: "http://127.0.0.1:4100//",
      ADMIN_POLAR_USER_IDS: "48213977, 51007342,,",
    });
    expect(env.APP_URL).toBe("http://localhost:3100");
    expect(env.POLAR_API_URL).toBe("http://127.0.0.1:4100");
    expect(env.ADMIN_POLAR_USER_IDS).toEqual([48213977, 51007342]);
  });

  it.each([
    ["AUTH_SECRET", { AUTH_SECRET: undefined }],
    ["AUTH_SECRET", { AUTH_SECRET: "short" }],
    ["TOKEN_ENCRYPTION_KEY", { TOKEN_ENCRYPTION_KEY: "not-hex" }],
    ["POLAR_CLIENT_ID", { POLAR_CLIENT_ID: undefined }],
    ["POLAR_API_URL", { POLAR_API_URL: "ftp://example.org" }],
    ["SYNC_INTERVAL_MINUTES", { SYNC_INTERVAL_MINUTES: "1" }],
  ])("names %s when it is missing or malformed", (name, patch) => {
    let caught: unknown;
    try {
      parseEnv({ ...valid, ...patch });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const message = (caught as EnvError).message;
    expect(message).toContain(name);
    expect(message).toContain(".env.example");
  });
});

describe("AUTH_URL", () => {
  it("must equal APP_URL, because Polar compares redirect_uri exactly", () => {
    expect(() => parseEnv({ ...valid, APP_URL: "http://localhost:3000", AUTH_URL: "http://127.0.0.1:3000" })).toThrow(
      /AUTH_URL .* must equal APP_URL/,
    );
    expect(parseEnv({ ...valid, APP_URL: "http://localhost:3000", AUTH_URL: "http://localhost:3000/" }).AUTH_URL).toBe(
      "http://localhost:3000",
    );
  });
});
