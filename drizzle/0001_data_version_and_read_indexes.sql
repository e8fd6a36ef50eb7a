CREATE TABLE `athlete_data_version` (
	`athlete_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `exercise_athlete_start_idx` ON `exercise` (`athlete_id`,`start_utc_ms`);--> statement-breakpoint
CREATE INDEX `exercise_athlete_sport_idx` ON `exercise` (`athlete_id`,`sport`);--> statement-breakpoint
CREATE INDEX `sleep_athlete_end_idx` ON `sleep` (`athlete_id`,`end_utc_ms`);