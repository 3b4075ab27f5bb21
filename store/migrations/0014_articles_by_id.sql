-- The library's pages ordered by id find their articles' ids in this index
-- instead of the table (store.listArticles): a row of articles holds its
-- text and spans about a page of the file, so skipping half a million of
-- them to reach a page in the middle of the library read gigabytes, while
-- this index holds hundreds of ids a page. The other sort columns have
-- their indexes already, each ending in id.
CREATE INDEX IF NOT EXISTS articles_by_id ON articles(id);
