import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Small key/value facts about this installation (e.g. when the demo database was prepared). */
export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
