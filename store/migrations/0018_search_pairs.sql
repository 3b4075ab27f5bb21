-- The pair index: for each pair of listed words of the ranking index (0017)
-- that stand next to each other somewhere, how many articles hold the pair
-- as a phrase and its holders of largest bm25 weight, so that a search for a
-- phrase of two common words reads its best matches instead of having FTS5
-- walk both words' positions (store/searchpairs.go). Built with the ranking
-- index and kept current with it.

-- One row a pair ("word word", as the index holds the words). holders is
-- how many articles hold the phrase (bm25's document frequency);
-- weight_avg the mean article length the weights were computed at; bound
-- the largest weight among the holders left out of the list (0 when every
-- holder is in it).
CREATE TABLE IF NOT EXISTS search_pairs (
    pair       TEXT    PRIMARY KEY,
    holders    INTEGER NOT NULL,
    weight_avg REAL    NOT NULL,
    bound      REAL    NOT NULL
) WITHOUT ROWID;

-- A pair's list: its holders best first, each as three varints: the
-- article, the phrase's frequency as bm25 counts it (title occurrences
-- five times) and the article's length in tokens. Apart from the counts,
-- so that a refresh that only counts a new holder (most of them, under the
-- list's bound) rewrites a small row and not the list. A rowid table: a
-- list of 200 holders (about 1.2 KB) fits in its page, where a WITHOUT
-- ROWID row that long spills to an overflow page of its own.
CREATE TABLE IF NOT EXISTS search_pair_lists (
    pair TEXT PRIMARY KEY,
    list BLOB NOT NULL
);

-- What a refresh took in since the pairs were built, beside them, so that
-- taking in new articles writes a few rows of small tables and never
-- rewrites the lists (a hundred new articles touch thousands of pairs):
-- search_pair_added counts the holders each pair gained (or lost), and
-- search_pair_adds holds those of the new holders that belong in the list
-- (every one for a list of every holder, or for a pair the build did not
-- see; those outweighing the bound for the others). The next build folds
-- them in.
CREATE TABLE IF NOT EXISTS search_pair_added (
    pair    TEXT    PRIMARY KEY,
    holders INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_pair_adds (
    pair    TEXT    NOT NULL,
    article INTEGER NOT NULL,
    freq    INTEGER NOT NULL,
    length  INTEGER NOT NULL,
    PRIMARY KEY (pair, article)
) WITHOUT ROWID;

-- An archive whose ranking index was built before pairs were kept builds
-- it anew, pairs and all, at its next analysis or search-index; until then
-- searches rank as they did before the index existed.
DELETE FROM search_terms;
DELETE FROM search_holders;
DELETE FROM search_changed;
DELETE FROM settings WHERE key IN ('search_ranking_upto', 'search_ranking_rows');
