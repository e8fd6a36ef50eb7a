import { z } from "zod";

/**
 * Path and query pieces shared by several routes. Ids are opaque strings with a sane length cap; whether the
 * viewer may see them is lib/dal/access.ts's decision, not the parser's.
 */
export const IdSchema = z.string().min(1).max(100);

/** `/api/athletes/{id}/…`: a user id, or `me`. */
export const AthleteParamsSchema = z.object({ id: IdSchema });

/** `/api/teams/{teamId}/…`. */
export const TeamParamsSchema = z.object({ teamId: IdSchema });

/** `?from=&to=` as strings; lib/dal/daily.ts `parseDailyRange` checks the dates and the range with its own messages. */
export const RangeQuerySchema = z.object({ from: z.string().max(100).optional(), to: z.string().max(100).optional() });
