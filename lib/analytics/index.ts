/** Public API of the training analytics (metrics.md): pure functions, rows in, numbers out. */
export * from "./acwr";
export * from "./advice";
export * from "./cardio-load";
export * from "./daily-series";
export * from "./dates";
export * from "./hrv";
export * from "./load-series";
export * from "./monotony";
export * from "./pmc";
export * from "./resting-hr";
export * from "./risk";
export * from "./session-rpe";
export * from "./settings";
export * from "./sleep";
export * from "./trimp";
export * from "./zones";
