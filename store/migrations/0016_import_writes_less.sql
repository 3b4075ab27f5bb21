-- Two indexes no query reads, written for every article an import adds:
-- blocks_hash (every line of every article, by a random 64-character hash,
-- so each insert lands on another page of a tree that grows with the
-- archive's lines) and articles_text_hash (likewise per article). Blocks are
-- read by article (their primary key) and grouped by kind (a scan); nothing
-- looks articles up by their normalised text's hash (duplicates are found
-- from the sketches). EXPLAIN QUERY PLAN of every statement on these tables
-- is unchanged without them.
DROP INDEX IF EXISTS blocks_hash;
DROP INDEX IF EXISTS articles_text_hash;

-- FTS5 writes its pending terms as a new segment whenever they pass
-- hashsize (1 MB by default), which with the prefix indexes 2-4 happened
-- several times inside each import batch's one INSERT ... SELECT, and every
-- segment is merged again later. At 16 MB an import batch (256 articles of
-- a few KB) is one segment, written at the commit.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);
