import { spawn, type ChildProcess } from "node:child_process";

/**
 * A simulator running in a child process, driven over its admin API. The clock is mirrored here so the
 * rate governor can read it synchronously; only this handle moves it.
 */
export type RemoteSim = {
  url: string;
  clock: { now(): number; advance(ms: number): Promise<void> };
  close(): Promise<void>;
};

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function startRemoteSimulator(options: { days?: number } = {}): Promise<RemoteSim> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bench/support/sim-child.ts", String(options.days ?? 0)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n")) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`simulator child exited ${code} before listening`)));
  });
  const clockView = (await (await fetch(`${url}/__admin/clock`)).json()) as { now: string };
  let now = Date.parse(clockView.now);
  return {
    url,
    clock: {
      now: () => now,
      advance: async (ms: number) => {
        const view = (await post(`${url}/__admin/clock/advance`, { seconds: ms / 1000 })) as { now: string };
        now = Date.parse(view.now);
      },
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin?.end();
      }),
  };
}
