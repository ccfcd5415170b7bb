CREATE TABLE `draft_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`article_eid` text NOT NULL,
	`parent_id` text,
	`author_id` text,
	`body` text NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `draft_comments_draft_idx` ON `draft_comments` (`draft_id`,`article_eid`);