import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/session";
import { AUDIT_RETENTION_DAYS, getApiAccessView } from "@/lib/dal/api-tokens";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API access" };

function formatInstant(ms: number | null): string {
  return ms === null ? "never" : new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export default async function ApiAccessPage() {
  const viewer = await requirePageViewer("/settings/api");
  const { tokens, audit, grantableScopes } = getApiAccessView(getDb(), viewer);
  return (
    <div className="space-y-4">
      <PageHeader
        title="API access"
        description={
          <>
            Personal access tokens let an assistant or your own scripts read your data (read-only) through the{" "}
            <Link href="/docs/api" className="text-accent underline">
              REST API and the MCP server
            </Link>
            . A token reads only the data types you tick; a coach&apos;s token reads only what each athlete shares.
          </>
        }
      >
        <Link href="/settings" className="text-sm text-accent hover:underline">
          ← Settings
        </Link>
      </PageHeader>
      <Card title="New token">
        <CreateTokenForm action={createApiTokenAction} scopes={grantableScopes} />
      </Card>
      <Card title="Your tokens" testId="tokens" state={tokens.length > 0 ? "loaded" : "empty"}>
        {tokens.length === 0 ? (
          <p className="text-sm text-muted">No tokens yet.</p>
        ) : (
          <Table>
            <TableHead>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Scopes</Th>
              <Th>Status</Th>
              <Th>Last used</Th>
              <Th isNumeric>Calls</Th>
              <Th>Expires</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </TableHead>
            <tbody>
              {tokens.map((token) => (
                <Tr key={token.id} data-testid="token-row" data-token-name={token.name} data-status={token.status}>
                  <Td>{token.name}</Td>
                  <Td>
                    <code>{token.displayPrefix}…</code>
                  </Td>
                  <Td>{token.scopes.join(", ")}</Td>
                  <Td data-testid="token-status">{token.status}</Td>
                  <Td data-testid="token-last-used">{formatInstant(token.lastUsedAt)}</Td>
                  <Td isNumeric data-testid="token-calls">
                    {token.callCount}
                  </Td>
                  <Td>{formatInstant(token.expiresAt)}</Td>
                  <Td>
                    {token.status === "active" ? (
                      <ActionForm action={revokeApiTokenAction} testId="revoke-token-form">
                        <input type="hidden" name="tokenId" value={token.id} />
                        <Button type="submit" variant="danger" size="xs" data-testid="revoke-token">
                          Revoke
                        </Button>
                      </ActionForm>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card title={`Recent calls (kept ${AUDIT_RETENTION_DAYS} days)`} testId="token-audit" state={audit.length > 0 ? "loaded" : "empty"}>
        {audit.length === 0 ? (
          <p className="text-sm text-muted">No calls yet.</p>
        ) : (
          <Table>
            <TableHead>
              <Th>When</Th>
              <Th>Token</Th>
              <Th>Route or tool</Th>
            </TableHead>
            <tbody>
              {audit.map((entry, index) => (
                <Tr key={`${entry.at}-${index}`} data-testid="audit-row">
                  <Td>{formatInstant(entry.at)}</Td>
                  <Td>{entry.tokenName}</Td>
                  <Td>
                    <code>{entry.target}</code>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
