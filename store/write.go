package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/storydiff/storydiff/core"
)

// NewArticle is a parsed document ready to be stored.
type NewArticle struct {
	Doc      core.Document
	SHA256   string // of Doc.Original
	TextHash string // of the normalised text
	Words    int
	Blocks   []core.Block
	Size     int64 // of the file
	ModTime  time.Time
}

// AddResult says what storing one NewArticle did.
type AddResult struct {
	ID int64
	// Added is true when the article is new to the archive; false when its
	// bytes were already there (then at most a new location was recorded).
	Added bool
}

// AddArticles stores a batch of articles in one transaction: either all of
// them, with their locations and blocks, are stored, or none is. Bytes the
// archive already holds add a location to the existing article instead.
func (db *DB) AddArticles(ctx context.Context, importID int64, batch []NewArticle) ([]AddResult, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format(timeLayout)
	out := make([]AddResult, len(batch))

	find, err := tx.PrepareContext(ctx, `SELECT id FROM articles WHERE sha256 = ?`)
	if err != nil {
		return nil, err
	}
	defer find.Close()
	insArticle, err := tx.PrepareContext(ctx, `INSERT INTO articles(sha256, text_hash, title, byline, outlet, url, published,
		published_raw, published_from, language, encoding, format, words, text, original, import_id, imported_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer insArticle.Close()
	insFile, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO article_files(article_id, path, record, size, mtime, import_id)
		VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer insFile.Close()
	insBlock, err := tx.PrepareContext(ctx, `INSERT INTO blocks(article_id, seq, start, end, kind, hash) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer insBlock.Close()

	for i, a := range batch {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var id int64
		err := find.QueryRowContext(ctx, a.SHA256).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			d := a.Doc
			var published any
			if d.Published != nil {
				published = d.Published.UTC().Format(time.RFC3339)
			}
			res, err := insArticle.ExecContext(ctx, a.SHA256, a.TextHash, d.Title, d.Byline, d.Outlet, d.URL, published,
				d.PublishedRaw, d.PublishedFrom, d.Language, d.Encoding, d.Format, a.Words, d.Text, d.Original, importID, now)
			if err != nil {
				return nil, fmt.Errorf("store %s: %w", d.Path, err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return nil, err
			}
			for seq, b := range a.Blocks {
				if _, err := insBlock.ExecContext(ctx, id, seq, b.Start, b.End, b.Kind, b.Hash); err != nil {
					return nil, fmt.Errorf("store blocks of %s: %w", d.Path, err)
				}
			}
			out[i] = AddResult{ID: id, Added: true}
		case err != nil:
			return nil, fmt.Errorf("look up %s: %w", a.Doc.Path, err)
		default:
			out[i] = AddResult{ID: id}
		}
		if _, err := insFile.ExecContext(ctx, id, a.Doc.Path, a.Doc.Record, a.Size, a.ModTime.UTC().Format(timeLayout), importID); err != nil {
			return nil, fmt.Errorf("record location %s: %w", a.Doc.Path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	return out, nil
}

// HasLocation reports whether the archive already holds the file at path
// with this size and modification time, so that an unchanged file need not be
// read again.
func (db *DB) HasLocation(ctx context.Context, path string, size int64, mtime time.Time) (bool, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM article_files WHERE path = ? AND size = ? AND mtime = ?`,
		path, size, mtime.UTC().Format(timeLayout)).Scan(&n)
	return n > 0, err
}
