CREATE TABLE `filings` (
	`bill_id` text PRIMARY KEY NOT NULL,
	`promulgation_id` text NOT NULL,
	`filed_on` text NOT NULL,
	`bodies` text NOT NULL,
	`package_sha256` text NOT NULL,
	`package` blob NOT NULL,
	`recorded_by` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`promulgation_id`) REFERENCES `promulgations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `library_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`generation` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `promulgations` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`regulation_id` text NOT NULL,
	`version_id` text NOT NULL,
	`draft_version_id` text,
	`consultation_id` text,
	`number` integer NOT NULL,
	`year` integer NOT NULL,
	`body` text NOT NULL,
	`approving_body` text,
	`adopted_on` text NOT NULL,
	`approved_on` text,
	`promulgated_on` text NOT NULL,
	`effective_on` text NOT NULL,
	`notice_text` text NOT NULL,
	`decision` text,
	`comparison` text,
	`published_by` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regulation_id`) REFERENCES `regulations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `regulation_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`draft_version_id`) REFERENCES `draft_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promulgations_bill_id_unique` ON `promulgations` (`bill_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `promulgations_version_id_unique` ON `promulgations` (`version_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `promulgations_number_idx` ON `promulgations` (`body`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `promulgations_regulation_idx` ON `promulgations` (`regulation_id`);--> statement-breakpoint
CREATE TABLE `regulation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`regulation_id` text NOT NULL,
	`version_id` text,
	`kind` text NOT NULL,
	`on` text NOT NULL,
	`body` text,
	`source` text,
	`bill_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`regulation_id`) REFERENCES `regulations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `regulation_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `regulation_events_regulation_idx` ON `regulation_events` (`regulation_id`,`on`);--> statement-breakpoint
CREATE INDEX `regulation_events_on_idx` ON `regulation_events` (`on`);--> statement-breakpoint
-- Every version already in the library gets its events, read from the dates it was imported
-- with; a repeal date becomes a repeal event before its column goes.
INSERT INTO `regulation_events` (`regulation_id`, `version_id`, `kind`, `on`)
  SELECT `regulation_id`, `id`, CASE WHEN `seq` = 1 OR `change` = 'original' THEN 'adopted' WHEN `change` = 'revision' THEN 'revised' ELSE 'amended' END, `adopted_on`
  FROM `regulation_versions` WHERE `adopted_on` IS NOT NULL;--> statement-breakpoint
INSERT INTO `regulation_events` (`regulation_id`, `version_id`, `kind`, `on`)
  SELECT `regulation_id`, `id`, 'approved', `approved_on` FROM `regulation_versions` WHERE `approved_on` IS NOT NULL;--> statement-breakpoint
INSERT INTO `regulation_events` (`regulation_id`, `version_id`, `kind`, `on`)
  SELECT `regulation_id`, `id`, 'promulgated', `promulgated_on` FROM `regulation_versions` WHERE `promulgated_on` IS NOT NULL;--> statement-breakpoint
INSERT INTO `regulation_events` (`regulation_id`, `version_id`, `kind`, `on`)
  SELECT `regulation_id`, `id`, 'effective', `effective_on` FROM `regulation_versions` WHERE `effective_on` IS NOT NULL;--> statement-breakpoint
INSERT INTO `regulation_events` (`regulation_id`, `kind`, `on`)
  SELECT `id`, 'repealed', `repealed_on` FROM `regulations` WHERE `repealed_on` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `regulations` DROP COLUMN `repealed_on`;--> statement-breakpoint
INSERT INTO `library_generation` (`id`, `generation`) VALUES (1, 1);