-- How many articles' profiles hold each key of the key index: the census
-- the same-event score weighs common names and words by (evidence.Census).
-- Kept by triggers, so that an import's analysis reads a key's count in one
-- row however many articles hold it. A count that falls to 0 stays as a row.
CREATE TABLE key_counts (
    key INTEGER PRIMARY KEY,
    n   INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO key_counts(key, n) SELECT key, count(*) FROM profile_keys GROUP BY key;

CREATE TRIGGER profile_keys_count_ins AFTER INSERT ON profile_keys BEGIN
    INSERT INTO key_counts(key, n) VALUES (NEW.key, 1)
        ON CONFLICT(key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER profile_keys_count_del AFTER DELETE ON profile_keys BEGIN
    UPDATE key_counts SET n = n - 1 WHERE key = OLD.key;
END;
