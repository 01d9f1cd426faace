CREATE TABLE `chat_members` (
	`tenant_id` text NOT NULL,
	`chat_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`last_read_seq` integer DEFAULT 0 NOT NULL,
	`joined_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `chat_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `chat_members_user` ON `chat_members` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `chats` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`visibility` text DEFAULT 'private' NOT NULL,
	`direct_key` text,
	`created_by` text NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`last_message_at` text,
	`last_preview` text DEFAULT '' NOT NULL,
	`last_author_id` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chats_direct_key` ON `chats` (`tenant_id`,`direct_key`);--> statement-breakpoint
CREATE INDEX `chats_public` ON `chats` (`tenant_id`,`visibility`,`last_message_at`);