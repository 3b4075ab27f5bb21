package store

import (
	"context"
	"fmt"
	"time"

	"github.com/storydiff/storydiff/core"
)

// SaveJudgement stores or replaces a verdict.
func (db *DB) SaveJudgement(ctx context.Context, j core.Judgement) error {
	if j.A > j.B {
		j.A, j.B = j.B, j.A
	}
	if j.A == j.B {
		return core.Errorf(core.EINVALID, "a judgement needs two different articles")
	}
	if j.Relation != "duplicate" && j.Relation != "story" {
		return core.Errorf(core.EINVALID, "a judgement is about a duplicate or a story, not %q", j.Relation)
	}
	_, err := db.write.ExecContext(ctx, `INSERT OR REPLACE INTO judgements(a, b, relation, same, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		j.A, j.B, j.Relation, j.Same, j.Note, time.Now().UTC().Format(timeLayout))
	if err != nil {
		return fmt.Errorf("save judgement: %w", err)
	}
	return nil
}

// Judgements returns every verdict.
func (db *DB) Judgements(ctx context.Context) ([]core.Judgement, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT a, b, relation, same, note, created_at FROM judgements ORDER BY a, b, relation`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.Judgement{}
	for rows.Next() {
		var j core.Judgement
		var created string
		if err := rows.Scan(&j.A, &j.B, &j.Relation, &j.Same, &j.Note, &created); err != nil {
			return nil, err
		}
		j.CreatedAt, _ = time.Parse(timeLayout, created)
		out = append(out, j)
	}
	return out, rows.Err()
}

// SetKeeper records keep as the copy to keep among group (keep included),
// clearing any earlier choice among them, in one transaction.
func (db *DB) SetKeeper(ctx context.Context, keep int64, group []int64) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, id := range group {
		if _, err := tx.ExecContext(ctx, `DELETE FROM keepers WHERE article_id = ?`, id); err != nil {
			return fmt.Errorf("choose the copy to keep: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO keepers(article_id, chosen_at) VALUES (?, ?)`,
		keep, time.Now().UTC().Format(timeLayout)); err != nil {
		return fmt.Errorf("choose the copy to keep: %w", err)
	}
	return tx.Commit()
}

// Keepers returns the articles chosen as the copy to keep.
func (db *DB) Keepers(ctx context.Context) (map[int64]bool, error) {
	ids, err := db.idsWhere(ctx, `SELECT article_id FROM keepers`)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}
