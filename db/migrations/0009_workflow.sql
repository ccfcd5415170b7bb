CREATE TABLE `bill_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`transition_id` text,
	`name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`body` blob NOT NULL,
	`uploaded_by` text,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`transition_id`) REFERENCES `bill_transitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bill_attachments_bill_idx` ON `bill_attachments` (`bill_id`);--> statement-breakpoint
CREATE TABLE `bill_signoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`stage` text NOT NULL,
	`requested_by` text,
	`reviewer_id` text NOT NULL,
	`request_note` text DEFAULT '' NOT NULL,
	`requested_at` integer NOT NULL,
	`decision` text,
	`note` text,
	`text_mark` integer,
	`decided_at` integer,
	`transition_id` text,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transition_id`) REFERENCES `bill_transitions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bill_signoffs_bill_idx` ON `bill_signoffs` (`bill_id`,`stage`);--> statement-breakpoint
CREATE INDEX `bill_signoffs_reviewer_idx` ON `bill_signoffs` (`reviewer_id`);--> statement-breakpoint
CREATE TABLE `bill_transitions` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`seq` integer NOT NULL,
	`from_stage` text NOT NULL,
	`to_stage` text NOT NULL,
	`note` text NOT NULL,
	`reason` text,
	`actor_id` text,
	`version_id` text,
	`consultation_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bill_transitions_seq_idx` ON `bill_transitions` (`bill_id`,`seq`);--> statement-breakpoint
CREATE TABLE `bill_votes` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`composition` integer NOT NULL,
	`present` integer NOT NULL,
	`votes_for` integer NOT NULL,
	`votes_against` integer NOT NULL,
	`abstentions` integer NOT NULL,
	`passed` integer NOT NULL,
	`articles` text NOT NULL,
	`recorded_by` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bill_votes_bill_idx` ON `bill_votes` (`bill_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`bill_id` text,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`dedupe_key` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key_unique` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
ALTER TABLE `audit_events` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TRIGGER `audit_events_append_only_update` BEFORE UPDATE ON `audit_events` WHEN OLD.`hash` IS NOT NULL BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_events_append_only_delete` BEFORE DELETE ON `audit_events` BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
--> statement-breakpoint
UPDATE `bill_members` SET `role` = 'coordinator' WHERE `role` = 'editor' AND `user_id` = (SELECT `created_by` FROM `bills` WHERE `bills`.`id` = `bill_members`.`bill_id`);--> statement-breakpoint
UPDATE `bill_members` SET `role` = 'coordinator' WHERE `role` = 'editor' AND NOT EXISTS (SELECT 1 FROM `bill_members` AS `c` WHERE `c`.`bill_id` = `bill_members`.`bill_id` AND `c`.`role` = 'coordinator') AND `user_id` = (SELECT MIN(`e`.`user_id`) FROM `bill_members` AS `e` WHERE `e`.`bill_id` = `bill_members`.`bill_id` AND `e`.`role` = 'editor');
