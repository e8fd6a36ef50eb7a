CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `account` (
	`userId` text NOT NULL,
	`type` text NOT NULL,
	`provider` text NOT NULL,
	`providerAccountId` text NOT NULL,
	`refresh_token` text,
	`access_token` text,
	`expires_at` integer,
	`token_type` text,
	`scope` text,
	`id_token` text,
	`session_state` text,
	PRIMARY KEY(`provider`, `providerAccountId`),
	FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pending_deregistration` (
	`polar_user_id` integer PRIMARY KEY NOT NULL,
	`access_token_encrypted` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`next_attempt_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `polar_connection` (
	`user_id` text PRIMARY KEY NOT NULL,
	`polar_user_id` integer NOT NULL,
	`member_id` text NOT NULL,
	`access_token_encrypted` text NOT NULL,
	`token_issued_at` integer NOT NULL,
	`token_expires_at` integer,
	`registration_status` text DEFAULT 'pending' NOT NULL,
	`registered_at` integer,
	`registration_error` text,
	`state` text DEFAULT 'connected' NOT NULL,
	`state_detail` text,
	`state_changed_at` integer,
	`polar_profile_json` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `polar_connection_polar_user_id_unique` ON `polar_connection` (`polar_user_id`);--> statement-breakpoint
CREATE INDEX `polar_connection_state_idx` ON `polar_connection` (`state`);--> statement-breakpoint
CREATE TABLE `session` (
	`sessionToken` text PRIMARY KEY NOT NULL,
	`userId` text NOT NULL,
	`expires` integer NOT NULL,
	FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`email` text,
	`emailVerified` integer,
	`image` text,
	`polar_user_id` integer,
	`time_zone` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_polar_user_id_unique` ON `user` (`polar_user_id`);--> statement-breakpoint
CREATE TABLE `verificationToken` (
	`identifier` text NOT NULL,
	`token` text NOT NULL,
	`expires` integer NOT NULL,
	PRIMARY KEY(`identifier`, `token`)
);
--> statement-breakpoint
CREATE TABLE `cardio_load` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`local_date` text NOT NULL,
	`status` text NOT NULL,
	`cardio_load` real,
	`strain` real,
	`tolerance` real,
	`cardio_load_ratio` real,
	`level_very_low` real,
	`level_low` real,
	`level_medium` real,
	`level_high` real,
	`level_very_high` real,
	`endpoint` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cardio_load_athlete_date_uq` ON `cardio_load` (`athlete_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `continuous_heart_rate` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`local_date` text NOT NULL,
	`sample_count` integer NOT NULL,
	`min_hr` integer,
	`max_hr` integer,
	`samples` text NOT NULL,
	`endpoint` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `continuous_heart_rate_athlete_date_uq` ON `continuous_heart_rate` (`athlete_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `daily_activity` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`local_date` text NOT NULL,
	`polar_activity_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`calories` integer,
	`active_calories` integer,
	`active_duration_seconds` real,
	`active_steps` integer,
	`step_interval_minutes` integer,
	`step_samples` text,
	`zone_interval_minutes` integer,
	`zone_samples` text,
	`endpoint` text NOT NULL,
	`transaction_id` integer,
	`fetched_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_activity_athlete_date_uq` ON `daily_activity` (`athlete_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `daily_activity_extra` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`local_date` text NOT NULL,
	`distance_from_steps_meters` real,
	`inactivity_alert_count` integer,
	`endpoint` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_activity_extra_athlete_date_uq` ON `daily_activity_extra` (`athlete_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `exercise_hr_zone` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`exercise_id` integer NOT NULL,
	`zone_index` integer NOT NULL,
	`lower_limit` integer NOT NULL,
	`upper_limit` integer NOT NULL,
	`in_zone_seconds` real NOT NULL,
	`endpoint` text NOT NULL,
	`transaction_id` integer,
	`fetched_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercise`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_hr_zone_exercise_index_uq` ON `exercise_hr_zone` (`exercise_id`,`zone_index`);--> statement-breakpoint
CREATE TABLE `exercise_sample` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`exercise_id` integer NOT NULL,
	`sample_type` integer NOT NULL,
	`recording_rate` integer,
	`sample_count` integer NOT NULL,
	`packed_values` text NOT NULL,
	`endpoint` text NOT NULL,
	`transaction_id` integer,
	`fetched_at` integer NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercise`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_sample_exercise_type_uq` ON `exercise_sample` (`exercise_id`,`sample_type`);--> statement-breakpoint
CREATE TABLE `exercise` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`polar_exercise_id` integer NOT NULL,
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
CREATE UNIQUE INDEX `exercise_athlete_polar_id_uq` ON `exercise` (`athlete_id`,`polar_exercise_id`);--> statement-breakpoint
CREATE INDEX `exercise_athlete_date_idx` ON `exercise` (`athlete_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `nightly_recharge` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`local_date` text NOT NULL,
	`heart_rate_avg` integer,
	`beat_to_beat_avg_ms` integer,
	`hrv_rmssd_ms` integer,
	`breathing_rate_avg` real,
	`nightly_recharge_status` integer,
	`ans_charge` real,
	`ans_charge_status` integer,
	`samples_base_local` text NOT NULL,
	`samples_base_utc_ms` integer,
	`hrv_samples` text NOT NULL,
	`breathing_samples` text NOT NULL,
	`endpoint` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nightly_recharge_athlete_date_uq` ON `nightly_recharge` (`athlete_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `physical_info` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`polar_physical_info_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`local_date` text NOT NULL,
	`weight_kg` real,
	`height_cm` real,
	`maximum_heart_rate` integer,
	`resting_heart_rate` integer,
	`aerobic_threshold` integer,
	`anaerobic_threshold` integer,
	`vo2_max` integer,
	`weight_source` text,
	`endpoint` text NOT NULL,
	`transaction_id` integer,
	`fetched_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `physical_info_athlete_polar_id_uq` ON `physical_info` (`athlete_id`,`polar_physical_info_id`);--> statement-breakpoint
CREATE INDEX `physical_info_athlete_created_idx` ON `physical_info` (`athlete_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sleep` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`local_date` text NOT NULL,
	`start_utc_ms` integer NOT NULL,
	`end_utc_ms` integer NOT NULL,
	`start_utc_offset_minutes` integer NOT NULL,
	`end_utc_offset_minutes` integer NOT NULL,
	`device_id` text,
	`continuity` real,
	`continuity_class` integer,
	`light_sleep_seconds` integer,
	`deep_sleep_seconds` integer,
	`rem_sleep_seconds` integer,
	`unrecognized_sleep_seconds` integer,
	`sleep_score` integer,
	`total_interruption_seconds` integer,
	`short_interruption_seconds` integer,
	`long_interruption_seconds` integer,
	`sleep_charge` integer,
	`sleep_goal_seconds` integer,
	`sleep_rating` integer,
	`sleep_cycles` integer,
	`group_duration_score` real,
	`group_solidity_score` real,
	`group_regeneration_score` real,
	`samples_base_utc_ms` integer NOT NULL,
	`hypnogram` text NOT NULL,
	`heart_rate_samples` text NOT NULL,
	`endpoint` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sleep_athlete_date_uq` ON `sleep` (`athlete_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `athlete_sync_settings` (
	`athlete_id` text PRIMARY KEY NOT NULL,
	`training` integer DEFAULT true NOT NULL,
	`daily_activity` integer DEFAULT true NOT NULL,
	`sleep` integer DEFAULT true NOT NULL,
	`recovery` integer DEFAULT true NOT NULL,
	`continuous_hr` integer DEFAULT true NOT NULL,
	`cardio_load` integer DEFAULT true NOT NULL,
	`body` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `polar_transaction` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`kind` text NOT NULL,
	`transaction_id` integer NOT NULL,
	`resource_uri` text NOT NULL,
	`status` text NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	`run_id` text,
	`item_count` integer,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `polar_transaction_athlete_kind_id_uq` ON `polar_transaction` (`athlete_id`,`kind`,`transaction_id`);--> statement-breakpoint
CREATE INDEX `polar_transaction_athlete_status_idx` ON `polar_transaction` (`athlete_id`,`status`);--> statement-breakpoint
CREATE TABLE `sync_cursor` (
	`athlete_id` text NOT NULL,
	`resource` text NOT NULL,
	`cursor_date` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`athlete_id`, `resource`),
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_lease` (
	`athlete_id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`acquired_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`owner_host` text NOT NULL,
	`owner_pid` integer NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_quarantine` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`athlete_id` text NOT NULL,
	`resource` text NOT NULL,
	`item_key` text NOT NULL,
	`endpoint` text NOT NULL,
	`transaction_id` integer,
	`raw_json` text NOT NULL,
	`error` text NOT NULL,
	`path` text,
	`fetched_at` integer NOT NULL,
	`reparsed_at` integer,
	`reparse_error` text,
	`run_id` text,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_quarantine_item_uq` ON `sync_quarantine` (`athlete_id`,`resource`,`item_key`);--> statement-breakpoint
CREATE TABLE `sync_run` (
	`id` text PRIMARY KEY NOT NULL,
	`athlete_id` text NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`step` text NOT NULL,
	`items_done` integer DEFAULT 0 NOT NULL,
	`items_total` integer DEFAULT 0 NOT NULL,
	`counts_json` text DEFAULT '{}' NOT NULL,
	`errors_json` text DEFAULT '[]' NOT NULL,
	`request_count` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`duration_ms` integer,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_run_athlete_started_idx` ON `sync_run` (`athlete_id`,`started_at`);--> statement-breakpoint
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
CREATE INDEX `webhook_event_status_athlete_idx` ON `webhook_event` (`status`,`athlete_id`);--> statement-breakpoint
CREATE TABLE `team_athlete` (
	`team_id` text NOT NULL,
	`athlete_id` text NOT NULL,
	`share_training` integer NOT NULL,
	`share_sleep` integer NOT NULL,
	`share_recovery` integer NOT NULL,
	`share_body` integer NOT NULL,
	`invitation_id` text,
	`joined_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`team_id`, `athlete_id`),
	FOREIGN KEY (`team_id`) REFERENCES `team`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_id`) REFERENCES `team_invitation`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `team_athlete_athlete_idx` ON `team_athlete` (`athlete_id`);--> statement-breakpoint
CREATE TABLE `team_coach` (
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`team_id`, `user_id`),
	FOREIGN KEY (`team_id`) REFERENCES `team`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_coach_user_idx` ON `team_coach` (`user_id`);--> statement-breakpoint
CREATE TABLE `team_invitation` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`kind` text NOT NULL,
	`token_hash` text NOT NULL,
	`requested_scopes` text NOT NULL,
	`created_by_user_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`used_at` integer,
	`used_by_user_id` text,
	FOREIGN KEY (`team_id`) REFERENCES `team`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`used_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_invitation_token_hash_uq` ON `team_invitation` (`token_hash`);--> statement-breakpoint
CREATE INDEX `team_invitation_team_idx` ON `team_invitation` (`team_id`);--> statement-breakpoint
CREATE TABLE `team` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `athlete_physiology_override` (
	`athlete_id` text PRIMARY KEY NOT NULL,
	`hrmax` integer,
	`hrrest` integer,
	`sex` text,
	`zone_model` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`athlete_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
