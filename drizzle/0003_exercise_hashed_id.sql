ALTER TABLE `exercise` ADD `polar_hashed_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_athlete_hashed_id_uq` ON `exercise` (`athlete_id`,`polar_hashed_id`);