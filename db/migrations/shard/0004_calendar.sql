CREATE TABLE `calendar_senders` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`owner_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`confirmed` integer DEFAULT false NOT NULL,
	`code_hash` text,
	`code_expires_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `calendar_senders_owner` ON `calendar_senders` (`tenant_id`,`owner_id`);--> statement-breakpoint
CREATE TABLE `calendar_settings` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`sender_id` text,
	PRIMARY KEY(`tenant_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `calendar_shares` (
	`tenant_id` text NOT NULL,
	`calendar_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `calendar_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `calendar_shares_user` ON `calendar_shares` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `calendars` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`owner_id` text,
	`name` text NOT NULL,
	`color` text DEFAULT '#2563eb' NOT NULL,
	`feed_token_hash` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendars_owner` ON `calendars` (`tenant_id`,`kind`,`owner_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendars_feed` ON `calendars` (`feed_token_hash`);--> statement-breakpoint
CREATE TABLE `event_attendees` (
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`responded_at` text,
	PRIMARY KEY(`tenant_id`, `event_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `event_attendees_user` ON `event_attendees` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `event_guest_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`guest_id` text NOT NULL,
	`event_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `event_guest_tokens_guest` ON `event_guest_tokens` (`tenant_id`,`guest_id`);--> statement-breakpoint
CREATE TABLE `event_guests` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`event_id` text NOT NULL,
	`email` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`responded_at` text,
	`mailed_sequence` integer,
	`removed_at` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `event_guests_event` ON `event_guests` (`tenant_id`,`event_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`calendar_id` text NOT NULL,
	`organizer_id` text NOT NULL,
	`uid` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`start_utc` text NOT NULL,
	`end_utc` text NOT NULL,
	`time_zone` text NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`rrule` text,
	`exdates` text NOT NULL,
	`until_utc` text,
	`parent_id` text,
	`recurrence_start_utc` text,
	`importance` text DEFAULT 'normal' NOT NULL,
	`privacy` text DEFAULT 'public' NOT NULL,
	`reminders` text NOT NULL,
	`options` text NOT NULL,
	`attachments` text NOT NULL,
	`status` text DEFAULT 'confirmed' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `events_calendar_range` ON `events` (`tenant_id`,`calendar_id`,`start_utc`);--> statement-breakpoint
CREATE INDEX `events_parent` ON `events` (`tenant_id`,`parent_id`);--> statement-breakpoint
CREATE INDEX `events_until` ON `events` (`tenant_id`,`until_utc`);--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `attachments` text;