-- A counter of changes to the search index, read by every ranked search: a process that keeps
-- posting lists in memory (lib/search's postingCache) drops them when it has moved. Indexing or
-- unindexing a version inserts or deletes its search_versions row, so the count triggers bump
-- it; pruneSearchIndex bumps it itself.
ALTER TABLE `search_stats` ADD `generation` integer NOT NULL DEFAULT 0;
--> statement-breakpoint
DROP TRIGGER `search_versions_count_insert`;
--> statement-breakpoint
DROP TRIGGER `search_versions_count_delete`;
--> statement-breakpoint
CREATE TRIGGER `search_versions_count_insert` AFTER INSERT ON `search_versions` BEGIN
	UPDATE `search_stats` SET `versions` = `versions` + 1, `articles` = `articles` + NEW.`articles`, `generation` = `generation` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_versions_count_delete` AFTER DELETE ON `search_versions` BEGIN
	UPDATE `search_stats` SET `versions` = `versions` - 1, `articles` = `articles` - OLD.`articles`, `generation` = `generation` + 1 WHERE `id` = 1;
END;
