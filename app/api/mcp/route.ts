import { getDb } from "@/db";
import { handleMcpRequest } from "@/lib/mcp/server";

/** `/api/mcp`: the MCP server (Streamable HTTP, stateless, Bearer token). Read-only tools over the athlete's data. */
async function handle(request: Request): Promise<Response> {
  return handleMcpRequest(request, { db: getDb(), now: Date.now() });
}

export const POST = handle;
export const GET = handle;
export const DELETE = handle;
