import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES, buildOpenApiDocument } from "@/lib/dal/api/openapi";

/** The document must list exactly the route files under app/api/v1 (the document's own route excepted), with their methods. */

const V1 = path.join(process.cwd(), "app/api/v1");

function listRouteFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function toApiPath(file: string): string {
  const relative = path.relative(V1, path.dirname(file)).split(path.sep).filter(Boolean);
  return `/api/v1/${relative.map((part) => part.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`.replace(/\/$/, "");
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

describe("OpenAPI document vs app/api/v1", () => {
  const document = buildOpenApiDocument("http://localhost:3000") as { openapi: string; paths: Record<string, Record<string, unknown>> };
  const files = listRouteFiles(V1).filter((file) => toApiPath(file) !== "/api/v1/openapi.json");

  it("is OpenAPI 3.1 with one path per route file", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(files.map(toApiPath).sort());
  });

  it("documents each route file's methods, and the files export no others", () => {
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const exported = HTTP_METHODS.filter((method) => new RegExp(`export (const|async function|function) ${method}\\b`).test(source));
      expect(Object.keys(document.paths[toApiPath(file)]).map((method) => method.toUpperCase()), file).toEqual(exported);
      // The wrapper audits the call under the documented path.
      expect(source, file).toContain(`path: "${toApiPath(file)}"`);
    }
  });

  it("documents every path parameter and the query parameters each route parses", () => {
    for (const route of API_ROUTES) {
      const operation = document.paths[route.path].get as { parameters: { name: string; in: string }[]; responses: Record<string, unknown> };
      const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(operation.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(pathParams);
      expect(operation.parameters.filter((p) => p.in === "query").map((p) => p.name)).toEqual(Object.keys(route.query.shape));
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "404"]));
    }
  });
});
