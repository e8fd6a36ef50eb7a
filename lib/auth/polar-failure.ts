import { PolarError } from "@/lib/polar";
import type { AppErrorCode } from "@/lib/errors";
import type { ConnectionState } from "@/db/schema";

/** A failed Polar call, said in words an athlete can act on, plus the connection state it implies. */
export type PolarFailure = {
  code: AppErrorCode;
  message: string;
  /** Set when the failure says something lasting about the link (401, 403). */
  state?: ConnectionState;
  /** True when trying again later may succeed without the athlete doing anything. */
  isTransient: boolean;
};

/**
 * Maps an error from lib/polar to a failure. 401 means the token was revoked (no refresh exists in v3, so the
 * only fix is signing in again); 403 means missing consents at account.polar.com, not a bad token (§2.4).
 */
export function describePolarFailure(error: unknown): PolarFailure {
  if (error instanceof PolarError) {
    switch (error.code) {
      case "unauthorized":
        return {
          code: "polar_unauthorized",
          message: "Polar no longer accepts Threshold's access to your account. Reconnect with Polar to continue.",
          state: "reconnect_needed",
          isTransient: false,
        };
      case "consent_required":
        return {
          code: "polar_consent_required",
          message:
            "Polar needs you to accept its data-sharing consents first. Accept them at account.polar.com, then try again.",
          state: "consents_needed",
          isTransient: false,
        };
      case "rate_limited":
        return {
          code: "rate_limited",
          message: "Polar is limiting requests right now. Try again in a few minutes.",
          isTransient: true,
        };
      case "upstream":
        return {
          code: "polar_unavailable",
          message: "Polar could not be reached or had an error. Try again in a few minutes.",
          isTransient: true,
        };
      default:
        return {
          code: "polar_unavailable",
          message: `Polar answered unexpectedly (${error.code}${error.status ? `, HTTP ${error.status}` : ""}).`,
          isTransient: false,
        };
    }
  }
  // fetch itself failed (DNS, refused connection, abort): Polar is unreachable from here.
  return {
    code: "polar_unavailable",
    message: "Polar could not be reached. Try again in a few minutes.",
    isTransient: true,
  };
}
