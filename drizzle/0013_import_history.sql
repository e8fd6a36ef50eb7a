CREATE TABLE `import_job` (
	`id` text PRIMARY KEY NOT NULL,
	`athlete_id` text NOT NULL,
	`run_id` text,
	`archive_path` text NOT NULL,
	`archive_name` text NOT NULL,
	`archive_bytes` integer NOT NULL,
	`status` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`summary_json` text NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `sync_run`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_job_athlete_created_idx` ON `import_job` (`athlete_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `continuous_heart_rate` ADD `source` text DEFAULT 'api' NOT NULL;--> statement-breakpoint
ALTER TABLE `continuous_heart_rate` ADD `archive_name` text;--> statement-breakpoint
ALTER TABLE `continuous_heart_rate` ADD `entry_name` text;--> statement-breakpoint
ALTER TABLE `daily_activity` ADD `source` text DEFAULT 'api' NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_activity` ADD `archive_name` text;--> statement-breakpoint
ALTER TABLE `daily_activity` ADD `entry_name` text;--> statement-breakpoint
ALTER TABLE `exercise` ADD `source` text DEFAULT 'api' NOT NULL;--> statement-breakpoint
ALTER TABLE `exercise` ADD `archive_name` text;--> statement-breakpoint
ALTER TABLE `exercise` ADD `entry_name` text;--> statement-breakpoint
ALTER TABLE `nightly_recharge` ADD `source` text DEFAULT 'api' NOT NULL;--> statement-breakpoint
ALTER TABLE `nightly_recharge` ADD `archive_name` text;--> statement-breakpoint
ALTER TABLE `nightly_recharge` ADD `entry_name` text;--> statement-breakpoint
ALTER TABLE `physical_info` ADD `source` text DEFAULT 'api' NOT NULL;--> statement-breakpoint
ALTER TABLE `physical_info` ADD `archive_name` text;--> statement-breakpoint
ALTER TABLE `physical_info` ADD `entry_name` text;--> statement-breakpoint
ALTER TABLE `sleep` ADD `source` text DEFAULT 'api' NOT NULL;--> statement-breakpoint
ALTER TABLE `sleep` ADD `archive_name` text;--> statement-breakpoint
ALTER TABLE `sleep` ADD `entry_name` text;--> statement-breakpoint
ALTER TABLE `sync_run` ADD `kind` text DEFAULT 'sync' NOT NULL;