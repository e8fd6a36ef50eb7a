import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/auth/token-crypto";

const key = "0f".repeat(32);

describe("token encryption (AES-256-GCM)", () => {
  it("round-trips and never contains the plaintext", () => {
    const token = "9b1f0c5ad2e84c7fa3d61b0e27c94f58";
    const encrypted = encryptSecret(token, key);
    expect(encrypted).not.toContain(token);
    expect(Buffer.from(encrypted).toString("base64")).not.toContain(Buffer.from(token).toString("base64"));
    expect(decryptSecret(encrypted, key)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("rejects a tampered value and a wrong key", () => {
    const encrypted = encryptSecret("secret-token", key);
    const [iv, tag, data] = encrypted.split(".");
    const flipped = Buffer.from(data, "base64");
    flipped[0] ^= 1;
    expect(() => decryptSecret([iv, tag, flipped.toString("base64")].join("."), key)).toThrow();
    expect(() => decryptSecret(encrypted, "1e".repeat(32))).toThrow();
    expect(() => decryptSecret("garbage", key)).toThrow(/malformed/);
  });
});
