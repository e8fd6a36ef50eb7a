import { z } from "zod";
import type { ApiTokenScope } from "@/db/schema/api-tokens";

/** The scopes a personal access token can hold (no server imports: the Settings form and the API docs use it). */
export const API_TOKEN_SCOPES: readonly ApiTokenScope[] = ["training", "sleep", "recovery", "body", "check-ins", "roster"];

export const ApiTokenScopeSchema = z.enum(["training", "sleep", "recovery", "body", "check-ins", "roster"]);

export type { ApiTokenScope };
