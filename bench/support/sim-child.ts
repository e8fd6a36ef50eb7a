// The simulator in its own process for the sync bench: Polar is another machine, so its CPU must not share
// the event loop of the sync being measured. Prints `{"url": …}` once listening; exits when stdin closes.
import { startSimulator } from "@/lib/polar-sim";

async function main(): Promise<void> {
  const days = Number(process.argv[2] ?? 0) || undefined;
  const sim = await startSimulator({ port: 0, host: "127.0.0.1", days });
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => {
    void sim.close().then(() => process.exit(0));
  });
}

void main();
