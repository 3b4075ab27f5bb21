package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
)

// txStmts prepares each statement a transaction runs once, on first use,
// and reuses it for every row: database/sql prepares a query given as text
// anew at each call, and with modernc.org/sqlite that means SQLite's parser
// runs once a row.
type txStmts struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// sketchKeys are the sketch key index rows saveSketch adds, written
	// by flush.
	sketchKeys []keyRow
}

// keyRow is one row of a key index: a key and an article holding it.
type keyRow struct {
	key int64
	id  int64
}

// insertKeyRows adds rows to a key index table (key, article_id) with
// INSERT OR IGNORE, sorted by key then article, many rows a statement: one
// statement a row spent most of its time in database/sql and SQLite's
// statement set-up, and rows in key order fill the index's pages one after
// the other instead of at random. The rows are sorted in place.
func (t *txStmts) insertKeyRows(ctx context.Context, table string, rows []keyRow) error {
	slices.SortFunc(rows, func(a, b keyRow) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	const perStmt = 200
	args := make([]any, 0, 2*perStmt)
	for lo := 0; lo < len(rows); lo += perStmt {
		part := rows[lo:min(lo+perStmt, len(rows))]
		args = args[:0]
		for _, r := range part {
			args = append(args, r.key, r.id)
		}
		q := `INSERT OR IGNORE INTO ` + table + `(key, article_id) VALUES (?, ?)` + strings.Repeat(", (?, ?)", len(part)-1)
		if err := t.exec(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// flush writes the rows held back for the end of the transaction; call it
// before Commit.
func (t *txStmts) flush(ctx context.Context) error {
	rows := t.sketchKeys
	t.sketchKeys = nil
	return t.insertKeyRows(ctx, "sketch_keys", rows)
}

func (t *txStmts) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	s, err := t.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = s
	return s, nil
}

func (t *txStmts) exec(ctx context.Context, query string, args ...any) error {
	s, err := t.stmt(ctx, query)
	if err != nil {
		return err
	}
	_, err = s.ExecContext(ctx, args...)
	return err
}

// queryRow is tx.QueryRowContext through a prepared statement; a failure to
// prepare comes back from Scan.
func (t *txStmts) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := t.stmt(ctx, query)
	if err != nil {
		return t.tx.QueryRowContext(ctx, query, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// close closes the prepared statements (the transaction closes them too
// when it ends; closing them first frees them at once).
func (t *txStmts) close() {
	for _, s := range t.stmts {
		s.Close()
	}
}
