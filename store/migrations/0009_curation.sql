-- Curation: what a researcher changes and adds. articles keeps the values in
-- use (edited or imported), so that lists, sorting, filters, search, events
-- and reports read them with the indexes they have; article_edits keeps the
-- value each edited field was imported with, to show beside the edit and to
-- revert to. An import never rewrites a stored article, so a re-import keeps
-- the edits.
CREATE TABLE article_edits (
    article_id          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    field               TEXT    NOT NULL CHECK (field IN ('title', 'date', 'outlet')),
    imported            TEXT    NOT NULL DEFAULT '', -- a date as RFC 3339, '' when undated
    imported_from       TEXT    NOT NULL DEFAULT '', -- the date's published_from
    imported_confidence TEXT    NOT NULL DEFAULT '', -- the date's published_confidence
    edited_at           TEXT    NOT NULL,
    PRIMARY KEY (article_id, field)
) WITHOUT ROWID;

-- Free-text labels on articles and events. An event's tags follow it when it
-- merges into another (the write that stores the redirect moves them).
CREATE TABLE tags (
    kind     TEXT    NOT NULL CHECK (kind IN ('article', 'event')),
    item_id  INTEGER NOT NULL,
    tag      TEXT    NOT NULL COLLATE NOCASE,
    added_at TEXT    NOT NULL,
    PRIMARY KEY (kind, item_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag, kind, item_id);

-- One note per article or event, as last written.
CREATE TABLE notes (
    kind       TEXT    NOT NULL CHECK (kind IN ('article', 'event')),
    item_id    INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (kind, item_id)
) WITHOUT ROWID;

-- An article's tags and note go with it.
CREATE TRIGGER articles_curation_delete AFTER DELETE ON articles BEGIN
    DELETE FROM tags WHERE kind = 'article' AND item_id = old.id;
    DELETE FROM notes WHERE kind = 'article' AND item_id = old.id;
END;
