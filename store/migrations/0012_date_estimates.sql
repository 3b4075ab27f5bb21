-- When an undated article was most likely written. Analysis reads the days
-- its text gives without a year in the year of the dated article it is most
-- closely linked to, directly or through other undated ones (its anchor);
-- lo and hi bound the estimate (days since 1970-01-01 plus one), NULL for an
-- article anchored but giving no such day. A stated date is never changed:
-- this sits beside it, for the time evidence and to show as estimated.
CREATE TABLE date_estimates (
    article_id     INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    anchor_article INTEGER NOT NULL,
    anchor_day     INTEGER NOT NULL,
    lo             INTEGER,
    hi             INTEGER
);
