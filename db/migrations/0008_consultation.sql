CREATE TABLE `comment_dispositions` (
	`comment_id` text PRIMARY KEY NOT NULL,
	`disposition` text NOT NULL,
	`reason` text NOT NULL,
	`decided_by` text,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `consultation_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `consultation_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`consultation_id` text NOT NULL,
	`reference` text NOT NULL,
	`author_id` text,
	`article_eid` text,
	`body` text NOT NULL,
	`proposed_text` text,
	`status` text NOT NULL,
	`reject_reason` text,
	`moderated_by` text,
	`moderated_at` integer,
	`body_key` text NOT NULL,
	`group_id` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`assignee_id` text,
	`address_hash` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`moderated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_comments_reference_idx` ON `consultation_comments` (`reference`);--> statement-breakpoint
CREATE INDEX `consultation_comments_consultation_idx` ON `consultation_comments` (`consultation_id`,`status`,`article_eid`);--> statement-breakpoint
CREATE INDEX `consultation_comments_author_idx` ON `consultation_comments` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `consultation_comments_address_idx` ON `consultation_comments` (`address_hash`,`created_at`);--> statement-breakpoint
CREATE INDEX `consultation_comments_key_idx` ON `consultation_comments` (`consultation_id`,`body_key`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`draft_id` text NOT NULL,
	`version_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`explanation` text NOT NULL,
	`questions` text DEFAULT '[]' NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`short_reason` text,
	`moderation` text NOT NULL,
	`report_published_at` integer,
	`report_summary` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `consultations_dates_idx` ON `consultations` (`closes_on`,`opens_on`);--> statement-breakpoint
CREATE INDEX `consultations_bill_idx` ON `consultations` (`bill_id`);