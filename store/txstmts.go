package store

import (
	"context"
	"database/sql"
)

// txStmts prepares each statement a transaction runs once, on first use,
// and reuses it for every row: database/sql prepares a query given as text
// anew at each call, and with modernc.org/sqlite that means SQLite's parser
// runs once a row.
type txStmts struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
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
