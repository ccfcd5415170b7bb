CREATE TABLE `desk_records` (
	`id` text PRIMARY KEY NOT NULL,
	`volunteer_id` text NOT NULL,
	`question` text NOT NULL,
	`facts` text NOT NULL,
	`answer` text NOT NULL,
	`referral` text,
	`citations` text NOT NULL,
	`explainer_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`volunteer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`explainer_id`) REFERENCES `explainers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `desk_records_volunteer_idx` ON `desk_records` (`volunteer_id`,`updated_at`);