export type { PhysiologyContext } from "../derive";
export * from "./activity";
export * from "./cardio-load";
export * from "./continuous-heart-rate";
export * from "./daily-activity";
export * from "./exercise";
export * from "./nightly-recharge";
export * from "./physical-info";
export * from "./sleep";
