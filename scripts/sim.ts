/**
 * `npm run sim`: the AccessLink v3 + OAuth simulator on 127.0.0.1:POLAR_SIM_PORT (default 4100) with a running
 * clock, for the demo and manual testing. A script, so it reads process.env directly.
 */
import { DEFAULT_SIM_CLIENT, startSimulator } from "@/lib/polar-sim";

async function main(): Promise<void> {
  const port = Number(process.env.POLAR_SIM_PORT ?? 4100);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`POLAR_SIM_PORT is not a port: ${process.env.POLAR_SIM_PORT}`);
  const sim = await startSimulator({ port, host: "127.0.0.1", clockMode: "running" });
  const lines = [
    `Polar AccessLink simulator listening on ${sim.url}`,
    "",
    `  POLAR_API_URL=${sim.url}`,
    `  POLAR_AUTH_URL=${sim.url}/oauth2/authorization`,
    `  POLAR_TOKEN_URL=${sim.url}/v2/oauth2/token`,
    `  POLAR_CLIENT_ID=${DEFAULT_SIM_CLIENT.clientId}`,
    `  POLAR_CLIENT_SECRET=${DEFAULT_SIM_CLIENT.clientSecret}`,
    `  redirect URL: ${DEFAULT_SIM_CLIENT.redirectUris.join(", ")}`,
    "",
    `  simulated now: ${new Date(sim.clock.now()).toISOString()} (running clock)`,
    `  accounts: ${sim.dataset.athletes.map((a) => a.profile.login).join(", ")}`,
    `  admin API: ${sim.url}/__admin/athletes, /__admin/clock, /__admin/requests …`,
  ];
  console.log(lines.join("\n"));
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
