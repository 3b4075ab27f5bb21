package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
)

// ArticleAnalysis is what analysis keeps of one article.
type ArticleAnalysis struct {
	ID         int64
	ParamsHash uint64
	Features   []byte
	// Sketch, made with SketchHash, is stored beside the features when set.
	Sketch     []byte
	SketchHash uint64
	// SketchKeys are the sketch's keys for the sketch key index.
	SketchKeys []uint64
	Blocks     []core.Block
	Repeats    []core.Repeat
}

// AnalysisInput is what analysis reads of one article.
type AnalysisInput struct {
	ID        int64
	Text      string
	Original  []byte
	Title     string
	Outlet    string
	Path      string // the first location
	Published *time.Time
}

// SaveAnalyses stores the features, blocks and repeats of a batch of
// articles in one transaction.
func (db *DB) SaveAnalyses(ctx context.Context, batch []ArticleAnalysis) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save analysis: %w", err)
	}
	defer tx.Rollback()
	// Each statement is prepared once for the batch: prepared per row,
	// SQLite's parser took about a third of the time saving did.
	st := &txStmts{tx: tx}
	defer st.close()
	for _, a := range batch {
		if err := st.exec(ctx, `INSERT INTO features(article_id, params_hash, data) VALUES (?, ?, ?)
			ON CONFLICT(article_id) DO UPDATE SET params_hash = excluded.params_hash, data = excluded.data`,
			a.ID, int64(a.ParamsHash), a.Features); err != nil {
			return fmt.Errorf("save features of %d: %w", a.ID, err)
		}
		if a.Sketch != nil {
			if err := st.saveSketch(ctx, a.ID, a.SketchHash, a.Sketch, a.SketchKeys); err != nil {
				return fmt.Errorf("save sketch of %d: %w", a.ID, err)
			}
		}
		if a.Blocks != nil {
			if err := st.exec(ctx, `DELETE FROM blocks WHERE article_id = ?`, a.ID); err != nil {
				return err
			}
			for seq, b := range a.Blocks {
				if err := st.exec(ctx, `INSERT INTO blocks(article_id, seq, start, end, kind, hash) VALUES (?, ?, ?, ?, ?, ?)`,
					a.ID, seq, b.Start, b.End, b.Kind, b.Hash); err != nil {
					return fmt.Errorf("save blocks of %d: %w", a.ID, err)
				}
			}
		}
		if err := st.exec(ctx, `DELETE FROM repeats WHERE article_id = ?`, a.ID); err != nil {
			return err
		}
		for seq, r := range a.Repeats {
			occ, _ := json.Marshal(r.Occurrences)
			if err := st.exec(ctx, `INSERT INTO repeats(article_id, seq, text, occurrences) VALUES (?, ?, ?, ?)`,
				a.ID, seq, r.Text, string(occ)); err != nil {
				return fmt.Errorf("save repeats of %d: %w", a.ID, err)
			}
		}
	}
	if err := st.flush(ctx); err != nil {
		return err
	}
	return tx.Commit()
}

// StaleFeatures returns the queued articles (see QueueAll) whose features
// are missing or were made with other parameters.
func (db *DB) StaleFeatures(ctx context.Context, paramsHash uint64) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT q.article_id FROM analysis_queue q LEFT JOIN features f ON f.article_id = q.article_id
		WHERE f.article_id IS NULL OR f.params_hash != ? ORDER BY q.article_id`, int64(paramsHash))
}

// AnalysisInputs streams the given articles (all when ids is nil) to fn.
func (db *DB) AnalysisInputs(ctx context.Context, ids []int64, fn func(AnalysisInput) error) error {
	one := func(id int64) error {
		var in AnalysisInput
		var published *string
		err := db.read.QueryRowContext(ctx, `SELECT a.id, a.text, a.original, a.title, a.outlet, a.published,
			coalesce((SELECT path FROM article_files f WHERE f.article_id = a.id ORDER BY f.id LIMIT 1), '')
			FROM articles a WHERE a.id = ?`, id).Scan(&in.ID, &in.Text, &in.Original, &in.Title, &in.Outlet, &published, &in.Path)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // deleted meanwhile
		}
		if err != nil {
			return fmt.Errorf("read article %d: %w", id, err)
		}
		if len(in.Original) == 0 { // stored so when it is the text (storedOriginal)
			in.Original = []byte(in.Text)
		}
		if published != nil {
			if t, err := time.Parse(time.RFC3339, *published); err == nil {
				in.Published = &t
			}
		}
		return fn(in)
	}
	if ids == nil {
		var err error
		if ids, err = db.ArticleIDs(ctx); err != nil {
			return err
		}
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := one(id); err != nil {
			return err
		}
	}
	return nil
}

// Features streams every stored feature blob made with paramsHash.
func (db *DB) Features(ctx context.Context, paramsHash uint64, fn func(id int64, data []byte) error) error {
	return db.eachBlob(ctx, `SELECT article_id, data FROM features WHERE params_hash = ? ORDER BY article_id`,
		[]any{int64(paramsHash)}, fn)
}

// FeaturesOf streams the feature blobs of the given articles (any made
// with paramsHash), a few hundred per query; missing ones are skipped.
func (db *DB) FeaturesOf(ctx context.Context, paramsHash uint64, ids []int64, fn func(id int64, data []byte) error) error {
	const batch = 500
	for lo := 0; lo < len(ids); lo += batch {
		part := ids[lo:min(lo+batch, len(ids))]
		args := make([]any, 0, len(part)+1)
		args = append(args, int64(paramsHash))
		for _, id := range part {
			args = append(args, id)
		}
		q := `SELECT article_id, data FROM features WHERE params_hash = ? AND article_id IN (?` +
			strings.Repeat(",?", len(part)-1) + `)`
		if err := db.eachBlob(ctx, q, args, fn); err != nil {
			return err
		}
	}
	return nil
}

// CountFeatures returns how many articles have features made with paramsHash.
func (db *DB) CountFeatures(ctx context.Context, paramsHash uint64) (int, error) {
	return db.rowCount(ctx, "features", int64(paramsHash))
}

// Blocks returns an article's blocks in order.
func (db *DB) Blocks(ctx context.Context, id int64) ([]core.Block, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT start, end, kind, hash FROM blocks WHERE article_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []core.Block
	for rows.Next() {
		var b core.Block
		if err := rows.Scan(&b.Start, &b.End, &b.Kind, &b.Hash); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// BoilerplateSpans returns the spans of an article's boilerplate blocks in
// order: what a diff needs of its blocks, without reading the others.
func (db *DB) BoilerplateSpans(ctx context.Context, id int64) ([]core.Span, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT start, end FROM blocks WHERE article_id = ? AND kind = 'boilerplate' ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []core.Span
	for rows.Next() {
		var sp core.Span
		if err := rows.Scan(&sp.Start, &sp.End); err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

// LineCounts returns every recurring-line count.
func (db *DB) LineCounts(ctx context.Context) ([]core.LineCount, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT grp, hash, count FROM line_counts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []core.LineCount
	for rows.Next() {
		var lc core.LineCount
		var h int64
		if err := rows.Scan(&lc.Group, &h, &lc.Count); err != nil {
			return nil, err
		}
		lc.Hash = uint64(h)
		out = append(out, lc)
	}
	return out, rows.Err()
}

// SaveLineCounts replaces the line counts with rows and marks the articles
// counted, in one transaction; recount first forgets every earlier mark (a
// full analysis counts every article again).
func (db *DB) SaveLineCounts(ctx context.Context, rows []core.LineCount, counted []int64, recount bool) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM line_counts`); err != nil {
		return err
	}
	if recount {
		if _, err := tx.ExecContext(ctx, `DELETE FROM line_counted`); err != nil {
			return err
		}
	}
	for _, id := range counted {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO line_counted(article_id) VALUES (?)`, id); err != nil {
			return err
		}
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO line_counts(grp, hash, count) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r.Group, int64(r.Hash), r.Count); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// UncountedLines returns the queued articles whose lines are not yet
// counted.
func (db *DB) UncountedLines(ctx context.Context) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT q.article_id FROM analysis_queue q WHERE NOT EXISTS
		(SELECT 1 FROM line_counted c WHERE c.article_id = q.article_id) ORDER BY q.article_id`)
}

// ReplacePairs stores pairs found for the given articles, dropping the pairs
// they had before; with all set, every pair is replaced.
func (db *DB) ReplacePairs(ctx context.Context, all bool, ids []int64, pairs []core.Pair) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if all {
		if _, err := tx.ExecContext(ctx, `DELETE FROM pairs`); err != nil {
			return err
		}
	} else {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `DELETE FROM pairs WHERE a = ? OR b = ?`, id, id); err != nil {
				return err
			}
		}
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO pairs(a, b, kind, jaccard, containment, score) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(a, b, kind) DO UPDATE SET jaccard = excluded.jaccard, containment = excluded.containment, score = excluded.score`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, p := range pairs {
		if _, err := stmt.ExecContext(ctx, p.A, p.B, p.Kind, p.Jaccard, p.Containment, p.Score); err != nil {
			return fmt.Errorf("save pair %d-%d: %w", p.A, p.B, err)
		}
	}
	return tx.Commit()
}

// Pairs returns stored pairs: all (id 0) or those of one article.
func (db *DB) Pairs(ctx context.Context, id int64) ([]core.Pair, error) {
	q := `SELECT a, b, kind, jaccard, containment, score FROM pairs ORDER BY a, b, kind`
	var args []any
	if id != 0 {
		q = `SELECT a, b, kind, jaccard, containment, score FROM pairs WHERE a = ? OR b = ? ORDER BY a, b, kind`
		args = []any{id, id}
	}
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.Pair{}
	for rows.Next() {
		var p core.Pair
		if err := rows.Scan(&p.A, &p.B, &p.Kind, &p.Jaccard, &p.Containment, &p.Score); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Repeats returns the repeated passages of one article (id != 0) or of all
// articles that have any, keyed by article id.
func (db *DB) Repeats(ctx context.Context, id int64) (map[int64][]core.Repeat, error) {
	q := `SELECT article_id, text, occurrences FROM repeats ORDER BY article_id, seq`
	var args []any
	if id != 0 {
		q = `SELECT article_id, text, occurrences FROM repeats WHERE article_id = ? ORDER BY seq`
		args = []any{id}
	}
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]core.Repeat{}
	for rows.Next() {
		var aid int64
		var r core.Repeat
		var occ string
		if err := rows.Scan(&aid, &r.Text, &occ); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(occ), &r.Occurrences); err != nil {
			return nil, fmt.Errorf("repeats of article %d: %w", aid, err)
		}
		out[aid] = append(out[aid], r)
	}
	return out, rows.Err()
}

// SetSetting stores a named value (JSON) such as the last analysis settings.
func (db *DB) SetSetting(ctx context.Context, key string, value any) error {
	b, err := json.Marshal(value)
	if err != nil {
		return err
	}
	_, err = db.write.ExecContext(ctx, `INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)`, key, string(b))
	return err
}

// Setting reads a named value into v; it reports false when there is none.
func (db *DB) Setting(ctx context.Context, key string, v any) (bool, error) {
	var s string
	err := db.read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, json.Unmarshal([]byte(s), v)
}
