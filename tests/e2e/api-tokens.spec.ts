import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { E2E_APP_URL } from "./support/constants";

// Priya (signed in by auth.setup.ts); the token test needs no synced data.
test.use({ storageState: storageStateOf("priya") });

test("an athlete creates a token, sees it once, uses it, sees the use, and revokes it", async ({ page, playwright }) => {
  test.setTimeout(120_000);
  await page.goto("/settings/api");
  await expect(page.getByRole("heading", { name: "API access" })).toBeVisible();

  await page.getByTestId("token-name").fill("e2e notebook");
  await page.getByTestId("token-scope-body").uncheck();
  await page.getByTestId("create-token").click();
  const value = page.getByTestId("new-token-value");
  await expect(value).toHaveText(/^thr_[A-Za-z0-9_-]{43}$/);
  const token = (await value.textContent()) ?? "";

  const row = page.locator('[data-testid="token-row"][data-token-name="e2e notebook"]');
  await expect(row.getByTestId("token-calls")).toHaveText("0");
  await expect(row).toContainText("training, sleep, recovery, check-ins");

  // A fresh request context: no session cookie, only the Bearer token.
  const api = await playwright.request.newContext({ baseURL: E2E_APP_URL });
  const profile = await api.get("/api/v1/athletes/me", { headers: { authorization: `Bearer ${token}` } });
  expect(profile.status()).toBe(200);
  const body = (await profile.json()) as { name: string; scopes: string[]; timeZone: { utcOffset: string } };
  expect(await page.getByTestId("viewer-name").textContent()).toContain(body.name);
  expect(body.scopes).toEqual(["training", "sleep", "recovery"]);
  expect((await api.get("/api/v1/athletes/me")).status()).toBe(401);

  // The MCP server in the built app: a JSON-RPC tool call with the same token.
  const mcp = await api.post("/api/mcp", {
    headers: { authorization: `Bearer ${token}`, accept: "application/json, text/event-stream", "content-type": "application/json" },
    data: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "get_daily_metrics", arguments: { fields: ["load", "sleepMinutes"] } } },
  });
  expect(mcp.status()).toBe(200);
  const rpc = (await mcp.json()) as { result: { isError?: boolean; structuredContent: { athleteId: string; fields: string[] } } };
  expect(rpc.result.isError).toBeFalsy();
  expect(rpc.result.structuredContent.fields).toEqual(["load", "sleepMinutes"]);

  // Shown once: after a reload the page has the prefix only, and the call is counted and audited.
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(token);
  await expect(row.getByTestId("token-calls")).toHaveText("2");
  await expect(row.getByTestId("token-last-used")).not.toHaveText("never");
  await expect(page.getByTestId("token-audit")).toContainText("GET /api/v1/athletes/{id}");
  await expect(page.getByTestId("token-audit")).toContainText("mcp:get_daily_metrics");

  await row.getByTestId("revoke-token").click();
  await expect(row).toHaveAttribute("data-status", "revoked");
  expect((await api.get("/api/v1/athletes/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  await api.dispose();
});

test("the API reference page and the OpenAPI document list the same routes", async ({ page }) => {
  await page.goto("/docs/api");
  const document = (await (await page.request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  const paths = Object.keys(document.paths);
  expect(paths).toContain("/api/v1/athletes/{id}/daily");
  for (const path of paths) await expect(page.getByTestId("api-routes")).toContainText(path);
});
