package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
)

// ProfileKeys is the whole key index at once: each key with its holders,
// keys ascending and holders ascending.
type ProfileKeys interface {
	Len() int
	Key(i int) uint64
	// Holders returns key i's holders, in buf's memory when it is large
	// enough; they are read before the next call.
	Holders(i int, buf []int64) []int64
}

// SaveProfilesUnindexed stores a batch of profiles and leaves the key index
// alone: for an analysis that replaces the whole index afterwards
// (ReplaceProfileKeys), writing each article's keys first was a tenth of
// its time.
func (db *DB) SaveProfilesUnindexed(ctx context.Context, version int, batch []ProfileRow) error {
	if len(batch) == 0 {
		return nil
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save profiles: %w", err)
	}
	defer tx.Rollback()
	put, err := tx.PrepareContext(ctx, `INSERT INTO profiles(article_id, version, data) VALUES (?, ?, ?)
		ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, data = excluded.data`)
	if err != nil {
		return err
	}
	defer put.Close()
	for _, p := range batch {
		if _, err := put.ExecContext(ctx, p.ID, version, p.Data); err != nil {
			return fmt.Errorf("save profile of article %d: %w", p.ID, err)
		}
	}
	return tx.Commit()
}

// ReplaceProfileKeys replaces the key index and its counts with idx, in one
// transaction, so a reader sees either the old index with its counts or the
// new one with its counts. The rows go in in key order, many a statement,
// and the counts are written once a key. What made loading row by row slow
// is set aside for the transaction and put back as it was: the triggers
// that keep key_counts (an upsert per row inserted, an update per row
// deleted), the index by article (built again at the end, in one sort,
// rather than kept in article order while the rows come in key order), and
// the foreign key check of each row against its article (every id comes
// from a stored profile, whose own foreign key holds it; checked, it was a
// random read of the articles table a row).
func (db *DB) ReplaceProfileKeys(ctx context.Context, idx ProfileKeys) error {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("index profiles: %w", err)
	}
	defer conn.Close()
	// foreign_keys can be changed only outside a transaction; the
	// connection is the only writer, and gets its checks back before it
	// is returned to the pool (or is discarded).
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return fmt.Errorf("index profiles: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("index profiles: %w", err)
	}
	defer tx.Rollback()
	var drops, creates []string
	rows, err := tx.QueryContext(ctx, `SELECT type, name, sql FROM sqlite_master
		WHERE type IN ('trigger', 'index') AND tbl_name = 'profile_keys' AND sql IS NOT NULL ORDER BY type, name`)
	if err != nil {
		return fmt.Errorf("index profiles: %w", err)
	}
	for rows.Next() {
		var kind, name, sql string
		if err := rows.Scan(&kind, &name, &sql); err != nil {
			rows.Close()
			return err
		}
		drops = append(drops, `DROP `+strings.ToUpper(kind)+` "`+strings.ReplaceAll(name, `"`, `""`)+`"`)
		creates = append(creates, sql)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, q := range drops {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("index profiles: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM profile_keys; DELETE FROM key_counts`); err != nil {
		return fmt.Errorf("index profiles: %w", err)
	}
	if err := insertPairs(ctx, tx, `INSERT INTO profile_keys(key, article_id) VALUES `, func(emit func(a, b int64) error) error {
		var buf []int64
		for i := range idx.Len() {
			buf = idx.Holders(i, buf)
			for _, id := range buf {
				if err := emit(int64(idx.Key(i)), id); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return fmt.Errorf("index profiles: %w", err)
	}
	if err := insertPairs(ctx, tx, `INSERT INTO key_counts(key, n) VALUES `, func(emit func(a, b int64) error) error {
		var buf []int64
		for i := range idx.Len() {
			buf = idx.Holders(i, buf)
			if n := len(buf); n > 0 {
				if err := emit(int64(idx.Key(i)), int64(n)); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return fmt.Errorf("count profile keys: %w", err)
	}
	for _, sql := range creates {
		if _, err := tx.ExecContext(ctx, sql); err != nil {
			return fmt.Errorf("index profiles: %w", err)
		}
	}
	return tx.Commit()
}

// insertPairs runs insert (ending in VALUES) for the pairs rows emits, 500
// rows a statement: one row a statement spent most of its time going
// through database/sql.
func insertPairs(ctx context.Context, tx *sql.Tx, insert string, rows func(emit func(a, b int64) error) error) error {
	const perStmt = 500
	full, err := tx.PrepareContext(ctx, insert+"(?, ?)"+strings.Repeat(", (?, ?)", perStmt-1))
	if err != nil {
		return err
	}
	defer full.Close()
	args := make([]any, 0, 2*perStmt)
	if err := rows(func(a, b int64) error {
		if args = append(args, a, b); len(args) == 2*perStmt {
			_, err := full.ExecContext(ctx, args...)
			args = args[:0]
			return err
		}
		return nil
	}); err != nil {
		return err
	}
	if len(args) > 0 {
		_, err = tx.ExecContext(ctx, insert+"(?, ?)"+strings.Repeat(", (?, ?)", len(args)/2-1), args...)
	}
	return err
}
