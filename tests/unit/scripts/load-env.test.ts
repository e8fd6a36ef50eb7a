import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const LOAD_ENV = path.resolve("scripts/load-env.ts");
const TSX = path.resolve("node_modules/tsx/dist/loader.mjs");

let dir: string | null = null;

afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Runs a fresh Node in `cwd` that loads scripts/load-env.ts and prints the named variables. */
function readAfterLoad(cwd: string, names: string[], env: Record<string, string> = {}): Record<string, string | null> {
  const script = `import(${JSON.stringify(LOAD_ENV)}).then(() => console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, process.env[n] ?? null])))))`;
  const base = { ...process.env };
  for (const name of names) delete base[name];
  const out = execFileSync(process.execPath, ["--import", TSX, "-e", script], { cwd, env: { ...base, ...env }, encoding: "utf8" });
  return JSON.parse(out.trim()) as Record<string, string | null>;
}

describe("scripts/load-env (shell scripts read .env like next start)", () => {
  it("reads .env and .env.local from the working directory, .env.local winning, the environment winning over both", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "threshold-env-"));
    fs.writeFileSync(path.join(dir, ".env"), "T_ONLY_ENV=from-env\nT_BOTH=from-env\nT_SHELL=from-env\n");
    fs.writeFileSync(path.join(dir, ".env.local"), "T_BOTH=from-local\n");
    expect(readAfterLoad(dir, ["T_ONLY_ENV", "T_BOTH", "T_SHELL"], { T_SHELL: "from-shell" })).toEqual({
      T_ONLY_ENV: "from-env",
      T_BOTH: "from-local",
      T_SHELL: "from-shell",
    });
  });

  it("does nothing without the files", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "threshold-env-"));
    expect(readAfterLoad(dir, ["T_ONLY_ENV"])).toEqual({ T_ONLY_ENV: null });
  });
});
