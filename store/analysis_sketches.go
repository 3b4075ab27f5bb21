package store

import (
	"context"
	"fmt"
)

// Sketches streams every stored sketch made with sketchHash.
func (db *DB) Sketches(ctx context.Context, sketchHash uint64, fn func(id int64, data []byte) error) error {
	return db.eachBlob(ctx, `SELECT article_id, data FROM sketches WHERE params_hash = ? ORDER BY article_id`,
		[]any{int64(sketchHash)}, fn)
}

func (db *DB) eachBlob(ctx context.Context, q string, args []any, fn func(id int64, data []byte) error) error {
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return err
		}
		if err := fn(id, data); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CountSketches returns how many articles have a sketch made with sketchHash.
func (db *DB) CountSketches(ctx context.Context, sketchHash uint64) (int, error) {
	return db.rowCount(ctx, "sketches", int64(sketchHash))
}

// SketchRow is one article's sketch blob and its keys for the sketch key
// index.
type SketchRow struct {
	ID   int64
	Data []byte
	Keys []uint64
}

// SaveSketches stores sketches made with sketchHash in one transaction.
func (db *DB) SaveSketches(ctx context.Context, sketchHash uint64, rows []SketchRow) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save sketches: %w", err)
	}
	defer tx.Rollback()
	st := &txStmts{tx: tx}
	defer st.close()
	for _, r := range rows {
		if err := st.saveSketch(ctx, r.ID, sketchHash, r.Data, r.Keys); err != nil {
			return fmt.Errorf("save sketch of %d: %w", r.ID, err)
		}
	}
	if err := st.flush(ctx); err != nil {
		return err
	}
	return tx.Commit()
}

// censusKey is the setting holding how many articles term_df counts.
const censusKey = "census_articles"

// CensusArticles returns how many articles the stored term counts count;
// ok is false when none were stored.
func (db *DB) CensusArticles(ctx context.Context) (n int, ok bool, err error) {
	ok, err = db.Setting(ctx, censusKey, &n)
	return n, ok, err
}

// CensusTerms returns the stored term counts (a million rows at a million
// articles: read only when they will be used).
func (db *DB) CensusTerms(ctx context.Context) (map[uint64]int32, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT term, df FROM term_df`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	df := map[uint64]int32{}
	for rows.Next() {
		var term int64
		var c int32
		if err := rows.Scan(&term, &c); err != nil {
			return nil, err
		}
		df[uint64(term)] = c
	}
	return df, rows.Err()
}

// ReplaceCensus stores the term counts of n articles, replacing all others.
func (db *DB) ReplaceCensus(ctx context.Context, n int, df map[uint64]int32) error {
	return db.writeCensus(ctx, n, df, true)
}

// UpdateCensus stores the new counts of some terms and the new n.
func (db *DB) UpdateCensus(ctx context.Context, n int, changed map[uint64]int32) error {
	return db.writeCensus(ctx, n, changed, false)
}

func (db *DB) writeCensus(ctx context.Context, n int, df map[uint64]int32, all bool) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save term counts: %w", err)
	}
	defer tx.Rollback()
	if all {
		if _, err := tx.ExecContext(ctx, `DELETE FROM term_df`); err != nil {
			return err
		}
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO term_df(term, df) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for term, c := range df {
		if _, err := stmt.ExecContext(ctx, int64(term), c); err != nil {
			return fmt.Errorf("save term counts: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)`, censusKey, fmt.Sprint(n)); err != nil {
		return err
	}
	return tx.Commit()
}

// AnalysisCounts are the totals an analysis summary reports (events and
// threads are counted by CountEvents and CountThreads).
type AnalysisCounts struct {
	Pairs, ArticlesWithRepeats int
}

// CountAnalysis counts pairs and articles with repeated passages from the
// kept counts: at a million articles, reading them only to count them took
// seconds after every import, and counting them a second.
func (db *DB) CountAnalysis(ctx context.Context) (AnalysisCounts, error) {
	var c AnalysisCounts
	var err error
	if c.Pairs, err = db.rowCount(ctx, "pairs", 0); err != nil {
		return c, err
	}
	c.ArticlesWithRepeats, err = db.rowCount(ctx, "repeat_articles", 0)
	return c, err
}

// RepeatedIDs returns the articles with repeated passages, sorted, for
// badges that need no more than who.
func (db *DB) RepeatedIDs(ctx context.Context) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT DISTINCT article_id FROM repeats ORDER BY article_id`)
}
