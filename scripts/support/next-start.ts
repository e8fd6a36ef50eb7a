import path from "node:path";

/**
 * How every server of ours runs `next start` (the demo, the browser tests' server, the load bench; `npm start`
 * says the same in package.json): node with an explicit V8 heap limit. Without one, V8 sizes the heap from the
 * machine's memory (about 4 GB on a 24 GB host) and collects lazily, so a server whose live heap is ~60 MB sat at
 * 420–440 MB RSS under load; with 1 GB it stays near 250–300 MB at ~10 % less throughput (bench:load).
 * `SERVER_HEAP_MB` raises it for a big roster.
 */
export const DEFAULT_SERVER_HEAP_MB = 1024;

/** The heap limit in MB: `SERVER_HEAP_MB` when set (an integer of at least 128), else the default. */
export function serverHeapMb(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.SERVER_HEAP_MB?.trim();
  if (raw === undefined || raw === "") return DEFAULT_SERVER_HEAP_MB;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 128) {
    throw new Error(`SERVER_HEAP_MB must be a whole number of megabytes, at least 128 (got "${raw}")`);
  }
  return value;
}

/** `process.execPath` with these arguments starts the production server on `port` (and `host`, if given). */
export function nextStartArgs(root: string, port: number, host?: string, env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  return [`--max-old-space-size=${serverHeapMb(env)}`, nextBin, "start", "-p", String(port), ...(host ? ["-H", host] : [])];
}
