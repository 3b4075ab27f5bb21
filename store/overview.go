package store

import (
	"context"
	"fmt"
	"strings"
)

// The archive overview's counts: read-only aggregates over the articles,
// their blocks and the events, each one query.

// PeriodCount is how many articles of one outlet and language a period holds.
type PeriodCount struct {
	Period   string // the period's first day, YYYY-MM-DD
	Outlet   string
	Language string
	Count    int
}

// ArticlesPerPeriod counts the dated articles by period ("week", starting on
// Monday, or "month"), outlet and language, keeping only outlet and language
// when given; undated is the count of those without a date.
func (db *DB) ArticlesPerPeriod(ctx context.Context, period, outlet, language string) (rows []PeriodCount, undated int, err error) {
	var key string
	switch period {
	case "week":
		key = `date(published, '-6 days', 'weekday 1')`
	case "month":
		key = `substr(published, 1, 7) || '-01'`
	default:
		return nil, 0, fmt.Errorf("period %q: want week or month", period)
	}
	where, args := `WHERE 1`, []any{}
	if outlet != "" {
		where, args = where+` AND outlet = ?`, append(args, outlet)
	}
	if language != "" {
		where, args = where+` AND language = ?`, append(args, language)
	}
	q := `SELECT ` + key + `, outlet, language, count(*) FROM articles ` + where +
		` AND published IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`
	r, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, err
	}
	defer r.Close()
	for r.Next() {
		var p PeriodCount
		var day *string
		if err := r.Scan(&day, &p.Outlet, &p.Language, &p.Count); err != nil {
			return nil, 0, err
		}
		if day == nil { // a date SQLite cannot read counts as undated
			undated += p.Count
			continue
		}
		p.Period = *day
		rows = append(rows, p)
	}
	if err := r.Err(); err != nil {
		return nil, 0, err
	}
	var none int
	err = db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles `+where+` AND published IS NULL`, args...).Scan(&none)
	return rows, undated + none, err
}

// SizeCount is how many groups have Size members.
type SizeCount struct {
	Size  int
	Count int
}

// EventSizes counts the events by their number of versions.
func (db *DB) EventSizes(ctx context.Context) ([]SizeCount, error) {
	r, err := db.read.QueryContext(ctx, `SELECT size, count(*) FROM events GROUP BY size ORDER BY size`)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []SizeCount
	for r.Next() {
		var s SizeCount
		if err := r.Scan(&s.Size, &s.Count); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, r.Err()
}

// TextByKind sums the code points of the articles' lines by kind (title,
// body, boilerplate, repeat).
func (db *DB) TextByKind(ctx context.Context) (map[string]int64, error) {
	r, err := db.read.QueryContext(ctx, `SELECT kind, sum("end" - start) FROM blocks GROUP BY kind`)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := map[string]int64{}
	for r.Next() {
		var k string
		var n int64
		if err := r.Scan(&k, &n); err != nil {
			return nil, err
		}
		out[k] = n
	}
	return out, r.Err()
}

// Stamp is a short text that changes whenever what the overview counts may
// have changed: an article added (the largest id), analysis writing features,
// pairs, events or repeats (the counts its triggers keep), a verdict or a
// correction, an edit of an article's title, date or outlet. Reading it costs a few index lookups, where the overview's
// aggregates read every article and every line (seconds at 100,000
// articles), so the overview is kept until the stamp moves.
func (db *DB) Stamp(ctx context.Context) (string, error) {
	var b strings.Builder
	var maxID, corr, judged, same int64
	var judgedLast string
	if err := db.read.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&maxID); err != nil {
		return "", err
	}
	if err := db.read.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM corrections`).Scan(&corr); err != nil {
		return "", err
	}
	if err := db.read.QueryRowContext(ctx, `SELECT count(*), coalesce(max(created_at), ''), coalesce(sum(same), 0) FROM judgements`).Scan(&judged, &judgedLast, &same); err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "a%d c%d j%d/%s/%d", maxID, corr, judged, judgedLast, same)
	var edits string
	if err := db.read.QueryRowContext(ctx, `SELECT coalesce((SELECT value FROM settings WHERE key = ?), '0')`, metadataEdits).Scan(&edits); err != nil {
		return "", err
	}
	fmt.Fprintf(&b, " e%s", edits)
	r, err := db.read.QueryContext(ctx, `SELECT name, tag, n FROM row_counts ORDER BY name, tag`)
	if err != nil {
		return "", err
	}
	defer r.Close()
	for r.Next() {
		var name string
		var tag, n int64
		if err := r.Scan(&name, &tag, &n); err != nil {
			return "", err
		}
		fmt.Fprintf(&b, " %s/%d=%d", name, tag, n)
	}
	return b.String(), r.Err()
}
