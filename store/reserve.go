package store

import (
	"os"
	"path/filepath"
)

// reserveBytes is the room held for recording how a write ended: the
// import's row and its errors take a few pages of WAL.
const reserveBytes = 64 << 10

// HoldReserve writes a small file beside the archive and returns a function
// that deletes it. A commit can fill the disk to its last page: SQLite then
// has no room for any later frame, and a failed import could not even be
// recorded as failed. Deleting the reserve when the disk is full frees that
// room. Nothing is held when the archive is read-only or the disk has no
// room for the reserve itself; the returned function is safe to call twice.
func (db *DB) HoldReserve() (release func()) {
	if db.readOnly {
		return func() {}
	}
	pattern := "." + filepath.Base(db.Path) + "-reserve-*"
	// A killed import leaves its reserve: the next one removes it. (Another
	// process importing into the same archive at that moment loses its
	// reserve; its import is not harmed, only less sure to be recorded as
	// failed on a full disk.)
	if stale, err := filepath.Glob(filepath.Join(filepath.Dir(db.Path), pattern)); err == nil {
		for _, name := range stale {
			os.Remove(name)
		}
	}
	f, err := os.CreateTemp(filepath.Dir(db.Path), pattern)
	if err != nil {
		return func() {}
	}
	name := f.Name()
	// Written, not truncated to size: a sparse file holds no blocks.
	_, werr := f.Write(make([]byte, reserveBytes))
	cerr := f.Close()
	if werr != nil || cerr != nil {
		os.Remove(name)
		return func() {}
	}
	return func() { os.Remove(name) }
}
