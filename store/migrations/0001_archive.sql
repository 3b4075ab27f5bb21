-- The archive: imports, articles with their original bytes, every file location,
-- per-article blocks, and a full-text index over title and text.

CREATE TABLE imports (
    id              INTEGER PRIMARY KEY,
    roots           TEXT    NOT NULL,              -- JSON array of the paths given
    started_at      TEXT    NOT NULL,              -- RFC 3339, UTC
    finished_at     TEXT,
    status          TEXT    NOT NULL DEFAULT 'running'
                    CHECK (status IN ('running', 'done', 'canceled', 'failed')),
    files_seen      INTEGER NOT NULL DEFAULT 0,
    added           INTEGER NOT NULL DEFAULT 0,
    already_present INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0,
    settings        TEXT    NOT NULL DEFAULT '{}'  -- JSON: the options the import ran with
);

CREATE TABLE import_errors (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    path      TEXT    NOT NULL,
    error     TEXT    NOT NULL
);
CREATE INDEX import_errors_import ON import_errors(import_id);

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT    NOT NULL UNIQUE,        -- of the original bytes
    text_hash      TEXT    NOT NULL,               -- of the normalised text
    title          TEXT    NOT NULL DEFAULT '',
    byline         TEXT    NOT NULL DEFAULT '',
    outlet         TEXT    NOT NULL DEFAULT '',
    url            TEXT    NOT NULL DEFAULT '',
    published      TEXT,                           -- RFC 3339, UTC, or NULL when unknown
    published_raw  TEXT    NOT NULL DEFAULT '',
    published_from TEXT    NOT NULL DEFAULT '',
    language       TEXT    NOT NULL DEFAULT '',
    encoding       TEXT    NOT NULL DEFAULT '',
    format         TEXT    NOT NULL DEFAULT '',
    words          INTEGER NOT NULL DEFAULT 0,
    text           TEXT    NOT NULL,
    original       BLOB    NOT NULL,
    import_id      INTEGER NOT NULL REFERENCES imports(id),
    imported_at    TEXT    NOT NULL
);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_outlet ON articles(outlet, id);
CREATE INDEX articles_language ON articles(language, id);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE, id);
CREATE INDEX articles_words ON articles(words, id);

-- The same bytes found at several places are one article with several locations.
-- A path may hold different content over time, so the key includes the article.
CREATE TABLE article_files (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    path       TEXT    NOT NULL,
    record     INTEGER NOT NULL DEFAULT 0,         -- 1-based record in a JSON/JSONL file
    size       INTEGER NOT NULL,
    mtime      TEXT    NOT NULL,
    import_id  INTEGER NOT NULL REFERENCES imports(id),
    UNIQUE (article_id, path, record)
);
CREATE INDEX article_files_path ON article_files(path);

CREATE TABLE blocks (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,                   -- code points into articles.text
    end        INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('title', 'body', 'boilerplate', 'repeat')),
    hash       TEXT    NOT NULL,                   -- of the normalised block text
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX blocks_hash ON blocks(hash);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    -- Prefix indexes make search as you type ("cea", "ceas") a lookup
    -- instead of a scan of every term.
    prefix = '2 3 4'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
