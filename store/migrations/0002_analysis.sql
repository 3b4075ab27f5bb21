-- Analysis results. Features are per article and recomputed only when the
-- parameters that made them change; pairs are the verified relations between
-- two articles; groups and stories are clustered from pairs and judgements.

CREATE TABLE features (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    params_hash INTEGER NOT NULL,
    data        BLOB    NOT NULL
);

-- Lines recurring across a folder or outlet: how boilerplate is recognised.
CREATE TABLE line_counts (
    grp   TEXT    NOT NULL,
    hash  INTEGER NOT NULL,   -- 0: the number of articles in the group
    count INTEGER NOT NULL,
    PRIMARY KEY (grp, hash)
) WITHOUT ROWID;

-- The articles whose lines are in line_counts, written in the same
-- transaction as the counts, so that a killed analysis never counts twice.
CREATE TABLE line_counted (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);

CREATE TABLE pairs (
    a           INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b           INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,  -- bytes, text, body, near, story
    jaccard     REAL    NOT NULL,
    containment REAL    NOT NULL,
    score       REAL    NOT NULL,
    PRIMARY KEY (a, b, kind),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX pairs_b ON pairs(b);

CREATE TABLE repeats (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    occurrences TEXT    NOT NULL,  -- JSON [{"start","end"}], code points
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE stories (
    id       INTEGER PRIMARY KEY,
    label    TEXT    NOT NULL,
    earliest INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TABLE story_members (
    story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;
CREATE INDEX story_members_article ON story_members(article_id);

-- A researcher's verdict on a pair. Analysis reads it and never changes it.
CREATE TABLE judgements (
    a          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    relation   TEXT    NOT NULL CHECK (relation IN ('duplicate', 'story')),
    same       INTEGER NOT NULL,   -- 1: confirmed, 0: rejected
    note       TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    PRIMARY KEY (a, b, relation),
    CHECK (a < b)
) WITHOUT ROWID;

-- What the last analysis ran with, for reports' provenance.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
