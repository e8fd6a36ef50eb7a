import { createHmac, timingSafeEqual } from "node:crypto";

/** Webhook signatures (polar-accesslink.md §7.3): HMAC-SHA256 over the raw body, compared in constant time. */

const SIGNATURE_HEADERS = ["polar-webhook-signature", "x-polar-webhook-signature"] as const;


/** Lowercase hex HMAC-SHA256 of the raw body bytes, keyed with the UTF-8 bytes of the secret (§7.3). */
export function computeWebhookSignature(body: Uint8Array, secret: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(body).digest("hex");
}

/**
 * Constant-time check of a `Polar-Webhook-Signature` value. Hex is compared as bytes (so case does not matter)
 * and only when both sides are 32 bytes: timingSafeEqual needs equal lengths and a length mismatch says nothing
 * about the secret.
 */
export function verifyWebhookSignature(body: Uint8Array, signature: string | null, secret: string): boolean {
  if (signature === null) return false;
  const trimmed = signature.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) return false;
  const given = Buffer.from(trimmed, "hex");
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signature under either spelling seen in the wild (§7.3: the docs' name, and an integrator's `X-` one). */
export function readSignatureHeader(headers: Headers): string | null {
  for (const name of SIGNATURE_HEADERS) {
    const value = headers.get(name);
    if (value !== null) return value;
  }
  return null;
}
