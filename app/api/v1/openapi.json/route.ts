import { buildOpenApiDocument } from "@/lib/dal/api/openapi";
import { getEnv } from "@/lib/env";

/** `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of the token API (public: it holds no data). */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(getEnv().APP_URL), { headers: { "Cache-Control": "public, max-age=300" } });
}
