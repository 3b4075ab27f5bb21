package store

import (
	"context"
	"database/sql"
	"fmt"
)

// checkConn opens a connection of its own for PRAGMA integrity_check and
// quick_check, closed by done. Both pragmas also check the full-text index
// through FTS5's integrity method, which reads the index's structure as the
// connection last cached it, without first asking (as a query or a write
// does) whether another connection has changed the index since. On a pooled
// reader that had read the index before an import merged its segments, they
// reported a segment missing from a sound index ("fts5: corruption found
// reading blob"), and an import after an unclean stop was refused as damaged.
// A new connection reads the structure from the file.
func (db *DB) checkConn(ctx context.Context) (*sql.Conn, func(), error) {
	pool, err := sql.Open("sqlite", db.readDSN)
	if err != nil {
		return nil, nil, fmt.Errorf("check %s: %w", db.Path, err)
	}
	pool.SetMaxOpenConns(1)
	conn, err := pool.Conn(ctx)
	if err != nil {
		pool.Close()
		return nil, nil, fmt.Errorf("check %s: %w", db.Path, err)
	}
	return conn, func() { conn.Close(); pool.Close() }, nil
}
