import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Db } from "@/db/client";
import { readBearerToken, resolveTokenViewer } from "@/lib/dal/api-tokens";
import { consumeTokenCall, toTokenErrorResponse } from "@/lib/http/token-route";
import { registerTools } from "./tools";

/**
 * The MCP server at `/api/mcp` (Streamable HTTP, stateless: one server and transport per request, JSON
 * answers). The Bearer token is checked before the protocol sees the request, so an absent, wrong, revoked
 * or expired token is a plain 401 like the REST API's; cookies are never read.
 */

export const MCP_SERVER_INFO = { name: "threshold", version: "1.0.0" } as const;

const INSTRUCTIONS =
  "Threshold holds one athlete's Polar training, sleep and recovery data with computed load (ACWR, CTL/ATL/TSB), resting-HR and HRV baselines and overreaching flags. " +
  "Tools are read-only. Days are the athlete's local days; every answer names its units and the athlete's UTC offset. A flag is a prompt to look closer, never a diagnosis. " +
  "Use athleteId `me` for the token's owner; coaches find athlete ids with roster_triage.";

export async function handleMcpRequest(request: Request, options: { db: Db; now: number }): Promise<Response> {
  try {
    const viewer = resolveTokenViewer(options.db, readBearerToken(request.headers), { now: options.now });
    // Every HTTP exchange (one JSON-RPC message, a tool call included) spends one call of the token's allowance.
    await consumeTokenCall(viewer.tokenId);
    // Stateless: no server-initiated stream (GET) and no session to end (DELETE).
    if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
    const server = new McpServer(MCP_SERVER_INFO, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
    registerTools(server, { db: options.db, viewer, now: options.now });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    return await transport.handleRequest(request);
  } catch (error) {
    return toTokenErrorResponse(error);
  }
}
