package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// QuoteRow is one quote of one article as the archive keeps it.
type QuoteRow struct {
	ID      int64
	Article int64
	Start   int
	End     int
	Text    string
	Speaker string
	Title   string
	Key     string
	Group   int64
	// Keys are the quote's index keys (quotes.Keys), given when saving.
	Keys []uint64
}

// ResetQuotes forgets every quote, for a full analysis or quotes found by
// another version of the finder: they are all found again. Every article is
// queued again, since each must be quoted again.
func (db *DB) ResetQuotes(ctx context.Context) error {
	_, err := db.write.ExecContext(ctx, `DELETE FROM quote_keys; DELETE FROM quote_groups; DELETE FROM quotes; DELETE FROM quoted;
		INSERT OR IGNORE INTO analysis_queue(article_id) SELECT id FROM articles`)
	return err
}

// UnquotedArticles returns the queued articles whose quotes were not found
// yet.
func (db *DB) UnquotedArticles(ctx context.Context) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT q.article_id FROM analysis_queue q WHERE NOT EXISTS
		(SELECT 1 FROM quoted d WHERE d.article_id = q.article_id) ORDER BY q.article_id`)
}

// UngroupedArticles returns the articles whose quotes were found but not yet
// linked to the archive's.
func (db *DB) UngroupedArticles(ctx context.Context) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT article_id FROM quoted WHERE grouped = 0 ORDER BY article_id`)
}

// ArticleTexts streams the text of the given articles to fn, a few hundred
// per query, without the original bytes analysis reads.
func (db *DB) ArticleTexts(ctx context.Context, ids []int64, fn func(id int64, text string) error) error {
	return inBatches(ids, func(part []any) error {
		rows, err := db.read.QueryContext(ctx, `SELECT id, text FROM articles WHERE id IN (?`+strings.Repeat(",?", len(part)-1)+`) ORDER BY id`, part...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var text string
			if err := rows.Scan(&id, &text); err != nil {
				return err
			}
			if err := fn(id, text); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// SaveQuotes stores the quotes found in a batch of articles (every article
// of articles, with or without quotes), each quote its own group until
// LinkQuotes joins it to others, and marks the articles quoted. Quote ids
// are given here, inside the write transaction that no other writer can
// enter, so that a quote is written once with its group.
func (db *DB) SaveQuotes(ctx context.Context, articles []int64, qs []QuoteRow) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save quotes: %w", err)
	}
	defer tx.Rollback()
	var next int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM quotes`).Scan(&next); err != nil {
		return fmt.Errorf("save quotes: %w", err)
	}
	insQuote, err := tx.PrepareContext(ctx, `INSERT INTO quotes(id, article_id, start, end, text, speaker, title, key, grp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insQuote.Close()
	insGroup, err := tx.PrepareContext(ctx, `INSERT INTO quote_groups(id, articles) VALUES (?, 1)`)
	if err != nil {
		return err
	}
	defer insGroup.Close()
	var keyArgs []any
	flushKeys := func() error {
		if len(keyArgs) == 0 {
			return nil
		}
		// Many rows a statement: a statement per key was most of the cost.
		_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO quote_keys(key, quote_id) VALUES (?, ?)`+
			strings.Repeat(", (?, ?)", len(keyArgs)/2-1), keyArgs...)
		keyArgs = keyArgs[:0]
		return err
	}
	for _, q := range qs {
		id := next
		next++
		if _, err := insQuote.ExecContext(ctx, id, q.Article, q.Start, q.End, q.Text, q.Speaker, q.Title, q.Key, id); err != nil {
			return fmt.Errorf("save quotes of %d: %w", q.Article, err)
		}
		if _, err := insGroup.ExecContext(ctx, id); err != nil {
			return err
		}
		for _, k := range q.Keys {
			if keyArgs = append(keyArgs, int64(k), id); len(keyArgs) >= 400 {
				if err := flushKeys(); err != nil {
					return err
				}
			}
		}
	}
	if err := flushKeys(); err != nil {
		return err
	}
	for _, a := range articles {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO quoted(article_id, grouped) VALUES (?, 0)`, a); err != nil {
			return err
		}
	}
	return tx.Commit()
}

const quoteColumns = `q.id, q.article_id, q.start, q.end, q.text, q.speaker, q.title, q.key, q.grp`

func scanQuotes(rows *sql.Rows, fn func(QuoteRow)) error {
	defer rows.Close()
	for rows.Next() {
		var q QuoteRow
		if err := rows.Scan(&q.ID, &q.Article, &q.Start, &q.End, &q.Text, &q.Speaker, &q.Title, &q.Key, &q.Group); err != nil {
			return err
		}
		fn(q)
	}
	return rows.Err()
}

// ArticleQuotes returns the quotes of the given articles, each article's in
// text order.
func (db *DB) ArticleQuotes(ctx context.Context, ids []int64) ([]QuoteRow, error) {
	out := []QuoteRow{}
	err := inBatches(ids, func(part []any) error {
		rows, err := db.read.QueryContext(ctx, `SELECT `+quoteColumns+` FROM quotes q WHERE q.article_id IN (?`+
			strings.Repeat(",?", len(part)-1)+`) ORDER BY q.article_id, q.start`, part...)
		if err != nil {
			return err
		}
		return scanQuotes(rows, func(q QuoteRow) { out = append(out, q) })
	})
	return out, err
}

// QuotesByKeys returns the quotes holding any of keys. A key held by more
// than perKey quotes is a common phrase and is skipped, so that the lookup
// costs at most perKey rows a key whatever the archive's size.
func (db *DB) QuotesByKeys(ctx context.Context, keys []uint64, perKey int) ([]QuoteRow, error) {
	held, err := db.quoteIDsOfKeys(ctx, keys, perKey)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, k := range keys {
		if hits := held[k]; len(hits) <= perKey {
			for _, id := range hits {
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
	}
	out := make([]QuoteRow, 0, len(ids))
	err = inBatches(ids, func(part []any) error {
		rows, err := db.read.QueryContext(ctx, `SELECT `+quoteColumns+` FROM quotes q WHERE q.id IN (?`+strings.Repeat(",?", len(part)-1)+`)`, part...)
		if err != nil {
			return err
		}
		return scanQuotes(rows, func(q QuoteRow) { out = append(out, q) })
	})
	return out, err
}

// quoteIDsOfKeys returns the quote ids of each of keys, at most perKey+1 of
// each, in ascending order. One statement looks up every key, each with its
// own LIMIT (so that a common key still costs at most perKey+1 rows): an
// import's thousands of keys were a statement each, and database/sql's
// cost per statement was most of its quote lookups (1.2 s of 13 s of CPU
// for BBC).
func (db *DB) quoteIDsOfKeys(ctx context.Context, keys []uint64, perKey int) (map[uint64][]int64, error) {
	held := make(map[uint64][]int64, len(keys))
	if len(keys) == 0 {
		return held, nil
	}
	list := make([]byte, 0, 21*len(keys)+2)
	list = append(list, '[')
	for i, k := range keys {
		if i > 0 {
			list = append(list, ',')
		}
		list = strconv.AppendInt(list, int64(k), 10)
	}
	list = append(list, ']')
	rows, err := db.read.QueryContext(ctx, `SELECT k.value, (SELECT group_concat(quote_id) FROM
		(SELECT quote_id FROM quote_keys WHERE key = k.value ORDER BY quote_id LIMIT ?1)) FROM json_each(?2) k`,
		perKey+1, string(list))
	if err != nil {
		return nil, fmt.Errorf("quotes by key: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k int64
		var ids sql.NullString
		if err := rows.Scan(&k, &ids); err != nil {
			return nil, err
		}
		if !ids.Valid || held[uint64(k)] != nil {
			continue // no quote holds it, or asked twice
		}
		var hits []int64
		for f := range strings.SplitSeq(ids.String, ",") {
			id, err := strconv.ParseInt(f, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("quotes by key: %w", err)
			}
			hits = append(hits, id)
		}
		slices.Sort(hits)
		held[uint64(k)] = hits
	}
	return held, rows.Err()
}

// MergeQuoteGroups moves every quote of each group in merges' values into
// the group of its key, recounts the articles of the groups that took
// quotes, and marks articles grouped, in one transaction.
func (db *DB) MergeQuoteGroups(ctx context.Context, merges map[int64][]int64, articles []int64) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("link quotes: %w", err)
	}
	defer tx.Rollback()
	for target, others := range merges {
		for _, o := range others {
			if _, err := tx.ExecContext(ctx, `UPDATE quotes SET grp = ? WHERE grp = ?`, target, o); err != nil {
				return fmt.Errorf("link quotes: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM quote_groups WHERE id = ?`, o); err != nil {
				return fmt.Errorf("link quotes: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO quote_groups(id, articles)
			VALUES (?, (SELECT count(DISTINCT article_id) FROM quotes WHERE grp = ?))`, target, target); err != nil {
			return fmt.Errorf("link quotes: %w", err)
		}
	}
	for _, a := range articles {
		if _, err := tx.ExecContext(ctx, `UPDATE quoted SET grouped = 1 WHERE article_id = ?`, a); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// QuoteGroupMember is a quote of a group with what a listing shows of its
// article.
type QuoteGroupMember struct {
	QuoteRow
	Published    *time.Time
	ArticleTitle string
	Outlet       string
}

// QuoteGroups returns up to limit quotes of each group, the first printed
// first: by publication date, undated articles after the dated ones, then
// by import order (article id); and in how many articles each group is.
// Two queries whatever the number of groups: a query per group was most of
// the time of listing an article's quotes.
func (db *DB) QuoteGroups(ctx context.Context, grps []int64, limit int) (map[int64][]QuoteGroupMember, map[int64]int, error) {
	members := map[int64][]QuoteGroupMember{}
	counts := map[int64]int{}
	err := inBatches(grps, func(part []any) error {
		in := `(?` + strings.Repeat(",?", len(part)-1) + `)`
		rows, err := db.read.QueryContext(ctx, `SELECT id, articles FROM quote_groups WHERE id IN `+in, part...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return err
			}
			counts[id] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = db.read.QueryContext(ctx, `SELECT * FROM (SELECT `+quoteColumns+`, a.published, a.title, a.outlet,
			row_number() OVER (PARTITION BY q.grp ORDER BY a.published IS NULL, a.published, a.id, q.start) AS rank
			FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.grp IN `+in+`)
			WHERE rank <= ? ORDER BY grp, rank`, append(part, limit)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m QuoteGroupMember
			var published sql.NullString
			var rank int
			if err := rows.Scan(&m.ID, &m.Article, &m.Start, &m.End, &m.Text, &m.Speaker, &m.Title, &m.Key, &m.Group,
				&published, &m.ArticleTitle, &m.Outlet, &rank); err != nil {
				return err
			}
			if published.Valid {
				if t, err := time.Parse(time.RFC3339, published.String); err == nil {
					m.Published = &t
				}
			}
			members[m.Group] = append(members[m.Group], m)
		}
		return rows.Err()
	})
	return members, counts, err
}

// TopQuoteGroups returns one page of the groups, those in the most articles
// first (then the oldest group), read from an index.
func (db *DB) TopQuoteGroups(ctx context.Context, offset, limit int) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT id FROM quote_groups ORDER BY articles DESC, id LIMIT ? OFFSET ?`, limit, offset)
}
