// Every table of the app, one file per area. drizzle-kit reads this file (drizzle.config.ts).
export * from "./app-meta";
export * from "./auth";
