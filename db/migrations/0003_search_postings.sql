-- The full-text postings of lib/search, one row per (token, article) with a precomputed score.
-- WITHOUT ROWID and keyed (token_id, score DESC, article_id): the table is its own clustered
-- index, so `WHERE token_id = ? ORDER BY score DESC, article_id LIMIT k` reads the first k
-- entries of one key range, whatever the number of matching articles. Declared here rather than
-- in db/schema because drizzle cannot express WITHOUT ROWID or a descending key column.
CREATE TABLE `search_postings` (
	`token_id` integer NOT NULL,
	`score` integer NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY (`token_id`, `score` DESC, `article_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The number of indexed versions and articles (N in idf), kept by triggers so that a version
-- removed by a cascading delete is counted out too, and read in O(1) by every search.
CREATE TABLE `search_stats` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`versions` integer NOT NULL,
	`articles` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `search_stats` (`id`, `versions`, `articles`) SELECT 1, count(*), coalesce(sum(`articles`), 0) FROM `search_versions`;
--> statement-breakpoint
CREATE TRIGGER `search_versions_count_insert` AFTER INSERT ON `search_versions` BEGIN
	UPDATE `search_stats` SET `versions` = `versions` + 1, `articles` = `articles` + NEW.`articles` WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_versions_count_delete` AFTER DELETE ON `search_versions` BEGIN
	UPDATE `search_stats` SET `versions` = `versions` - 1, `articles` = `articles` - OLD.`articles` WHERE `id` = 1;
END;
