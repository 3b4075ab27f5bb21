package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"syscall"

	"github.com/storydiff/storydiff/core"
)

// access is what Open found out about where the archive lives.
type access struct {
	readOnly bool
	// immutable: nothing can change the file while it is open, and SQLite
	// must not look for the -wal and -shm files it cannot create.
	immutable bool
}

// probe finds out whether the archive at path can be written. An archive in
// WAL mode needs its file and its folder writable: SQLite creates the -wal
// and -shm files beside it. SQLite (3.22+) opens a WAL archive read-only
// only if those files exist or can be created, or if the file is declared
// immutable; so on a read-only folder without them the archive is opened
// immutable, which is right for a read-only mount, the usual case, where
// nothing can change it.
func probe(path string) (access, error) {
	dir := filepath.Dir(path)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if _, derr := os.Stat(dir); derr == nil && !dirWritable(dir) {
			return access{}, core.Errorf(core.EREADONLY, "cannot create the archive %s: the folder %s is read-only", path, dir)
		}
		return access{}, nil
	}
	fileRO := false
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	switch {
	case err == nil:
		f.Close()
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		fileRO = true
	}
	dirRO := !dirWritable(dir)
	if !fileRO && !dirRO {
		return access{}, nil
	}
	_, werr := os.Stat(path + "-wal")
	_, serr := os.Stat(path + "-shm")
	return access{readOnly: true, immutable: dirRO && (werr != nil || serr != nil)}, nil
}

func readOnlyDSN(path string, immutable bool) string {
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(10000)"} {
		q.Add("_pragma", p)
	}
	// No journal_mode pragma: setting it would be a write.
	q.Set("mode", "ro")
	if immutable {
		q.Set("immutable", "1")
	}
	q.Set("_txlock", "deferred")
	return "file:" + path + "?" + q.Encode()
}

// openReadOnly opens the read pool only; the writer refuses every write
// with an error that names the archive.
func openReadOnly(ctx context.Context, path string, acc access) (*DB, error) {
	readDSN := readOnlyDSN(path, acc.immutable)
	read, err := sql.Open("sqlite", readDSN)
	if err != nil {
		return nil, &core.Error{Code: core.EINVALID, Message: "cannot read " + path + " as an archive", Err: err}
	}
	read.SetMaxOpenConns(maxReadConns)
	wc, _ := newWriterConnector(path, "", true)
	db := &DB{Path: path, read: read, readDSN: readDSN, write: sql.OpenDB(wc), readOnly: true}
	version, err := readSchema(ctx, read, path)
	if err != nil {
		db.Close()
		return nil, err
	}
	if latest, err := latestVersion(); err != nil {
		db.Close()
		return nil, err
	} else if version == 0 {
		db.Close()
		return nil, core.Errorf(core.EREADONLY, "the archive %s is empty and read-only: create it where it can be written", path)
	} else if version < latest {
		db.Close()
		return nil, core.Errorf(core.EREADONLY, "the archive %s is read-only and was made by an older StoryDiff (schema %d, this one needs %d): "+
			"open it once where it can be written, or copy it to a writable place, so that it can be upgraded", path, version, latest)
	}
	return db, nil
}

// ReadOnly reports whether the archive was opened read-only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// CheckWritable returns the error a write would meet on a read-only
// archive, so that a long job can refuse before it starts; nil otherwise.
func (db *DB) CheckWritable() error {
	if db.readOnly {
		return readOnlyError(db.Path)
	}
	return nil
}
