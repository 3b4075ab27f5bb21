package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// The sketch key index (migration 0007) lists, for each key of each stored
// sketch, the articles holding it; store does not read sketches, so the keys
// come with them. It is complete only while the setting sketchKeysKey is
// set: then its rows are exactly the keys of the stored sketches, and an
// article's pairs can be looked for among those sharing a key with it.

const sketchKeysKey = "sketch_keys"

// saveSketch stores one sketch and its keys. Keys of the sketch it replaces
// cannot be found to delete them, so replacing a sketch by a different one
// marks the key index incomplete (an analysis builds it again); storing the
// same sketch again changes nothing.
func saveSketch(ctx context.Context, tx *sql.Tx, id int64, hash uint64, data []byte, keys []uint64) error {
	st := &txStmts{tx: tx}
	defer st.close()
	if err := st.saveSketch(ctx, id, hash, data, keys); err != nil {
		return err
	}
	return st.flush(ctx)
}

// saveSketch is saveSketch with the transaction's prepared statements. The
// sketch's keys are held back for st.flush, which writes those of every
// sketch of the transaction together.
func (st *txStmts) saveSketch(ctx context.Context, id int64, hash uint64, data []byte, keys []uint64) error {
	var oldHash int64
	var old []byte
	err := st.queryRow(ctx, `SELECT params_hash, data FROM sketches WHERE article_id = ?`, id).Scan(&oldHash, &old)
	switch {
	case err == nil && oldHash == int64(hash) && bytes.Equal(old, data):
		return nil
	case err == nil:
		if err := st.exec(ctx, `DELETE FROM settings WHERE key = ?`, sketchKeysKey); err != nil {
			return err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if err := st.exec(ctx, `INSERT INTO sketches(article_id, params_hash, data) VALUES (?, ?, ?)
		ON CONFLICT(article_id) DO UPDATE SET params_hash = excluded.params_hash, data = excluded.data`,
		id, int64(hash), data); err != nil {
		return err
	}
	for _, k := range keys {
		st.sketchKeys = append(st.sketchKeys, keyRow{int64(k), id})
	}
	return nil
}

// SketchKeysComplete reports whether the sketch key index holds the keys of
// every stored sketch.
func (db *DB) SketchKeysComplete(ctx context.Context) (bool, error) {
	var ok bool
	_, err := db.Setting(ctx, sketchKeysKey, &ok)
	return ok, err
}

// EachSketchRow streams every stored sketch with the parameters that made
// it, to build the key index again.
func (db *DB) EachSketchRow(ctx context.Context, fn func(id int64, hash uint64, data []byte) error) error {
	rows, err := db.read.QueryContext(ctx, `SELECT article_id, params_hash, data FROM sketches ORDER BY article_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, hash int64
		var data []byte
		if err := rows.Scan(&id, &hash, &data); err != nil {
			return err
		}
		if err := fn(id, uint64(hash), data); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ClearSketchKeys empties the key index and marks it incomplete, before it
// is built again with AddSketchKeys.
func (db *DB) ClearSketchKeys(ctx context.Context) error {
	_, err := db.write.ExecContext(ctx, `DELETE FROM settings WHERE key = ?; DELETE FROM sketch_keys`, sketchKeysKey)
	return err
}

// SketchKey is one row of the sketch key index.
type SketchKey struct {
	Key uint64
	ID  int64
}

// AddSketchKeys adds rows to the key index (sorted by key, they fill its
// pages in order: ten times faster than in article order); complete marks
// the index whole, in the same transaction.
func (db *DB) AddSketchKeys(ctx context.Context, rows []SketchKey, complete bool) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("index sketches: %w", err)
	}
	defer tx.Rollback()
	// Many rows a statement: one row a statement spent most of its time
	// going through database/sql.
	const perStmt = 500
	full, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO sketch_keys(key, article_id) VALUES (?, ?)`+
		strings.Repeat(", (?, ?)", perStmt-1))
	if err != nil {
		return err
	}
	defer full.Close()
	args := make([]any, 0, 2*perStmt)
	for lo := 0; lo < len(rows); lo += perStmt {
		part := rows[lo:min(lo+perStmt, len(rows))]
		args = args[:0]
		for _, r := range part {
			args = append(args, int64(r.Key), r.ID)
		}
		if len(part) == perStmt {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO sketch_keys(key, article_id) VALUES (?, ?)`+
				strings.Repeat(", (?, ?)", len(part)-1), args...)
		}
		if err != nil {
			return fmt.Errorf("index sketches: %w", err)
		}
	}
	if complete {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO settings(key, value) VALUES (?, 'true')`, sketchKeysKey); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// SketchKeyHolders returns, for each key, the articles whose sketch holds
// it; a key held by more than limit articles (limit > 0) maps to nil, its
// holders unread.
func (db *DB) SketchKeyHolders(ctx context.Context, keys []uint64, limit int) (map[uint64][]int64, error) {
	out := make(map[uint64][]int64, len(keys))
	q := `SELECT article_id FROM sketch_keys WHERE key = ?`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit+1)
	}
	stmt, err := db.read.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	for _, k := range keys {
		if _, done := out[k]; done {
			continue
		}
		rows, err := stmt.QueryContext(ctx, int64(k))
		if err != nil {
			return nil, err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if limit > 0 && len(ids) > limit {
			ids = nil
		}
		out[k] = ids
	}
	return out, nil
}

// SketchesOf streams the sketches of ids made with sketchHash (others and
// missing ones are skipped), a few hundred per query.
func (db *DB) SketchesOf(ctx context.Context, sketchHash uint64, ids []int64, fn func(id int64, data []byte) error) error {
	return inBatches(ids, func(part []any) error {
		args := append([]any{int64(sketchHash)}, part...)
		return db.eachBlob(ctx, `SELECT article_id, data FROM sketches WHERE params_hash = ? AND article_id IN (?`+
			strings.Repeat(",?", len(part)-1)+`) ORDER BY article_id`, args, fn)
	})
}

// TermCounts returns the stored term counts (term_df) of the given terms;
// terms no article holds are left out.
func (db *DB) TermCounts(ctx context.Context, terms []uint64) (map[uint64]int32, error) {
	out := make(map[uint64]int32, len(terms))
	ids := make([]int64, len(terms))
	for i, t := range terms {
		ids[i] = int64(t)
	}
	err := inBatches(ids, func(part []any) error {
		rows, err := db.read.QueryContext(ctx, `SELECT term, df FROM term_df WHERE term IN (?`+strings.Repeat(",?", len(part)-1)+`)`, part...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var term int64
			var df int32
			if err := rows.Scan(&term, &df); err != nil {
				return err
			}
			out[uint64(term)] = df
		}
		return rows.Err()
	})
	return out, err
}
