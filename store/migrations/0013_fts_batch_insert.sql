-- The import indexes each batch of new articles with one statement
-- (store.AddArticles) instead of this trigger. Every insert into articles
-- opens a statement savepoint (its other triggers, its unique and foreign
-- keys), and FTS5 writes its pending terms to disk at each savepoint: with
-- the trigger every article became a segment of its own, which FTS5 then
-- merged again, most of an import's time. The index holds the same terms.
-- Updates and deletes keep their triggers.
DROP TRIGGER IF EXISTS articles_fts_insert;
