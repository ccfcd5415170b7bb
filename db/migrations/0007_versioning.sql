CREATE TABLE `draft_edit_spans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` text NOT NULL,
	`update_id` integer NOT NULL,
	`user_id` text,
	`created_at` integer NOT NULL,
	`kind` text NOT NULL,
	`client` integer NOT NULL,
	`clock` integer NOT NULL,
	`len` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `draft_edit_spans_client_idx` ON `draft_edit_spans` (`draft_id`,`client`,`clock`);--> statement-breakpoint
CREATE INDEX `draft_edit_spans_update_idx` ON `draft_edit_spans` (`draft_id`,`update_id`);--> statement-breakpoint
CREATE TABLE `draft_version_articles` (
	`version_id` text NOT NULL,
	`position` integer NOT NULL,
	`eid` text NOT NULL,
	`number` integer NOT NULL,
	`sub` integer,
	`label` text NOT NULL,
	`heading_path` text NOT NULL,
	`text` text NOT NULL,
	`text_hash` text NOT NULL,
	`change` text NOT NULL,
	`authors` text NOT NULL,
	`changed_at` integer,
	PRIMARY KEY(`version_id`, `position`),
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `draft_version_articles_version_eid_idx` ON `draft_version_articles` (`version_id`,`eid`);--> statement-breakpoint
CREATE INDEX `draft_version_articles_eid_idx` ON `draft_version_articles` (`eid`);--> statement-breakpoint
CREATE TABLE `draft_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`seq` integer NOT NULL,
	`name` text NOT NULL,
	`note` text,
	`kind` text NOT NULL,
	`reason` text,
	`yjs_state` blob NOT NULL,
	`state_vector` blob NOT NULL,
	`last_update_id` integer NOT NULL,
	`structure` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draft_versions_draft_seq_idx` ON `draft_versions` (`draft_id`,`seq`);