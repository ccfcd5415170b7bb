CREATE TABLE `explainer_regulations` (
	`explainer_id` text NOT NULL,
	`regulation_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`explainer_id`, `regulation_id`),
	FOREIGN KEY (`explainer_id`) REFERENCES `explainers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`regulation_id`) REFERENCES `regulations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `explainer_regulations_regulation_idx` ON `explainer_regulations` (`regulation_id`);--> statement-breakpoint
CREATE TABLE `explainer_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`explainer_id` text NOT NULL,
	`seq` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`author_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`explainer_id`) REFERENCES `explainers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `explainer_revisions_seq_idx` ON `explainer_revisions` (`explainer_id`,`seq`);--> statement-breakpoint
CREATE TABLE `explainers` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`topics` text NOT NULL,
	`status` text NOT NULL,
	`as_of` text NOT NULL,
	`intended_citations` text NOT NULL,
	`revision` integer NOT NULL,
	`author_id` text,
	`review_note` text,
	`reviewed_by` text,
	`approved_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `explainers_status_idx` ON `explainers` (`status`,`kind`);--> statement-breakpoint
CREATE INDEX `explainers_author_idx` ON `explainers` (`author_id`);