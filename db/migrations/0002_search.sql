CREATE TABLE `search_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`df` integer DEFAULT 0 NOT NULL,
	`max_score` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_tokens_token_unique` ON `search_tokens` (`token`);--> statement-breakpoint
CREATE TABLE `search_versions` (
	`version_id` text PRIMARY KEY NOT NULL,
	`regulation_id` text NOT NULL,
	`articles` integer NOT NULL,
	`postings` integer NOT NULL,
	`text_hash` integer NOT NULL,
	`article_ids` text NOT NULL,
	`indexed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `regulation_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`regulation_id`) REFERENCES `regulations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `search_versions_regulation_idx` ON `search_versions` (`regulation_id`);