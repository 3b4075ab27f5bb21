package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// damagedError says that the archive's pages are damaged and what to do: a
// write into damaged pages can spread the damage, and what was imported
// could be lost with them.
func damagedError(path, detail string) error {
	return core.Errorf(core.EINVALID, "the archive %s is damaged (%s). "+
		"Run `storydiff check` to see the damage; restore a copy made by `storydiff backup`, "+
		"or make one now with `storydiff backup` to save what can still be read", path, detail)
}

// settingCheckedThrough names the last unfinished import after which the
// archive was found sound, so that an import killed once costs one check.
const settingCheckedThrough = "sound_after_import"

// CheckBeforeWrite refuses a write into an archive that is visibly damaged.
// SQLite finds damage only in the pages a statement reads, and an import
// reads few: it appends. A full check reads every page (about 3 s for the
// 400 MB of 21,000 articles), too slow before every import, so this reads
// what is cheap on every call (the file header against the file's size, and
// the schema) and runs SQLite's quick_check only when the archive was not
// left cleanly: an import that never finished (killed, or a machine that
// lost power) is when pages are most likely to be damaged.
func (db *DB) CheckBeforeWrite(ctx context.Context) error {
	if err := db.checkHeader(); err != nil {
		return err
	}
	if err := db.checkSchema(ctx); err != nil {
		return err
	}
	return db.checkAfterUncleanStop(ctx)
}

func (db *DB) checkAfterUncleanStop(ctx context.Context) error {
	var unfinished int64
	if err := db.read.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM imports WHERE finished_at IS NULL`).Scan(&unfinished); err != nil {
		return damagedError(db.Path, err.Error())
	}
	var checked int64
	if _, err := db.Setting(ctx, settingCheckedThrough, &checked); err != nil {
		return damagedError(db.Path, err.Error())
	}
	if unfinished <= checked {
		return nil
	}
	conn, done, err := db.checkConn(ctx)
	if err != nil {
		return err
	}
	defer done()
	var res string
	if err := conn.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res); err != nil {
		return damagedError(db.Path, err.Error())
	}
	if res != "ok" {
		return damagedError(db.Path, res)
	}
	return db.SetSetting(ctx, settingCheckedThrough, unfinished)
}

// checkHeader reads the 100-byte header: SQLite's mark, a valid page size,
// and a file at least as long as the page count the header records (when
// that count is valid and the WAL empty), which finds a file cut short.
func (db *DB) checkHeader() error {
	f, err := os.Open(db.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return damagedError(db.Path, "the file header cannot be read")
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return damagedError(db.Path, "the file header is overwritten")
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return damagedError(db.Path, fmt.Sprintf("the header gives a page size of %d", pageSize))
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	changes, validFor := binary.BigEndian.Uint32(h[24:28]), binary.BigEndian.Uint32(h[92:96])
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	// With frames in the WAL the file may lag its header: a checkpoint cut
	// short (a full disk) writes page 1 before the pages it counts, and the
	// WAL still holds them all.
	walFrames := false
	if wfi, err := os.Stat(db.Path + "-wal"); err == nil && wfi.Size() > 32 {
		walFrames = true
	}
	if changes == validFor && pages > 0 && !walFrames && fi.Size() < pages*pageSize {
		return damagedError(db.Path, fmt.Sprintf("the file is %d bytes, its header says %d pages of %d", fi.Size(), pages, pageSize))
	}
	return nil
}

// importTables are the tables an import writes into.
var importTables = []string{"imports", "import_errors", "articles", "article_files", "blocks", "articles_fts"}

func (db *DB) checkSchema(ctx context.Context) error {
	rows, err := db.read.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'`)
	if err != nil {
		return damagedError(db.Path, err.Error())
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return damagedError(db.Path, err.Error())
		}
		have[name] = true
	}
	if err := rows.Err(); err != nil {
		return damagedError(db.Path, err.Error())
	}
	var missing []string
	for _, t := range importTables {
		if !have[t] {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		return damagedError(db.Path, "tables missing: "+strings.Join(missing, ", "))
	}
	return nil
}

// isCorrupt reports SQLite's "database disk image is malformed" and "file is
// not a database", met when a statement reads a damaged page.
func isCorrupt(err error) bool {
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		switch coded.Code() & 0xff {
		case 11, 26: // SQLITE_CORRUPT, SQLITE_NOTADB
			return true
		}
	}
	return false
}
