package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/storydiff/storydiff/core"
)

// BeginImport records the start of an import run and returns its id.
func (db *DB) BeginImport(ctx context.Context, roots []string, settings any) (int64, error) {
	r, _ := json.Marshal(roots)
	s, _ := json.Marshal(settings)
	res, err := db.write.ExecContext(ctx,
		`INSERT INTO imports(roots, started_at, settings) VALUES (?, ?, ?)`,
		string(r), time.Now().UTC().Format(timeLayout), string(s))
	if err != nil {
		return 0, fmt.Errorf("record import: %w", err)
	}
	return res.LastInsertId()
}

// FinishImport records the outcome of an import run with its per-file errors
// and its notes on stored articles (a date field not understood), each
// with its reason. It uses its own context so that a canceled import is
// still recorded.
func (db *DB) FinishImport(id int64, status string, seen, added, present int, failed, notes []core.FileError) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("finish import %d: %w", id, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx,
		`UPDATE imports SET finished_at = ?, status = ?, files_seen = ?, added = ?, already_present = ?, failed = ? WHERE id = ?`,
		time.Now().UTC().Format(timeLayout), status, seen, added, present, len(failed), id); err != nil {
		return fmt.Errorf("finish import %d: %w", id, err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO import_errors(import_id, path, error, kind, reason) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, list := range []struct {
		kind string
		errs []core.FileError
	}{{"failed", failed}, {"note", notes}} {
		for _, f := range list.errs {
			reason := f.Reason
			if reason == "" {
				reason = core.FailureReason(f.Error)
			}
			if _, err := stmt.ExecContext(ctx, id, f.Path, f.Error, list.kind, reason); err != nil {
				return fmt.Errorf("finish import %d: %w", id, err)
			}
		}
	}
	return tx.Commit()
}

// Imports lists the import runs, newest first, with their errors.
func (db *DB) Imports(ctx context.Context) ([]core.Import, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, roots, started_at, finished_at, status, files_seen, added, already_present, failed FROM imports ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []core.Import
	for rows.Next() {
		var im core.Import
		var roots, started string
		var finished *string
		if err := rows.Scan(&im.ID, &roots, &started, &finished, &im.Status, &im.FilesSeen, &im.Added, &im.AlreadyPresent, &im.Failed); err != nil {
			return nil, err
		}
		_ = json.Unmarshal([]byte(roots), &im.Roots)
		im.StartedAt, _ = time.Parse(timeLayout, started)
		if finished != nil {
			t, _ := time.Parse(timeLayout, *finished)
			im.FinishedAt = &t
		}
		out = append(out, im)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].FinishedAt == nil {
			// Killed, or still running: its counts were never written, but
			// every batch it stored carries its id.
			// (Through article_files, whose rows are small: reading
			// articles.import_id means reading past each text.)
			if err := db.read.QueryRowContext(ctx, `SELECT
				(SELECT count(*) FROM articles a WHERE a.id IN (SELECT article_id FROM article_files WHERE import_id = ?1) AND a.import_id = ?1),
				(SELECT count(DISTINCT path) FROM article_files WHERE import_id = ?1)`, out[i].ID).Scan(&out[i].Added, &out[i].FilesSeen); err != nil {
				return nil, err
			}
		}
		erows, err := db.read.QueryContext(ctx, `SELECT path, error, kind, reason FROM import_errors WHERE import_id = ? ORDER BY rowid`, out[i].ID)
		if err != nil {
			return nil, err
		}
		for erows.Next() {
			var fe core.FileError
			var kind string
			if err := erows.Scan(&fe.Path, &fe.Error, &kind, &fe.Reason); err != nil {
				erows.Close()
				return nil, err
			}
			if fe.Reason == "" { // recorded before reasons were
				fe.Reason = core.FailureReason(fe.Error)
			}
			if kind == "note" {
				out[i].Notes = append(out[i].Notes, fe)
			} else {
				out[i].Errors = append(out[i].Errors, fe)
			}
		}
		erows.Close()
	}
	return out, nil
}
