import { getDb } from "@/db";
import { handleMcpRequest } from "@/lib/mcp/server";

/**
 * `POST /api/mcp`: the MCP server (Streamable HTTP, stateless, Bearer token). Read-only tools over the athlete's
 * data. Stateless, so there is no GET stream and no DELETE of a session: Next answers those 405.
 */
export async function POST(request: Request): Promise<Response> {
  return handleMcpRequest(request, { db: getDb(), now: Date.now() });
}
