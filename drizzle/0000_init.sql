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
