import { describe, expect, it } from "vitest";
import { describeFreshness } from "@/components/dashboard/freshness";
import type { FreshnessDTO } from "@/lib/dal/dto";

const NOW = Date.parse("2026-12-02T12:00:00Z");
const HOUR = 3_600_000;
const base: FreshnessDTO = { lastSyncedAt: null, lastStatus: null, lastAttemptAt: null, runningRunId: null, connectionState: "connected" };

describe("describeFreshness: one state, never three", () => {
  it("a revoked athlete who never synced and whose last run failed reads as one reconnect sentence", () => {
    const line = describeFreshness({ ...base, lastStatus: "failed", lastAttemptAt: NOW - HOUR, connectionState: "reconnect_needed" }, NOW);
    expect(line).toEqual({
      state: "reconnect_needed",
      isProblem: true,
      text: "Polar no longer accepts Threshold's access (nothing has been synced yet). Reconnect with Polar in Settings.",
    });
    expect(line.text).not.toMatch(/Never synced|attempt failed/);
  });

  it.each<[Partial<FreshnessDTO>, string, string]>([
    [{ connectionState: "consents_needed", lastSyncedAt: NOW - 3 * 24 * HOUR }, "consents_needed", "Polar needs your data-sharing consent (data last synced 3 days ago). Accept it at account.polar.com, then sync."],
    [{ connectionState: "disconnected" }, "disconnected", "Not connected to Polar (nothing has been synced yet). Connect with Polar in Settings."],
    [{ lastStatus: "failed", lastAttemptAt: NOW - 2 * HOUR, lastSyncedAt: NOW - 5 * HOUR }, "failed", "The last sync attempt failed (2 hours ago); data last synced 5 hours ago."],
    [{}, "never_synced", "Never synced — click Sync to pull your Polar data."],
    [{ lastSyncedAt: NOW - 2 * HOUR, lastAttemptAt: NOW - 2 * HOUR, lastStatus: "partial" }, "synced", "Synced 2 hours ago (some data could not be read)"],
    [{ lastSyncedAt: NOW - 2 * HOUR, lastAttemptAt: NOW - 2 * HOUR, lastStatus: "succeeded", connectionState: null }, "synced", "Synced 2 hours ago"],
  ])("%o → %s", (patch, state, text) => {
    expect(describeFreshness({ ...base, ...patch }, NOW)).toMatchObject({ state, text });
  });
});
