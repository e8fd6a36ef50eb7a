import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { DAILY_FIELDS, DAILY_FIELD_NAMES } from "@/lib/dal/api/fields";
import { API_ROUTES } from "@/lib/dal/api/openapi";
import { MCP_TOOL_SUMMARIES } from "@/lib/mcp/summaries";

export const metadata: Metadata = { title: "API reference" };

/** The readable reference of the token API and the MCP server, from the same route list as the OpenAPI document. */
export default function ApiReferencePage() {
  return (
    <div className="space-y-4">
      <PageHeader
        title="API reference"
        description={
          <>
            Read-only access with a personal access token from{" "}
            <Link href="/settings/api" className="text-accent underline">
              Settings → API access
            </Link>
            , sent as <code>Authorization: Bearer thr_…</code>. Machine-readable: <a href="/api/v1/openapi.json" className="text-accent underline">/api/v1/openapi.json</a> (OpenAPI 3.1).
          </>
        }
      />
      <Card title="Conventions">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>Days are the athlete&apos;s local days (YYYY-MM-DD); instants are epoch milliseconds, UTC. Every answer carries the athlete&apos;s UTC offset and the unit of each value.</li>
          <li>Use <code>me</code> as the athlete id for the token&apos;s owner. A coach&apos;s token reads an athlete only as far as that athlete shares with the coach; anything else is the same 404 &quot;not found&quot;.</li>
          <li>Ranges default to the 28 days ending on the athlete&apos;s today and are paged by 92 days (<code>next</code>); sessions are paged by 50 (<code>nextOffset</code>).</li>
          <li>401: absent, wrong, expired or revoked token. 403: the route needs a scope the token lacks (roster). 429: more than 120 calls a minute per token (see Retry-After).</li>
          <li>A flag (watch, elevated, high) is a prompt to look closer, not a diagnosis.</li>
        </ul>
      </Card>
      <Card title="REST routes (GET)" testId="api-routes" state="loaded">
        <Table frameProps={{ tabIndex: 0 }}>
          <TableHead>
            <Th>Path</Th>
            <Th>What</Th>
            <Th>Scope</Th>
          </TableHead>
          <tbody>
            {API_ROUTES.map((route) => (
              <Tr key={route.path}>
                <Td>
                  <code>{route.path}</code>
                  {Object.keys(route.query.shape).length > 0 ? <div className="text-xs text-muted">?{Object.keys(route.query.shape).join("&")}</div> : null}
                </Td>
                <Td>
                  <span className="font-medium">{route.summary}.</span> {route.description}
                </Td>
                <Td>{route.scope}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card title="Daily fields (fields=)">
        <Table frameProps={{ tabIndex: 0 }}>
          <TableHead>
            <Th>Field</Th>
            <Th>Unit</Th>
            <Th>Scope</Th>
            <Th>Meaning</Th>
          </TableHead>
          <tbody>
            {DAILY_FIELD_NAMES.map((name) => (
              <Tr key={name}>
                <Td>
                  <code>{name}</code>
                </Td>
                <Td>{DAILY_FIELDS[name].unit}</Td>
                <Td>{DAILY_FIELDS[name].scope}</Td>
                <Td>{DAILY_FIELDS[name].description}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card title="MCP server: /api/mcp (Streamable HTTP)">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {MCP_TOOL_SUMMARIES.map((tool) => (
            <li key={tool.name}>
              <code>{tool.name}</code>: {tool.summary}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
