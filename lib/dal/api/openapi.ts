import { z } from "zod";
import { API_TOKEN_SCOPES } from "../api-token-scopes";
import { SESSION_LIST_LIMIT } from "../sessions/list";
import * as S from "./schemas";

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the zod schemas the routes parse with and answer in
 * (zod 4's `z.toJSONSchema`). `API_ROUTES` is the list the document is built from; a test compares it with
 * the route files under app/api/v1 and validates real answers against the response schemas.
 */

export type ApiRoute = {
  path: string;
  summary: string;
  description: string;
  params: z.ZodObject;
  query: z.ZodObject;
  response: z.ZodType;
  /** The token scope the route needs (`any` = at least one scope of the athlete). */
  scope: string;
};

export const API_ROUTES: readonly ApiRoute[] = [
  { path: "/api/v1/athletes/{id}", summary: "Athlete profile", description: "Name, connection state, the athlete's today and time zone, and the scopes this token reads.", params: S.AthleteParamsSchema, query: S.EmptyQuerySchema, response: S.ProfileResponseSchema, scope: "any" },
  { path: "/api/v1/athletes/{id}/daily", summary: "Daily series", description: `One row per athlete-local day with the chosen fields; at most ${S.MAX_PAGE_DAYS} days per page (follow \`next\`). Fields of a scope the token lacks are null.`, params: S.AthleteParamsSchema, query: S.DailyQuerySchema, response: S.DailyResponseSchema, scope: "any" },
  { path: "/api/v1/athletes/{id}/sessions", summary: "Training sessions", description: `Newest first, filtered by dates and sport; at most ${S.MAX_SESSION_PAGE} per page (follow \`nextOffset\`) and ${SESSION_LIST_LIMIT} per date range (\`total\` counts them all: narrow the range for the rest).`, params: S.AthleteParamsSchema, query: S.SessionsQuerySchema, response: S.SessionsResponseSchema, scope: "training" },
  { path: "/api/v1/athletes/{id}/sessions/{sessionId}", summary: "One session", description: "Heart-rate zones (ours and Polar's) and, with `samples=true`, downsampled series (≤ 1 200 points each).", params: S.SessionParamsSchema, query: S.SessionQuerySchema, response: S.SessionResponseSchema, scope: "training" },
  { path: "/api/v1/athletes/{id}/nights", summary: "Nights", description: "Sleep stages, score, resting HR and HRV per night (RHR/HRV need the recovery scope).", params: S.AthleteParamsSchema, query: S.RangeQuerySchema, response: S.NightsResponseSchema, scope: "sleep" },
  { path: "/api/v1/athletes/{id}/flags", summary: "Overreaching flags", description: "The flag level per day with the reasons behind it. A flag is a prompt to look closer, not a diagnosis.", params: S.AthleteParamsSchema, query: S.RangeQuerySchema, response: S.FlagsResponseSchema, scope: "training" },
  { path: "/api/v1/athletes/{id}/check-ins", summary: "Morning check-ins", description: "The athlete's check-ins per day (1–5 scales, illness, note). Needs the check-ins scope and the recovery data type; a coach gets notes only when the athlete shares them.", params: S.AthleteParamsSchema, query: S.RangeQuerySchema, response: S.CheckInsResponseSchema, scope: "check-ins" },
  { path: "/api/v1/teams", summary: "Coached teams", description: "Teams the token's owner coaches.", params: z.object({}), query: S.EmptyQuerySchema, response: S.TeamsResponseSchema, scope: "roster" },
  { path: "/api/v1/teams/{teamId}/roster", summary: "Team roster", description: "Athletes sorted by risk; each value only when the athlete shares its data type and the token has the scope.", params: S.TeamParamsSchema, query: S.EmptyQuerySchema, response: S.RosterResponseSchema, scope: "roster" },
];

type JsonSchema = Record<string, unknown>;

function toJson(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" });
  return rest;
}

function toParameters(schema: z.ZodObject, where: "path" | "query"): JsonSchema[] {
  const json = toJson(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: toJson(S.ErrorResponseSchema, "output") } } });

/** The whole document; `serverUrl` is the app's public URL. */
export function buildOpenApiDocument(serverUrl: string): JsonSchema {
  const paths = Object.fromEntries(
    API_ROUTES.map((route) => [
      route.path,
      {
        get: {
          summary: route.summary,
          description: `${route.description} Scope: ${route.scope}.`,
          parameters: [...toParameters(route.params, "path"), ...toParameters(route.query, "query")],
          responses: {
            "200": { description: "OK", content: { "application/json": { schema: toJson(route.response, "output") } } },
            "400": errorResponse("Bad arguments (the message names each field)"),
            "401": errorResponse("Absent, wrong, revoked or expired token"),
            "403": errorResponse("The token lacks the route's scope (roster)"),
            "404": errorResponse("Not found, or not visible to this token (the same answer either way)"),
            "429": errorResponse("Per-token rate limit; see Retry-After"),
          },
        },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Threshold read API",
      version: "1.0.0",
      description: `Read-only access to an athlete's synced Polar data and Threshold's computed numbers, with a personal access token (Settings → API access). Scopes: ${API_TOKEN_SCOPES.join(", ")}. Every answer names its units and the athlete's time zone; days are athlete-local.`,
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A `thr_…` personal access token" } } },
    paths,
  };
}
