CREATE TABLE `regulation_articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` text NOT NULL,
	`regulation_id` text NOT NULL,
	`eid` text NOT NULL,
	`number` integer NOT NULL,
	`sub` integer DEFAULT 0 NOT NULL,
	`position` integer NOT NULL,
	`chapter` text,
	`text` text NOT NULL,
	`text_hash` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `regulation_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`regulation_id`) REFERENCES `regulations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regulation_articles_version_eid_idx` ON `regulation_articles` (`version_id`,`eid`);--> statement-breakpoint
CREATE INDEX `regulation_articles_regulation_idx` ON `regulation_articles` (`regulation_id`,`number`);--> statement-breakpoint
CREATE TABLE `regulation_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`regulation_id` text NOT NULL,
	`seq` integer NOT NULL,
	`change` text NOT NULL,
	`title` text NOT NULL,
	`adopted_on` text,
	`approved_on` text,
	`promulgated_on` text,
	`effective_on` text,
	`info_lines` text NOT NULL,
	`events` text NOT NULL,
	`structure` text NOT NULL,
	`source_text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`regulation_id`) REFERENCES `regulations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regulation_versions_seq_idx` ON `regulation_versions` (`regulation_id`,`seq`);--> statement-breakpoint
CREATE INDEX `regulation_versions_effective_idx` ON `regulation_versions` (`effective_on`);--> statement-breakpoint
CREATE TABLE `regulations` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`region` text,
	`topic` text,
	`enacting_body` text,
	`approving_body` text,
	`repealed_on` text,
	`current_version_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regulations_slug_unique` ON `regulations` (`slug`);--> statement-breakpoint
CREATE INDEX `regulations_kind_idx` ON `regulations` (`kind`);