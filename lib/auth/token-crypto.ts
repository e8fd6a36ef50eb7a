import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for Polar access tokens at rest. Output: base64(iv).base64(tag).base64(ciphertext).
 * A fresh 96-bit IV per encryption; the tag authenticates, so a tampered value fails to decrypt.
 * The key is 32 bytes given as 64 hex characters (TOKEN_ENCRYPTION_KEY); callers pass it in.
 */
export function encryptSecret(plaintext: string, keyHex: string): string {
  const key = toKey(keyHex);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [iv, tag, ciphertext].map((part) => part.toString("base64")).join(".");
}

export function decryptSecret(encoded: string, keyHex: string): string {
  const parts = encoded.split(".");
  if (parts.length !== 3) {
    throw new Error("Encrypted value is malformed");
  }
  const [iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, "base64"));
  const decipher = createDecipheriv("aes-256-gcm", toKey(keyHex), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
}

function toKey(keyHex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(keyHex)) {
    throw new Error("Encryption key must be 64 hex characters (32 bytes)");
  }
  return Buffer.from(keyHex, "hex");
}
