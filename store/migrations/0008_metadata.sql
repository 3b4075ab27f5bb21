-- Metadata a researcher can weigh: how sure each date is, which articles
-- were stored from a title alone, and why each file failed, by kind.

-- exact (a field or tag stating the date), text (a dateline, byline or top
-- line), inferred (a page's markup read by heuristics); '' when undated.
-- Dates stored before this column are given the confidence their source
-- had: page metadata was then read by heuristics, text dates from the top
-- or the last lines.
ALTER TABLE articles ADD COLUMN published_confidence TEXT NOT NULL DEFAULT '';
UPDATE articles SET published_confidence = CASE published_from
        WHEN 'json' THEN 'exact'
        WHEN 'front-matter' THEN 'exact'
        WHEN 'html-meta' THEN 'inferred'
        ELSE 'text' END
    WHERE published IS NOT NULL;

-- A record with a title and no text: its text is its title.
ALTER TABLE articles ADD COLUMN no_body INTEGER NOT NULL DEFAULT 0;

-- import_errors holds failures (kind 'failed') and notes on articles that
-- were stored (kind 'note': a date field that could not be read), each with
-- its reason: the message without what is particular to one file.
ALTER TABLE import_errors ADD COLUMN kind TEXT NOT NULL DEFAULT 'failed';
ALTER TABLE import_errors ADD COLUMN reason TEXT NOT NULL DEFAULT '';
