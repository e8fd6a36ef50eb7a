PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_exercise` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`polar_exercise_id` integer,
	`polar_hashed_id` text,
	`upload_time` integer,
	`device` text,
	`device_id` text,
	`start_time_local` text NOT NULL,
	`utc_offset_minutes` integer NOT NULL,
	`start_utc_ms` integer NOT NULL,
	`local_date` text NOT NULL,
	`duration_seconds` real NOT NULL,
	`sport` text NOT NULL,
	`detailed_sport` text,
	`calories` integer,
	`distance_meters` real,
	`avg_hr` integer,
	`max_hr` integer,
	`training_load` real,
	`running_index` integer,
	`has_route` integer,
	`fat_percentage` integer,
	`carbohydrate_percentage` integer,
	`protein_percentage` integer,
	`cardio_load` real,
	`muscle_load` real,
	`perceived_load` real,
	`cardio_load_interpretation` text,
	`muscle_load_interpretation` text,
	`perceived_load_interpretation` text,
	`user_rpe` text,
	`zone0_seconds` real,
	`zone1_seconds` real,
	`zone2_seconds` real,
	`zone3_seconds` real,
	`zone4_seconds` real,
	`zone5_seconds` real,
	`no_data_seconds` real,
	`trimp` real,
	`trimp_method` text,
	`hr_max_used` integer,
	`hr_rest_used` integer,
	`hr_max_source` text,
	`endpoint` text NOT NULL,
	`transaction_id` integer,
	`fetched_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_exercise`("id", "athlete_id", "polar_exercise_id", "polar_hashed_id", "upload_time", "device", "device_id", "start_time_local", "utc_offset_minutes", "start_utc_ms", "local_date", "duration_seconds", "sport", "detailed_sport", "calories", "distance_meters", "avg_hr", "max_hr", "training_load", "running_index", "has_route", "fat_percentage", "carbohydrate_percentage", "protein_percentage", "cardio_load", "muscle_load", "perceived_load", "cardio_load_interpretation", "muscle_load_interpretation", "perceived_load_interpretation", "user_rpe", "zone0_seconds", "zone1_seconds", "zone2_seconds", "zone3_seconds", "zone4_seconds", "zone5_seconds", "no_data_seconds", "trimp", "trimp_method", "hr_max_used", "hr_rest_used", "hr_max_source", "endpoint", "transaction_id", "fetched_at", "raw_json") SELECT "id", "athlete_id", "polar_exercise_id", "polar_hashed_id", "upload_time", "device", "device_id", "start_time_local", "utc_offset_minutes", "start_utc_ms", "local_date", "duration_seconds", "sport", "detailed_sport", "calories", "distance_meters", "avg_hr", "max_hr", "training_load", "running_index", "has_route", "fat_percentage", "carbohydrate_percentage", "protein_percentage", "cardio_load", "muscle_load", "perceived_load", "cardio_load_interpretation", "muscle_load_interpretation", "perceived_load_interpretation", "user_rpe", "zone0_seconds", "zone1_seconds", "zone2_seconds", "zone3_seconds", "zone4_seconds", "zone5_seconds", "no_data_seconds", "trimp", "trimp_method", "hr_max_used", "hr_rest_used", "hr_max_source", "endpoint", "transaction_id", "fetched_at", "raw_json" FROM `exercise`;--> statement-breakpoint
DROP TABLE `exercise`;--> statement-breakpoint
ALTER TABLE `__new_exercise` RENAME TO `exercise`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_athlete_polar_id_uq` ON `exercise` (`athlete_id`,`polar_exercise_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_athlete_hashed_id_uq` ON `exercise` (`athlete_id`,`polar_hashed_id`);--> statement-breakpoint
CREATE INDEX `exercise_athlete_date_idx` ON `exercise` (`athlete_id`,`local_date`);--> statement-breakpoint
CREATE INDEX `exercise_athlete_start_idx` ON `exercise` (`athlete_id`,`start_utc_ms`);--> statement-breakpoint
CREATE INDEX `exercise_athlete_sport_idx` ON `exercise` (`athlete_id`,`sport`);