-- Quoted speech found in each article by analysis (quotes.Find), and what
-- is needed to follow a quote across the archive without scanning it.

-- One row per quote. grp is the quote's group (the same quote printed by
-- several articles, variants included): the id of one of its quotes, set
-- when analysis links the quote to the quotes already in the archive.
CREATE TABLE quotes (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL, -- code points into the article's text
    end        INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    speaker    TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    key        TEXT    NOT NULL, -- quotes.Quote.Key: what Keys and Similar read
    grp        INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id, start);
CREATE INDEX quotes_grp ON quotes(grp, article_id);

-- The inverted index of quotes.Keys (hashes of adjacent content words):
-- the candidates of a new quote are the quotes sharing one of its keys.
CREATE TABLE quote_keys (
    key      INTEGER NOT NULL,
    quote_id INTEGER NOT NULL,
    PRIMARY KEY (key, quote_id)
) WITHOUT ROWID;

-- Each group and in how many articles it is, so that the most carried
-- quotes are read from an index, a page at a time.
CREATE TABLE quote_groups (
    id       INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL
);
CREATE INDEX quote_groups_articles ON quote_groups(articles DESC, id);

-- The articles whose quotes were found; grouped is 0 until their quotes
-- were linked to the archive's (an analysis stopped in between links them
-- next time).
CREATE TABLE quoted (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    grouped    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX quoted_ungrouped ON quoted(grouped) WHERE grouped = 0;
