// The sync engine's public surface (design §3): runs, the job runner, settings, quarantine re-parse.
export { executeRun, syncAthlete } from "./run";
export { beginRun, getRun, LEASE_MS, type BeginRunResult, type SyncRunView } from "./runs";
export { createInProcessRunner, type SyncJobRunner } from "./runner";
export { DEFAULT_SYNC_SETTINGS, getSyncSettings, saveSyncSettings, type SyncSettings } from "./settings";
export { reparseQuarantine, type ReparseResult } from "./reparse";
export { purgeResources } from "./store";
export { forEachConcurrently } from "./pool";
export { ITEM_CONCURRENCY } from "./transactional";
export { WINDOW_DAYS } from "./windowed";
export * from "./types";
