CREATE TABLE `polar_webhook` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`events_json` text NOT NULL,
	`secret_encrypted` text NOT NULL,
	`created_at` integer NOT NULL,
	`checked_at` integer,
	`active_at_polar` integer
);
--> statement-breakpoint
CREATE TABLE `webhook_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_key` text NOT NULL,
	`event` text NOT NULL,
	`polar_user_id` integer NOT NULL,
	`athlete_id` text NOT NULL,
	`entity` text,
	`received_at` integer NOT NULL,
	`status` text NOT NULL,
	`run_id` text,
	`dispatched_at` integer,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_event_key_uq` ON `webhook_event` (`event_key`);--> statement-breakpoint
CREATE INDEX `webhook_event_status_athlete_idx` ON `webhook_event` (`status`,`athlete_id`);