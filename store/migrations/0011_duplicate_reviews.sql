-- A researcher's review of a duplicate group. Groups are clustered at query
-- time (from pairs, pair verdicts and the similarity threshold), so a review
-- is keyed by the group's members as they were when it was made: the sorted
-- article ids joined by commas. A group that gains or loses a member has
-- another key, and is unreviewed again (the service shows the earlier review
-- beside it). The copy kept stays in keepers, per article.
CREATE TABLE duplicate_reviews (
    members     TEXT    PRIMARY KEY,
    verdict     TEXT    NOT NULL CHECK (verdict IN ('duplicates', 'not_duplicates')),
    keep        INTEGER NOT NULL DEFAULT 0,   -- the copy kept, 0 if none
    reviewed_at TEXT    NOT NULL
) WITHOUT ROWID;
