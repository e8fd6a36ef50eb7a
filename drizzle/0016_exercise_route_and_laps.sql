CREATE TABLE `exercise_lap` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`exercise_id` integer NOT NULL,
	`lap_index` integer NOT NULL,
	`start_offset_seconds` real NOT NULL,
	`duration_seconds` real NOT NULL,
	`distance_meters` real,
	`avg_hr` integer,
	`max_hr` integer,
	`endpoint` text NOT NULL,
	`fetched_at` integer NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercise`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_lap_exercise_index_uq` ON `exercise_lap` (`exercise_id`,`lap_index`);--> statement-breakpoint
CREATE INDEX `exercise_lap_athlete_idx` ON `exercise_lap` (`athlete_id`);--> statement-breakpoint
CREATE TABLE `exercise_route` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`exercise_id` integer NOT NULL,
	`point_count` integer NOT NULL,
	`elapsed_seconds` text NOT NULL,
	`latitudes` text NOT NULL,
	`longitudes` text NOT NULL,
	`altitudes` text,
	`endpoint` text NOT NULL,
	`fetched_at` integer NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercise`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_route_exercise_uq` ON `exercise_route` (`exercise_id`);--> statement-breakpoint
CREATE INDEX `exercise_route_athlete_idx` ON `exercise_route` (`athlete_id`);