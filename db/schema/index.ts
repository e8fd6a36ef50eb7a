// Every table of the app, one file per area. drizzle-kit reads this file (drizzle.config.ts).
export * from "./auth";
export * from "./polar-data";
export * from "./exercise-detail";
export * from "./sync";
export * from "./webhooks";
export * from "./teams";
export * from "./athlete-settings";
export * from "./data-version";
export * from "./series-state";
export * from "./api-tokens";
export * from "./check-in";
export * from "./import";
export * from "./activity-met";
