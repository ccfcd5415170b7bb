CREATE TABLE `consultation_report_files` (
	`consultation_id` text NOT NULL,
	`format` text NOT NULL,
	`content_hash` text NOT NULL,
	`bytes` blob NOT NULL,
	`built_at` integer NOT NULL,
	PRIMARY KEY(`consultation_id`, `format`),
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `consultation_comments_consultation_idx`;--> statement-breakpoint
ALTER TABLE `consultation_comments` ADD `proposed_diff` text;--> statement-breakpoint
CREATE INDEX `consultation_comments_consultation_idx` ON `consultation_comments` (`consultation_id`,`status`,`article_eid`,`created_at`);