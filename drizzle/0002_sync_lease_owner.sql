ALTER TABLE `sync_lease` ADD `owner_host` text NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_lease` ADD `owner_pid` integer NOT NULL;