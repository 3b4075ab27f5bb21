-- What an analysis has left to do, and the totals it reports, kept small and
-- indexed, so that an import's analysis reads what it needs by key instead
-- of scanning tables that grow with the archive.

-- The articles an analysis must still look at: every new article (the
-- trigger below), and every article when something makes the whole archive
-- stale (a full analysis, other analysis parameters, another profile
-- version, quotes found again). Each step of an analysis picks, among
-- these, the articles it has not done yet; a successful analysis removes the
-- ones it saw. An article outside it has been through every step.
CREATE TABLE analysis_queue (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);

CREATE TRIGGER articles_queue AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO analysis_queue(article_id) VALUES (NEW.id);
END;

-- An existing archive queues the articles some step has not done. Features
-- and profiles made by other code are found by their counts (row_counts).
INSERT OR IGNORE INTO analysis_queue(article_id)
    SELECT a.id FROM articles a
    WHERE NOT EXISTS (SELECT 1 FROM features f WHERE f.article_id = a.id)
       OR NOT EXISTS (SELECT 1 FROM line_counted c WHERE c.article_id = a.id)
       OR NOT EXISTS (SELECT 1 FROM quoted q WHERE q.article_id = a.id)
       OR NOT EXISTS (SELECT 1 FROM profiles p WHERE p.article_id = a.id)
       OR NOT EXISTS (SELECT 1 FROM event_members m WHERE m.article_id = a.id);

-- Row counts kept by triggers, so that totals cost one read: features,
-- sketches and profiles by the parameters or version that made them (tag),
-- and pairs, event links, events (events_multi: of two or more articles),
-- threads and articles with repeated passages. Writers of these tables use
-- plain inserts, upserts and deletes (REPLACE would delete without firing the
-- delete triggers).
CREATE TABLE row_counts (
    name TEXT    NOT NULL,
    tag  INTEGER NOT NULL DEFAULT 0,
    n    INTEGER NOT NULL,
    PRIMARY KEY (name, tag)
) WITHOUT ROWID;

INSERT INTO row_counts(name, tag, n) SELECT 'features', params_hash, count(*) FROM features GROUP BY params_hash;
INSERT INTO row_counts(name, tag, n) SELECT 'sketches', params_hash, count(*) FROM sketches GROUP BY params_hash;
INSERT INTO row_counts(name, tag, n) SELECT 'profiles', version, count(*) FROM profiles GROUP BY version;
INSERT INTO row_counts(name, tag, n) VALUES
    ('pairs', 0, (SELECT count(*) FROM pairs)),
    ('event_links', 0, (SELECT count(*) FROM event_links)),
    ('events', 0, (SELECT count(*) FROM events)),
    ('events_multi', 0, (SELECT count(*) FROM events WHERE size > 1)),
    ('threads', 0, (SELECT count(*) FROM threads)),
    ('repeat_articles', 0, (SELECT count(DISTINCT article_id) FROM repeats));

CREATE TRIGGER features_count_ins AFTER INSERT ON features BEGIN
    INSERT INTO row_counts(name, tag, n) VALUES ('features', NEW.params_hash, 1)
        ON CONFLICT(name, tag) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER features_count_del AFTER DELETE ON features BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'features' AND tag = OLD.params_hash;
END;
CREATE TRIGGER features_count_upd AFTER UPDATE OF params_hash ON features
WHEN OLD.params_hash <> NEW.params_hash BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'features' AND tag = OLD.params_hash;
    INSERT INTO row_counts(name, tag, n) VALUES ('features', NEW.params_hash, 1)
        ON CONFLICT(name, tag) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER sketches_count_ins AFTER INSERT ON sketches BEGIN
    INSERT INTO row_counts(name, tag, n) VALUES ('sketches', NEW.params_hash, 1)
        ON CONFLICT(name, tag) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER sketches_count_del AFTER DELETE ON sketches BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'sketches' AND tag = OLD.params_hash;
END;
CREATE TRIGGER sketches_count_upd AFTER UPDATE OF params_hash ON sketches
WHEN OLD.params_hash <> NEW.params_hash BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'sketches' AND tag = OLD.params_hash;
    INSERT INTO row_counts(name, tag, n) VALUES ('sketches', NEW.params_hash, 1)
        ON CONFLICT(name, tag) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER profiles_count_ins AFTER INSERT ON profiles BEGIN
    INSERT INTO row_counts(name, tag, n) VALUES ('profiles', NEW.version, 1)
        ON CONFLICT(name, tag) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER profiles_count_del AFTER DELETE ON profiles BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'profiles' AND tag = OLD.version;
END;
CREATE TRIGGER profiles_count_upd AFTER UPDATE OF version ON profiles
WHEN OLD.version <> NEW.version BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'profiles' AND tag = OLD.version;
    INSERT INTO row_counts(name, tag, n) VALUES ('profiles', NEW.version, 1)
        ON CONFLICT(name, tag) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER pairs_count_ins AFTER INSERT ON pairs BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'pairs' AND tag = 0;
END;
CREATE TRIGGER pairs_count_del AFTER DELETE ON pairs BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'pairs' AND tag = 0;
END;

CREATE TRIGGER event_links_count_ins AFTER INSERT ON event_links BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'event_links' AND tag = 0;
END;
CREATE TRIGGER event_links_count_del AFTER DELETE ON event_links BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'event_links' AND tag = 0;
END;

CREATE TRIGGER events_count_ins AFTER INSERT ON events BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'events' AND tag = 0;
    UPDATE row_counts SET n = n + (NEW.size > 1) WHERE name = 'events_multi' AND tag = 0;
END;
CREATE TRIGGER events_count_del AFTER DELETE ON events BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'events' AND tag = 0;
    UPDATE row_counts SET n = n - (OLD.size > 1) WHERE name = 'events_multi' AND tag = 0;
END;
CREATE TRIGGER events_count_upd AFTER UPDATE OF size ON events BEGIN
    UPDATE row_counts SET n = n + (NEW.size > 1) - (OLD.size > 1) WHERE name = 'events_multi' AND tag = 0;
END;

CREATE TRIGGER threads_count_ins AFTER INSERT ON threads BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'threads' AND tag = 0;
END;
CREATE TRIGGER threads_count_del AFTER DELETE ON threads BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'threads' AND tag = 0;
END;

CREATE TRIGGER repeats_count_ins AFTER INSERT ON repeats
WHEN NOT EXISTS (SELECT 1 FROM repeats r WHERE r.article_id = NEW.article_id AND r.seq <> NEW.seq) BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'repeat_articles' AND tag = 0;
END;
CREATE TRIGGER repeats_count_del AFTER DELETE ON repeats
WHEN NOT EXISTS (SELECT 1 FROM repeats r WHERE r.article_id = OLD.article_id) BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'repeat_articles' AND tag = 0;
END;

-- The keys of each stored sketch (exact hashes, band keys, rarest terms,
-- each mixed with its kind and the sketch parameters), so that the pairs of
-- a new article are found among the articles sharing a key with it rather
-- than by reading every sketch. Complete only while the setting
-- 'sketch_keys' is set: an archive with sketches builds it at its next
-- analysis.
CREATE TABLE sketch_keys (
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
INSERT INTO settings(key, value) SELECT 'sketch_keys', 'true' WHERE NOT EXISTS (SELECT 1 FROM sketches);

-- Duplicate pairs without the story pairs (most of the table), for groups.
CREATE INDEX pairs_duplicates ON pairs(a, b, kind) WHERE kind <> 'story';

-- The articles found at more than one place, kept by triggers.
CREATE TABLE multi_located (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
INSERT INTO multi_located(article_id)
    SELECT article_id FROM article_files GROUP BY article_id HAVING count(*) > 1;
CREATE TRIGGER article_files_multi_ins AFTER INSERT ON article_files
WHEN (SELECT count(*) FROM article_files f WHERE f.article_id = NEW.article_id) > 1 BEGIN
    INSERT OR IGNORE INTO multi_located(article_id) VALUES (NEW.article_id);
END;
CREATE TRIGGER article_files_multi_del AFTER DELETE ON article_files
WHEN (SELECT count(*) FROM article_files f WHERE f.article_id = OLD.article_id) < 2 BEGIN
    DELETE FROM multi_located WHERE article_id = OLD.article_id;
END;
