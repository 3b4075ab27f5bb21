package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
)

// Locations returns every place an article's bytes were found.
func (db *DB) Locations(ctx context.Context, id int64) ([]core.FileLocation, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT path, record, size, mtime, import_id FROM article_files WHERE article_id = ? ORDER BY path, record`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []core.FileLocation
	for rows.Next() {
		var l core.FileLocation
		var mtime string
		if err := rows.Scan(&l.Path, &l.Record, &l.Size, &mtime, &l.ImportID); err != nil {
			return nil, err
		}
		l.ModTime, _ = time.Parse(timeLayout, mtime)
		out = append(out, l)
	}
	return out, rows.Err()
}

// MultiLocated returns the articles whose bytes were found at more than one
// place (another path, or another record of a JSON file).
func (db *DB) MultiLocated(ctx context.Context) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT article_id FROM multi_located ORDER BY article_id`)
}

// HasLocationUnder reports whether the archive holds any location whose path
// begins with prefix: when it holds none, HasLocation is false for every
// file under it, and an import need not ask file by file.
func (db *DB) HasLocationUnder(ctx context.Context, prefix string) (bool, error) {
	// The paths that begin with prefix come first among those >= prefix.
	var p string
	err := db.read.QueryRowContext(ctx, `SELECT path FROM article_files WHERE path >= ? ORDER BY path LIMIT 1`, prefix).Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return strings.HasPrefix(p, prefix), nil
}

// HasLocation reports whether the archive already holds the whole file at
// path with this size and modification time, so that an unchanged file need
// not be read again. A file of one article is stored whole or not at all; the
// records of a JSON or JSONL file are stored in batches as they are read, so
// such a file counts only once an import that read it finished: one killed
// or stopped halfway through it reads it again, and adds what is missing.
func (db *DB) HasLocation(ctx context.Context, path string, size int64, mtime time.Time) (bool, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM article_files f
		WHERE f.path = ? AND f.size = ? AND f.mtime = ?
		  AND (f.record = 0 OR EXISTS (SELECT 1 FROM imports i WHERE i.id = f.import_id AND i.status = 'done'))`,
		path, size, mtime.UTC().Format(timeLayout)).Scan(&n)
	return n > 0, err
}

// CountMultiLocated is how many articles were found at more than one place.
func (db *DB) CountMultiLocated(ctx context.Context) (int64, error) {
	var n int64
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM multi_located`).Scan(&n)
	return n, err
}
