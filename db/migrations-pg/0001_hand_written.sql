-- What SQLite's migrations create by hand, for PostgreSQL (drizzle cannot express these).
-- The postings of each search token, best score first: a search reads the top of a list as one
-- range of this index. SQLite keeps it as a WITHOUT ROWID table keyed the same way.
CREATE TABLE "search_postings" (
	"token_id" bigint NOT NULL,
	"score" integer NOT NULL,
	"article_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "search_postings_key" ON "search_postings" ("token_id", "score" DESC, "article_id");
--> statement-breakpoint
-- The number of indexed versions and articles (N in idf), and a generation that tells every
-- process to drop the posting lists it keeps in memory; kept by triggers, read in O(1).
CREATE TABLE "search_stats" (
	"id" integer PRIMARY KEY NOT NULL CHECK ("id" = 1),
	"versions" bigint NOT NULL,
	"articles" bigint NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "search_stats" ("id", "versions", "articles") SELECT 1, count(*), coalesce(sum("articles"), 0) FROM "search_versions";
--> statement-breakpoint
CREATE FUNCTION "search_versions_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		UPDATE "search_stats" SET "versions" = "versions" + 1, "articles" = "articles" + NEW."articles", "generation" = "generation" + 1 WHERE "id" = 1;
	ELSE
		UPDATE "search_stats" SET "versions" = "versions" - 1, "articles" = "articles" - OLD."articles", "generation" = "generation" + 1 WHERE "id" = 1;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "search_versions_count_insert" AFTER INSERT ON "search_versions" FOR EACH ROW EXECUTE FUNCTION "search_versions_count"();
--> statement-breakpoint
CREATE TRIGGER "search_versions_count_delete" AFTER DELETE ON "search_versions" FOR EACH ROW EXECUTE FUNCTION "search_versions_count"();
--> statement-breakpoint
-- The audit chain is append-only: a sealed row (one with a hash) is never changed, no row is
-- ever deleted.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only_update" BEFORE UPDATE ON "audit_events" FOR EACH ROW WHEN (OLD."hash" IS NOT NULL) EXECUTE FUNCTION "audit_events_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only_delete" BEFORE DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
--> statement-breakpoint
-- The library's change count starts at 1, as on SQLite: the code only ever updates and reads row 1.
INSERT INTO "library_generation" ("id", "generation") VALUES (1, 1);
