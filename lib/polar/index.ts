/**
 * lib/polar — the AccessLink v3 client. Everything public is re-exported here; import from "@/lib/polar".
 */
export * from "./errors";
export * from "./time";
export * from "./rate-governor";
export { computeBackoffMs, sendPolarRequest } from "./http";
export type { HttpDeps, HttpMethod, PolarAuth, PolarRequest, PolarResponse } from "./http";
export * from "./client";
export * from "./schemas/common";
export * from "./schemas/oauth";
export * from "./schemas/user";
export * from "./schemas/notifications";
export * from "./schemas/transactions";
export * from "./schemas/exercise";
export * from "./schemas/activity";
export * from "./schemas/physical-info";
export * from "./schemas/continuous-heart-rate";
export * from "./schemas/cardio-load";
export * from "./schemas/sleep";
export * from "./schemas/nightly-recharge";
export * from "./schemas/sleepwise";
export * from "./schemas/biosensing";
export * from "./schemas/webhooks";
