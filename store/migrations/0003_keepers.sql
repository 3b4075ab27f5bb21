-- The copy a researcher chose to keep in a duplicate group. Groups are
-- clustered at query time, so the choice is kept per article; choosing one
-- member clears the others of the same group.
CREATE TABLE keepers (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    chosen_at  TEXT    NOT NULL
);
