import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEFAULT_SIM_CLIENT, startSimulator } from "@/lib/polar-sim";
import type { SimulatorOptions } from "@/lib/polar-sim";

/** Shared plumbing of the simulator's conformance tests: real HTTP against a server on an ephemeral port. */

export type Sim = Awaited<ReturnType<typeof startSimulator>>;

export const CLIENT = DEFAULT_SIM_CLIENT;
export const REDIRECT = CLIENT.redirectUris[0] ?? "";
export const DAY_MS = 86_400_000;

export function startTestSimulator(options: SimulatorOptions = {}): Promise<Sim> {
  return startSimulator({ port: 0, ...options });
}

export function basicHeader(clientId = CLIENT.clientId, secret = CLIENT.clientSecret): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
}

/** The `&login=` shortcut of the authorization page; returns the `code` of the redirect. */
export async function authorizeCode(sim: Sim, login: string, redirectUri: string | null = REDIRECT): Promise<string> {
  const params = new URLSearchParams({ response_type: "code", client_id: CLIENT.clientId, scope: "accesslink.read_all", login });
  if (redirectUri !== null) params.set("redirect_uri", redirectUri);
  const response = await fetch(`${sim.url}/oauth2/authorization?${params}`, { redirect: "manual" });
  if (response.status !== 302) throw new Error(`authorize: ${response.status}`);
  const code = new URL(response.headers.get("location") ?? "").searchParams.get("code");
  if (!code) throw new Error("no code");
  return code;
}

export function exchangeCode(sim: Sim, code: string, redirectUri: string | null = REDIRECT, authorization = basicHeader()): Promise<Response> {
  const form = new URLSearchParams({ grant_type: "authorization_code", code });
  if (redirectUri !== null) form.set("redirect_uri", redirectUri);
  return fetch(`${sim.url}/v2/oauth2/token`, {
    method: "POST",
    headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: form.toString(),
  });
}

export async function issueToken(sim: Sim, login: string): Promise<{ token: string; userId: number }> {
  const response = await exchangeCode(sim, await authorizeCode(sim, login));
  if (response.status !== 200) throw new Error(`token: ${response.status}`);
  const body = (await response.json()) as { access_token: string; x_user_id: number };
  return { token: body.access_token, userId: body.x_user_id };
}

export function callApi(sim: Sim, token: string | null, path: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json", ...(init.headers as Record<string, string> | undefined) };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return fetch(`${sim.url}${path}`, { ...init, headers });
}

/** Authorizes, exchanges and registers: the app's first connection. */
export async function connectAthlete(sim: Sim, login: string): Promise<{ token: string; userId: number }> {
  const issued = await issueToken(sim, login);
  const response = await callApi(sim, issued.token, "/v3/users", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ "member-id": `member-${login}` }),
  });
  if (response.status !== 200) throw new Error(`register ${login}: ${response.status}`);
  return issued;
}

export async function postAdmin(sim: Sim, path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${sim.url}/__admin${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export function userIdOf(sim: Sim, login: string): number {
  const athlete = sim.dataset.athletes.find((a) => a.profile.login === login);
  if (!athlete) throw new Error(`no athlete ${login}`);
  return athlete.profile.userId;
}

/**
 * One simulator per test file, reset to its initial state before every test: `use` receives it once started.
 * (Declared after the helpers it calls; hooks run in the file that calls this.)
 */
export function withTestSimulator(use: (sim: Sim) => void, options: SimulatorOptions = {}): void {
  let sim: Sim | null = null;
  beforeAll(async () => {
    sim = await startTestSimulator(options);
    use(sim);
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(async () => {
    if (sim) await postAdmin(sim, "/reset");
  });
}
