package store

import (
	"context"
	"database/sql"
	"fmt"
)

// DateEstimate is when an undated article was most likely written: its
// anchor (the dated article whose year its yearless days are read in, and
// that article's day) and, if its text gives days without a year, the
// estimate Lo..Hi. Days count from 1970-01-01 plus one, as
// evidence.Profile.Day; Lo and Hi are 0 when there is no estimate.
type DateEstimate struct {
	Article       int64
	AnchorArticle int64
	AnchorDay     int32
	Lo, Hi        int32
}

// SaveDateEstimates stores estimates; with replace, every earlier one is
// dropped first (a full analysis), else each replaces its article's.
func (db *DB) SaveDateEstimates(ctx context.Context, es []DateEstimate, replace bool) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save date estimates: %w", err)
	}
	defer tx.Rollback()
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM date_estimates`); err != nil {
			return fmt.Errorf("save date estimates: %w", err)
		}
	}
	put, err := tx.PrepareContext(ctx, `INSERT INTO date_estimates(article_id, anchor_article, anchor_day, lo, hi) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(article_id) DO UPDATE SET anchor_article = excluded.anchor_article, anchor_day = excluded.anchor_day, lo = excluded.lo, hi = excluded.hi`)
	if err != nil {
		return err
	}
	defer put.Close()
	for _, e := range es {
		var lo, hi any
		if e.Lo != 0 {
			lo, hi = e.Lo, e.Hi
		}
		if _, err := put.ExecContext(ctx, e.Article, e.AnchorArticle, e.AnchorDay, lo, hi); err != nil {
			return fmt.Errorf("save date estimate of article %d: %w", e.Article, err)
		}
	}
	return tx.Commit()
}

// DateEstimates returns the stored estimates of ids (nil: every one).
func (db *DB) DateEstimates(ctx context.Context, ids []int64) (map[int64]DateEstimate, error) {
	out := map[int64]DateEstimate{}
	read := func(q string, args ...any) error {
		rows, err := db.read.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("date estimates: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e DateEstimate
			var lo, hi sql.NullInt64
			if err := rows.Scan(&e.Article, &e.AnchorArticle, &e.AnchorDay, &lo, &hi); err != nil {
				return fmt.Errorf("date estimates: %w", err)
			}
			e.Lo, e.Hi = int32(lo.Int64), int32(hi.Int64)
			out[e.Article] = e
		}
		return rows.Err()
	}
	const cols = `SELECT article_id, anchor_article, anchor_day, lo, hi FROM date_estimates`
	if ids == nil {
		return out, read(cols)
	}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		if err := read(cols+` WHERE article_id IN (`+placeholders(n)+`)`, int64Args(ids[:n])...); err != nil {
			return nil, err
		}
		ids = ids[n:]
	}
	return out, nil
}
