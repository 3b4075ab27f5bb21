-- Events and threads (see package events) replace stories: what an article
-- contributes to pair scores, the bounded links between articles, the
-- clustering with stable ids, and researchers' corrections.

-- The evidence profile of each article (evidence.Profile, binary), with the
-- version of the code that made it, so that older profiles are recomputed.
CREATE TABLE profiles (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    data       BLOB    NOT NULL
);

-- An inverted index of each profile's rare keys (names, places, numbers,
-- dates, rare terms): two versions of one event share some, so a new article
-- finds its candidates by key, reading a bounded number of rows per key.
CREATE TABLE profile_keys (
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX profile_keys_article ON profile_keys(article_id);

-- Scored pairs: P(same event) and the weaker same-thread score. Each article
-- keeps at most a fixed number of them, the strongest.
CREATE TABLE event_links (
    a        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_p  REAL    NOT NULL,
    thread_p REAL    NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX event_links_b ON event_links(b);

-- An event's dates bound its dated members (RFC 3339, NULL when none is
-- dated); size orders lists, largest first.
CREATE TABLE events (
    id       INTEGER PRIMARY KEY,
    label    TEXT    NOT NULL,
    earliest INTEGER NOT NULL,
    first    TEXT,
    last     TEXT,
    thread   INTEGER NOT NULL DEFAULT 0,
    size     INTEGER NOT NULL
);
CREATE INDEX events_size ON events(size DESC, id);

CREATE TABLE event_members (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    event_id   INTEGER NOT NULL,
    pinned     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_members_event ON event_members(event_id, article_id);

-- Ids retired by merges lead to the event (or thread) that absorbed them.
CREATE TABLE event_redirects (
    old INTEGER PRIMARY KEY,
    new INTEGER NOT NULL
);

CREATE TABLE threads (
    id    INTEGER PRIMARY KEY,
    label TEXT    NOT NULL,
    size  INTEGER NOT NULL   -- articles in its events
);
CREATE INDEX threads_size ON threads(size DESC, id);

CREATE TABLE thread_events (
    event_id  INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL
);
CREATE INDEX thread_events_thread ON thread_events(thread_id, event_id);

CREATE TABLE thread_redirects (
    old INTEGER PRIMARY KEY,
    new INTEGER NOT NULL
);

-- What researchers said, as they said it (reports list these) ...
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('same', 'not_same', 'remove', 'move', 'merge', 'split')),
    a          INTEGER NOT NULL DEFAULT 0,
    b          INTEGER NOT NULL DEFAULT 0,
    event      INTEGER NOT NULL DEFAULT 0,
    other      INTEGER NOT NULL DEFAULT 0,
    parts      TEXT    NOT NULL DEFAULT '[]',  -- JSON [[article ids]]
    note       TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
);

-- ... and what the clustering honours: must-link (1), cannot-link (2) and
-- pin (3, b = 0). Analysis reads these and never changes them.
CREATE TABLE event_constraints (
    kind INTEGER NOT NULL,
    a    INTEGER NOT NULL,
    b    INTEGER NOT NULL,
    PRIMARY KEY (a, b, kind)
) WITHOUT ROWID;
CREATE INDEX event_constraints_b ON event_constraints(b);

-- The next unused event and thread ids: an id is never given twice.
CREATE TABLE event_ids (
    name TEXT    PRIMARY KEY,
    next INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO event_ids VALUES ('event', 1), ('thread', 1);

-- Stories were clustered by chaining pairs; events supersede them.
DELETE FROM story_members;
DELETE FROM stories;
