/**
 * The simulator's clock. Every TTL, availability window, rate-limit window and webhook trigger reads it, so tests
 * can jump days ahead instantly. "frozen" only moves when told to; "running" (the demo) also follows real time.
 */
export type SimClockMode = "frozen" | "running";

export type SimClock = {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
};

export type ControlledSimClock = SimClock & {
  /** Called after every explicit advance/set (the server scans for newly visible uploads then). */
  onChange(listener: () => void): void;
  reset(ms: number): void;
  mode(): SimClockMode;
  /** Switches between frozen and running without a jump: the current instant is kept. */
  setMode(mode: SimClockMode): void;
};

export function createSimClock(startMs: number, initialMode: SimClockMode, readRealTime: () => number = Date.now): ControlledSimClock {
  let mode = initialMode;
  let base = startMs;
  let realAnchor = readRealTime();
  const listeners: (() => void)[] = [];
  const now = (): number => (mode === "running" ? base + (readRealTime() - realAnchor) : base);
  const setTo = (ms: number): void => {
    base = ms;
    realAnchor = readRealTime();
  };
  const notify = (): void => {
    for (const listener of listeners) listener();
  };
  return {
    now,
    advance(ms: number): void {
      if (!Number.isFinite(ms)) throw new Error(`cannot advance the clock by ${ms}`);
      setTo(now() + ms);
      notify();
    },
    set(ms: number): void {
      if (!Number.isFinite(ms)) throw new Error(`cannot set the clock to ${ms}`);
      setTo(ms);
      notify();
    },
    reset(ms: number): void {
      setTo(ms);
    },
    mode: () => mode,
    setMode(next: SimClockMode): void {
      setTo(now());
      mode = next;
    },
    onChange(listener: () => void): void {
      listeners.push(listener);
    },
  };
}
