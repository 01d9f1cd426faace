CREATE TABLE `feed_audience` (
	`tenant_id` text NOT NULL,
	`post_id` text NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `post_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `feed_audience_key` ON `feed_audience` (`tenant_id`,`key`);--> statement-breakpoint
CREATE TABLE `feed_comments` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`post_id` text NOT NULL,
	`author_id` text NOT NULL,
	`text` text NOT NULL,
	`like_count` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `feed_comments_post` ON `feed_comments` (`tenant_id`,`post_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `feed_likes` (
	`tenant_id` text NOT NULL,
	`post_id` text NOT NULL,
	`comment_id` text DEFAULT '' NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `post_id`, `comment_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `feed_mentions` (
	`tenant_id` text NOT NULL,
	`post_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `post_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `feed_mentions_user` ON `feed_mentions` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `feed_poll_options` (
	`tenant_id` text NOT NULL,
	`post_id` text NOT NULL,
	`id` text NOT NULL,
	`text` text NOT NULL,
	`sort` integer NOT NULL,
	`votes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tenant_id`, `post_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `feed_poll_votes` (
	`tenant_id` text NOT NULL,
	`post_id` text NOT NULL,
	`option_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `post_id`, `user_id`, `option_id`)
);
--> statement-breakpoint
CREATE TABLE `feed_posts` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`author_id` text NOT NULL,
	`type` text DEFAULT 'post' NOT NULL,
	`event_type` text,
	`event_data` text,
	`title` text DEFAULT '' NOT NULL,
	`text` text NOT NULL,
	`attachments` text NOT NULL,
	`poll` text,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`like_count` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `feed_posts_tenant_created` ON `feed_posts` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `feed_posts_tenant_author` ON `feed_posts` (`tenant_id`,`author_id`,`created_at`);