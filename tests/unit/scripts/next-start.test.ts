import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SERVER_HEAP_MB, nextStartArgs, serverHeapMb } from "@/scripts/support/next-start";

describe("next start with a heap limit", () => {
  it("uses the default, or SERVER_HEAP_MB when it is a whole number of at least 128", () => {
    expect(serverHeapMb({})).toBe(DEFAULT_SERVER_HEAP_MB);
    expect(serverHeapMb({ SERVER_HEAP_MB: " 2048 " })).toBe(2048);
    expect(() => serverHeapMb({ SERVER_HEAP_MB: "64" })).toThrow(/at least 128/);
    expect(() => serverHeapMb({ SERVER_HEAP_MB: "1.5" })).toThrow(/SERVER_HEAP_MB/);
  });

  it("puts the flag before next's script, and the host only when asked", () => {
    expect(nextStartArgs("/app", 3100, undefined, {})).toEqual([
      `--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`,
      path.join("/app", "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      "3100",
    ]);
    expect(nextStartArgs("/app", 3100, "127.0.0.1", { SERVER_HEAP_MB: "512" }).slice(0, 1)).toEqual(["--max-old-space-size=512"]);
    expect(nextStartArgs("/app", 3100, "127.0.0.1", {}).slice(-2)).toEqual(["-H", "127.0.0.1"]);
  });

  it("npm start uses the same default", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain(`--max-old-space-size=\${SERVER_HEAP_MB:-${DEFAULT_SERVER_HEAP_MB}}`);
  });
});
