CREATE TABLE `check_in` (
	`athlete_id` text NOT NULL,
	`local_date` text NOT NULL,
	`fatigue` integer,
	`soreness` integer,
	`stress` integer,
	`mood` integer,
	`sleep_quality` integer,
	`illness` integer,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`athlete_id`, `local_date`),
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "check_in_scales" CHECK(coalesce("check_in"."fatigue" between 1 and 5, 1) and coalesce("check_in"."soreness" between 1 and 5, 1) and coalesce("check_in"."stress" between 1 and 5, 1) and coalesce("check_in"."mood" between 1 and 5, 1) and coalesce("check_in"."sleep_quality" between 1 and 5, 1)),
	CONSTRAINT "check_in_note_length" CHECK("check_in"."note" is null or length("check_in"."note") <= 500)
);
--> statement-breakpoint
CREATE TABLE `session_rpe` (
	`exercise_id` integer PRIMARY KEY NOT NULL,
	`athlete_id` text NOT NULL,
	`rpe` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercise`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "session_rpe_cr10" CHECK("session_rpe"."rpe" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE `team_athlete` ADD `share_check_in_notes` integer DEFAULT false NOT NULL;