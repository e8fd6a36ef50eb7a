import { describe, expect, it } from "vitest";
import { createPolarProvider, readPolarUserId } from "@/lib/auth/provider";

describe("readPolarUserId", () => {
  it.each([
    [{ x_user_id: 48213977 }, 48213977],
    [{ x_user_id: "48213977" }, 48213977],
  ])("reads %j", (tokens, expected) => {
    expect(readPolarUserId(tokens)).toBe(expected);
  });

  it.each([[{}], [{ x_user_id: null }], [{ x_user_id: -4 }], [{ x_user_id: 1.5 }], [{ x_user_id: "12a" }], [{ x_user_id: 2 ** 60 }]])(
    "rejects %j",
    (tokens) => {
      expect(() => readPolarUserId(tokens)).toThrow(/x_user_id/);
    },
  );
});

describe("createPolarProvider", () => {
  const provider = createPolarProvider({
    clientId: "threshold-demo",
    clientSecret: "threshold-demo-secret",
    authorizationUrl: "http://127.0.0.1:4100/oauth2/authorization",
    tokenUrl: "http://127.0.0.1:4100/v2/oauth2/token",
  });

  it("uses the authorization code flow with a state check, Basic client auth and Polar's one scope", () => {
    expect(provider.type).toBe("oauth");
    expect(provider.checks).toEqual(["state"]);
    expect(provider.client).toEqual({ token_endpoint_auth_method: "client_secret_basic" });
    expect(provider.authorization).toEqual({
      url: "http://127.0.0.1:4100/oauth2/authorization",
      params: { scope: "accesslink.read_all" },
    });
  });

  it("takes the identity from x_user_id and keeps no token for the account row", async () => {
    const userinfo = provider.userinfo;
    if (!userinfo || typeof userinfo === "string" || !userinfo.request) throw new Error("userinfo.request missing");
    const tokens = { access_token: "tok-123", token_type: "bearer" as const, expires_in: 31535999, x_user_id: 48213977 };
    const profile = await userinfo.request({ tokens, provider: provider as never });
    expect(profile).toEqual({ id: "48213977" });
    expect(provider.account?.(tokens)).toBeUndefined();
    expect(await provider.profile?.({ id: "48213977" }, tokens)).toEqual({ id: "48213977", name: null, email: null, image: null });
  });
});
