import { z } from "zod";

/** Known `data-type` values (§4); the schema accepts any string. */
export const POLAR_NOTIFICATION_DATA_TYPES = ["EXERCISE", "ACTIVITY_SUMMARY", "PHYSICAL_INFORMATION"] as const;

/** One entry of `GET /v3/notifications`: an athlete with uncommitted transactional data of one type. */
export const PolarNotificationSchema = z.looseObject({
  "user-id": z.number().int(),
  "data-type": z.string(),
  /** The transaction-creation URL for that athlete and type (POST to it). */
  url: z.string(),
});
export type PolarNotification = z.infer<typeof PolarNotificationSchema>;

export const PolarNotificationListSchema = z.looseObject({
  "available-user-data": z.array(PolarNotificationSchema),
});
export type PolarNotificationList = z.infer<typeof PolarNotificationListSchema>;
