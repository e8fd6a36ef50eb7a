CREATE TABLE `athlete_data_change` (
	`athlete_id` text NOT NULL,
	`local_date` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`athlete_id`, `local_date`),
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `athlete_data_change_version_idx` ON `athlete_data_change` (`athlete_id`,`version`,`local_date`);--> statement-breakpoint
CREATE TABLE `daily_series_head` (
	`athlete_id` text NOT NULL,
	`variant` text NOT NULL,
	`version` integer NOT NULL,
	`history_start` text NOT NULL,
	`computed_through` text NOT NULL,
	`settings_key` text NOT NULL,
	PRIMARY KEY(`athlete_id`, `variant`),
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `daily_series_state` (
	`athlete_id` text NOT NULL,
	`variant` text NOT NULL,
	`local_date` text NOT NULL,
	`ctl` real NOT NULL,
	`atl` real NOT NULL,
	`ewma_acute` real NOT NULL,
	`ewma_chronic` real NOT NULL,
	`rhr_streak` integer NOT NULL,
	`hrv_streak` integer NOT NULL,
	`load` real NOT NULL,
	`rhr` real,
	`ln_rmssd` real,
	`sleep_minutes` real,
	PRIMARY KEY(`athlete_id`, `variant`, `local_date`),
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
