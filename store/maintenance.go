package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/storydiff/storydiff/core"
)

// Backup writes a consistent copy of the live archive to path with VACUUM
// INTO, which reads one snapshot while other processes go on writing. The copy
// is written beside path and renamed into place, so a failed backup never
// leaves a half file under the name asked for.
func (db *DB) Backup(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return core.Errorf(core.EINVALID, "cannot resolve backup path %q", path)
	}
	if same, _ := filepath.Abs(db.Path); same == abs {
		return core.Errorf(core.EINVALID, "the backup must go to another file than the archive")
	}
	tmp := abs + ".partial"
	os.Remove(tmp)
	if _, err := db.read.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return &core.Error{Code: core.EINVALID, Message: "cannot write the backup " + path, Err: err}
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return &core.Error{Code: core.EINVALID, Message: "cannot write the backup " + path, Err: err}
	}
	return nil
}

// Check verifies the archive: SQLite's integrity check, foreign keys, that
// the full-text index agrees with the articles, that the kept row counts
// agree with their tables, and that every article is analysed or queued. It returns the problems
// found, none when the archive is sound.
func (db *DB) Check(ctx context.Context) ([]string, error) {
	problems, err := db.IntegrityCheck(ctx)
	if err != nil {
		return nil, err
	}
	// The full-text index against the articles (FTS5's own check where the
	// archive can be written; a comparison of term counts where it cannot).
	fts, err := db.CheckFullText(ctx)
	if err != nil {
		return nil, err
	}
	problems = append(problems, fts...)
	var orphans int
	if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_files f WHERE f.article_id = a.id)`).Scan(&orphans); err != nil {
		return nil, err
	}
	if orphans > 0 {
		problems = append(problems, fmt.Sprintf("%d articles have no file location", orphans))
	}
	counts, err := db.checkCounts(ctx)
	if err != nil {
		return nil, err
	}
	queue, err := db.checkQueue(ctx)
	if err != nil {
		return nil, err
	}
	return append(append(problems, counts...), queue...), nil
}
