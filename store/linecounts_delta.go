package store

import (
	"context"
	"fmt"

	"github.com/storydiff/storydiff/core"
)

// LineCountsFor returns the stored counts of group's lines hashes and the
// group's article count (hash 0): what judging and counting a few new
// articles of the group needs, instead of every group's every line.
func (db *DB) LineCountsFor(ctx context.Context, group string, hashes []uint64) ([]core.LineCount, error) {
	all := append([]uint64{0}, hashes...)
	var out []core.LineCount
	for len(all) > 0 {
		n := min(len(all), 500)
		args := []any{group}
		for _, h := range all[:n] {
			args = append(args, int64(h))
		}
		all = all[n:]
		rows, err := db.read.QueryContext(ctx, `SELECT hash, count FROM line_counts WHERE grp = ? AND hash IN (`+placeholders(n)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var h int64
			var c int
			if err := rows.Scan(&h, &c); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, core.LineCount{Group: group, Hash: uint64(h), Count: c})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// UpdateLineCounts writes rows over the stored counts (the rest are kept)
// and marks the articles counted, in one transaction: an import's few
// articles change a few rows, not the hundreds of thousands SaveLineCounts
// rewrites.
func (db *DB) UpdateLineCounts(ctx context.Context, rows []core.LineCount, counted []int64) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save line counts: %w", err)
	}
	defer tx.Rollback()
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
