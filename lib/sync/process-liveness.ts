import fs from "node:fs";

/**
 * Is the process that holds a lease still running? `kill(pid, 0)` alone says yes for a SIGKILLed process
 * until its parent reaps it (a zombie), and for an unrelated process that got the same pid later. On Linux
 * `/proc/<pid>/stat` tells both apart: its state (`Z`/`X` = dead) and its start time in clock ticks since
 * boot, which the lease records when it is taken. Elsewhere, `kill(pid, 0)` is the best we have.
 */

type ProcessStat = { state: string; started: string };

/** State and start ticks of a process; null when it does not exist; undefined when /proc cannot tell. */
export function readProcessStat(pid: number): ProcessStat | null | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ESRCH") return fs.existsSync("/proc/self/stat") ? null : undefined;
    return undefined;
  }
  // `pid (comm) state ppid …`: comm may contain spaces and parentheses, so fields count from the LAST ')'.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const state = fields[0];
  const started = fields[19];
  if (state === undefined || started === undefined) return undefined;
  return { state, started };
}

/** This process's start ticks, recorded with every lease it takes (null where /proc is not available). */
export const OWN_PROCESS_STARTED: string | null = readProcessStat(process.pid)?.started ?? null;

function answersSignalZero(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True while the process `pid` that started at `started` (null = unknown) is running. */
export function isProcessRunning(pid: number, started: string | null): boolean {
  const stat = readProcessStat(pid);
  if (stat === undefined) return answersSignalZero(pid);
  if (stat === null || stat.state === "Z" || stat.state === "X" || stat.state === "x") return false;
  return started === null || stat.started === started;
}
