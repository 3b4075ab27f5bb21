-- The ranking index: for each term held by many articles, the holders with
-- the largest bm25 term weight, so that a search for the term reads its best
-- matches instead of scoring every holder (store/searchranking.go). Built
-- after an import by store.RefreshSearchRanking, with progress; until then
-- every search ranks as before.

-- One row a listed term. weight_avg is the mean article length (tokens) the
-- weights were computed with; bound is the largest weight among the holders
-- left out of the list (0 when every holder is listed); holders is how many
-- articles hold the term (bm25's document frequency).
CREATE TABLE IF NOT EXISTS search_terms (
    term       TEXT    PRIMARY KEY,
    holders    INTEGER NOT NULL,
    weight_avg REAL    NOT NULL,
    bound      REAL    NOT NULL
) WITHOUT ROWID;

-- A listed term's best holders: the weight at weight_avg, the term's
-- frequency as bm25 counts it (title occurrences five times) and the
-- article's length in tokens, from which the weight at any mean length is
-- computed again.
CREATE TABLE IF NOT EXISTS search_holders (
    term    TEXT    NOT NULL,
    weight  REAL    NOT NULL,
    article INTEGER NOT NULL,
    freq    INTEGER NOT NULL,
    length  INTEGER NOT NULL,
    PRIMARY KEY (term, weight DESC, article DESC)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_holders_article ON search_holders(article);

-- Every term of the search index, kept with the lists: FTS5's vocabulary
-- table counts each term's holders as it lists it, which made reading the
-- words of one first letter (for other spellings of a searched word) cost
-- hundreds of milliseconds at 100,000 articles.
CREATE TABLE IF NOT EXISTS search_vocabulary (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Articles whose indexed title or text changed (or that were deleted) since
-- the index last took them in, with what the index held: the next refresh
-- takes their old terms out and their new ones in. While any is here a
-- search ranks as before.
CREATE TABLE IF NOT EXISTS search_changed (
    article INTEGER PRIMARY KEY,
    title   TEXT NOT NULL,
    text    TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS search_changed_update AFTER UPDATE OF title, text ON articles
    WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
    INSERT OR IGNORE INTO search_changed(article, title, text) VALUES (old.id, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS search_changed_delete AFTER DELETE ON articles BEGIN
    INSERT OR IGNORE INTO search_changed(article, title, text) VALUES (old.id, old.title, old.text);
END;

-- The build's state (settings): search_ranking_upto, the newest article the
-- index has taken in; search_ranking_rows, the articles it was built on.
