CREATE TABLE `sync_backfill` (
	`athlete_id` text NOT NULL,
	`resource` text NOT NULL,
	`next_to` text NOT NULL,
	`oldest_date` text NOT NULL,
	`empty_streak` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT false NOT NULL,
	`days_done` integer DEFAULT 0 NOT NULL,
	`days_total` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`athlete_id`, `resource`),
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `cardio_load` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `continuous_heart_rate` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `daily_activity_extra` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `nightly_recharge` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `sleep` ADD `content_hash` text;--> statement-breakpoint
ALTER TABLE `sync_lease` ADD `owner_started` text;