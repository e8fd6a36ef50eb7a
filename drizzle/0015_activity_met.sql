CREATE TABLE `daily_activity_met` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`daily_activity_id` integer NOT NULL,
	`local_date` text NOT NULL,
	`sample_count` integer NOT NULL,
	`samples` text NOT NULL,
	`endpoint` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`source` text DEFAULT 'api' NOT NULL,
	`archive_name` text,
	`entry_name` text,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`daily_activity_id`) REFERENCES `daily_activity`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_activity_met_athlete_date_uq` ON `daily_activity_met` (`athlete_id`,`local_date`);