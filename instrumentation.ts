/**
 * Runs once when a Next.js server starts. The sync scheduler (lib/sync/scheduler.ts) lives in the Node.js
 * runtime only; the guarded dynamic import keeps SQLite and the Polar client out of any Edge bundle. It is on
 * by default and off with SCHEDULER_ENABLED=false (the test servers set it explicitly).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startAppScheduler } = await import("@/lib/sync/scheduler");
    await startAppScheduler();
  }
}
