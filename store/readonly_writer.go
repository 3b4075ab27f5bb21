package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"syscall"

	"github.com/storydiff/storydiff/core"
	"modernc.org/sqlite"
)

// SQLite's primary result codes for the two failures a researcher can act
// on; extended codes keep these in their low byte.
const (
	sqliteReadOnly = 8
	sqliteFull     = 13
	// SQLITE_IOERR_SHMSIZE: the -shm file could not be grown, which on a
	// full disk is what opening or the first write meets before
	// SQLITE_FULL.
	sqliteIOErrShmSize = 10 | 19<<8
)

// writerConnector hands out the writer's connections. Every write goes
// through it, including those of files this one does not know, so it is
// the one place where SQLite's "attempt to write a readonly database" and
// "database or disk is full" become errors that name the archive and say
// what to do. On a read-only archive it opens nothing: a write fails at
// once, before any work is done.
type writerConnector struct {
	path     string
	readOnly bool
	base     driver.Connector
}

func newWriterConnector(path, dsn string, readOnly bool) (*writerConnector, error) {
	if readOnly {
		return &writerConnector{path: path, readOnly: true}, nil
	}
	base, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	return &writerConnector{path: path, base: base}, nil
}

func (c *writerConnector) Connect(ctx context.Context) (driver.Conn, error) {
	if c.readOnly {
		return nil, readOnlyError(c.path)
	}
	conn, err := c.base.Connect(ctx)
	if err != nil {
		return nil, c.explain(err)
	}
	return &writerConn{Conn: conn, c: c}, nil
}

func (c *writerConnector) Driver() driver.Driver {
	if c.base == nil {
		return nil
	}
	return c.base.Driver()
}

// explain turns a full disk or a read-only file into a core.Error naming
// the archive; other errors pass unchanged.
func (c *writerConnector) explain(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	switch {
	case errors.As(err, &se) && (se.Code()&0xff == sqliteFull || se.Code() == sqliteIOErrShmSize), errors.Is(err, syscall.ENOSPC):
		return diskFullError(c.path)
	case errors.As(err, &se) && se.Code()&0xff == sqliteReadOnly, errors.Is(err, syscall.EROFS):
		return readOnlyError(c.path)
	case isCorrupt(err):
		return damagedError(c.path, err.Error())
	}
	return err
}

func readOnlyError(path string) error {
	return core.Errorf(core.EREADONLY, "the archive %s is read-only (a read-only disk, or a file or folder you may not write): "+
		"reading, searching and reports work; to import, analyse or judge, copy it to a writable place", path)
}

func diskFullError(path string) error {
	return core.Errorf(core.EFULL, "the disk holding %s is full: free space and try again", path)
}

// writerConn passes everything to the driver's connection and explains its
// errors. Only the methods the writer uses are wrapped.
type writerConn struct {
	driver.Conn
	c *writerConnector
}

func (w *writerConn) Prepare(query string) (driver.Stmt, error) {
	return w.PrepareContext(context.Background(), query)
}

func (w *writerConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	s, err := w.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, w.c.explain(err)
	}
	return &writerStmt{Stmt: s, c: w.c}, nil
}

func (w *writerConn) Begin() (driver.Tx, error) {
	return w.BeginTx(context.Background(), driver.TxOptions{})
}

func (w *writerConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := w.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
	if err != nil {
		return nil, w.c.explain(err)
	}
	return &writerTx{Tx: tx, c: w.c}, nil
}

func (w *writerConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	r, err := w.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
	return r, w.c.explain(err)
}

func (w *writerConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	r, err := w.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
	return r, w.c.explain(err)
}

func (w *writerConn) ResetSession(ctx context.Context) error {
	if r, ok := w.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (w *writerConn) IsValid() bool {
	if v, ok := w.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

type writerStmt struct {
	driver.Stmt
	c *writerConnector
}

func (s *writerStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	r, err := s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
	return r, s.c.explain(err)
}

func (s *writerStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	r, err := s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	return r, s.c.explain(err)
}

type writerTx struct {
	driver.Tx
	c *writerConnector
}

func (t *writerTx) Commit() error { return t.c.explain(t.Tx.Commit()) }
