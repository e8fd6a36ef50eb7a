import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { isProcessRunning, OWN_PROCESS_STARTED, readProcessStat } from "@/lib/sync/process-liveness";

/** Issue 13 §7: a SIGKILLed lease holder is recognised at once, even while `kill(pid, 0)` still answers. */

const children: { kill(signal: NodeJS.Signals): boolean }[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** A zombie: `sleep 0` exits, and its parent (exec'd into `sleep 30`) never reaps it. */
async function createZombie(): Promise<number> {
  const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 30"], { stdio: ["ignore", "pipe", "ignore"] });
  children.push(parent);
  const pid = await new Promise<number>((resolve) => parent.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
  for (let i = 0; i < 100 && readProcessStat(pid)?.state !== "Z"; i++) await new Promise((r) => setTimeout(r, 20));
  return pid;
}

describe.runIf(readProcessStat(process.pid) !== undefined)("process liveness from /proc", () => {
  it("a killed process that is still a zombie is not running, although kill(pid, 0) answers", async () => {
    const zombie = await createZombie();
    expect(readProcessStat(zombie)?.state).toBe("Z");
    expect(() => process.kill(zombie, 0)).not.toThrow();
    expect(isProcessRunning(zombie, null)).toBe(false);
  });

  it("a live process with another start time is a reused pid, not the lease holder", () => {
    const parentStarted = readProcessStat(process.ppid)?.started ?? null;
    expect(parentStarted).not.toBeNull();
    expect(isProcessRunning(process.ppid, parentStarted)).toBe(true);
    expect(isProcessRunning(process.ppid, `${parentStarted}1`)).toBe(false);
  });

  it("records this process's own start and sees a pid that does not exist as gone", () => {
    expect(OWN_PROCESS_STARTED).toMatch(/^\d+$/);
    expect(isProcessRunning(process.pid, OWN_PROCESS_STARTED)).toBe(true);
    expect(isProcessRunning(999_999_999, null)).toBe(false);
  });
});
