-- What whole-archive analysis passes read instead of holding every
-- article's features in memory (see detect.AllPairs and detect.FreshPairs).

-- A few hundred bytes per article: exact hashes, LSH band keys and rarest
-- terms, kept apart from the features so that scanning them reads little.
CREATE TABLE sketches (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    params_hash INTEGER NOT NULL,
    data        BLOB    NOT NULL
);

-- In how many articles each story term occurs (detect.Census), written
-- whole by a full analysis and updated by the analyses after imports; the
-- number of articles counted is the setting "census_articles".
CREATE TABLE term_df (
    term INTEGER PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;
