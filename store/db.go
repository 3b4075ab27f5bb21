// Package store keeps the archive in SQLite (modernc.org/sqlite, pure Go).
// All SQL lives here. It imports core only.
package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/storydiff/storydiff/core"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// timeLayout is how times are written in the archive.
const timeLayout = time.RFC3339Nano

// ApplicationID marks a SQLite file as a StoryDiff archive ("SDif").
const ApplicationID = 0x53446966

// maxReadConns is how many connections the read pool opens at most: reads
// run beside the one writer, and a few long reads at once (inBatchesConcurrently)
// use every core.
const maxReadConns = 4

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is an open archive. Writes go through one connection so that SQLite
// never sees two writers from this process; reads use a small pool.
type DB struct {
	Path     string
	write    *sql.DB
	read     *sql.DB
	readDSN  string // the read pool's, for a connection of its own (checkConn)
	readOnly bool
}

// DefaultPath returns the archive path: $STORYDIFF_DB, else
// $XDG_DATA_HOME/storydiff/archive.db, else ~/.local/share/storydiff/archive.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("STORYDIFF_DB"); p != "" {
		return p, nil
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find home directory for the default archive: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "storydiff", "archive.db"), nil
}

func dsn(path string, txlock string) string {
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(10000)", "journal_mode(wal)", "synchronous(normal)"} {
		q.Add("_pragma", p)
	}
	if txlock == "immediate" {
		// The writer's page cache: an import batch (text, original bytes,
		// blocks, the full-text index's new segment) dirties more than
		// SQLite's default 2 MB, which then spilled pages to the WAL before
		// the commit and read them back. 8 MB holds a batch
		// (TestImportBatchIsNotSpilled) and no more: each cached page is a
		// separate allocation of the C heap, faulted in when first used
		// and handed back to the kernel one region at a time when the
		// connection closes, which with 32 MB cost an import of 2,000
		// articles about 6,000 page faults and 700 madvise calls (a third
		// of a second on a virtual machine) for pages it did not need: a
		// page it reads again comes from the operating system's cache.
		q.Add("_pragma", "cache_size(-8192)")
		// The WAL is copied into the archive (a checkpoint: every page
		// read back, written again, and both files synced) when a commit
		// leaves it longer than this many pages. At SQLite's 1,000 (4 MB)
		// an import checkpointed after nearly every batch and copied the
		// pages every batch changes again (the tables' last pages, the
		// full-text index's structure and the segments it merges) each
		// time; at 10,000 (40 MB) it copies each of them once for several
		// batches. Close still folds the WAL back into the archive.
		q.Add("_pragma", "wal_autocheckpoint(10000)")
		// Each statement inside a transaction keeps the pages it changes so
		// that it can be undone alone (its statement journal), in memory up
		// to 64 KB and then in a temporary file: an import of 5,000 articles
		// made 160,000 writes to such files, a third of its system calls.
		// In memory they cost a copy of the page and no system call. The
		// writer's temporary tables (those of IN, DISTINCT and GROUP BY
		// without an index) live in memory too; large sorts still spill to
		// files. A plain VACUUM here would build its whole copy in memory:
		// none is run (a backup is VACUUM INTO, on a reader).
		q.Add("_pragma", "temp_store(memory)")
	}
	q.Set("_txlock", txlock)
	return "file:" + path + "?" + q.Encode()
}

// Open opens (creating if needed) the archive at path and brings its schema
// up to date. An archive that cannot be written (a read-only mount, a file
// or folder the user may not write) is opened for reading only: reads work,
// and every write fails with a core.EREADONLY error naming the archive.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, core.Errorf(core.EINVALID, "no archive path given")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, core.Errorf(core.EINVALID, "%s is a folder, not an archive file: give the path of an archive file, such as %s",
			path, filepath.Join(path, "archive.db"))
	}
	acc, err := probe(path)
	if err != nil {
		return nil, err
	}
	if acc.readOnly {
		return openReadOnly(ctx, path, acc)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, &core.Error{Code: core.EINVALID, Message: "cannot create the archive folder " + dir, Err: err}
		}
	}
	// Opening for writing turns the file to WAL, which rewrites its header:
	// a file that is plainly not an archive is refused before that.
	current, err := refuseForeign(ctx, path)
	if err != nil {
		return nil, err
	}
	wc, err := newWriterConnector(path, dsn(path, "immediate"), false)
	if err != nil {
		return nil, err
	}
	write := sql.OpenDB(wc)
	write.SetMaxOpenConns(1)
	db := &DB{Path: path, write: write, readDSN: dsn(path, "deferred")}
	db.read, err = sql.Open("sqlite", db.readDSN)
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	db.read.SetMaxOpenConns(maxReadConns)
	// An archive whose header says it is ours, in WAL mode and at the latest
	// schema (every open after the first) needs no migration: the schema is
	// confirmed through the read pool, whose connection the command's reads
	// then use, and the writer connects only when something is written. A
	// read command so opens one connection and parses the schema once, not
	// twice. Anything else takes the migrating path, which re-reads it all.
	if current {
		if v, err := readSchema(ctx, db.read, path); err == nil && v == latestKnown() {
			return db, nil
		}
	}
	if err := migrateWhenFree(ctx, db); err != nil {
		db.read.Close()
		write.Close()
		return nil, err
	}
	return db, nil
}

// refuseForeign refuses, before anything is written, a file that is not a
// StoryDiff archive: opening for writing turns the file to WAL, which
// rewrites its header, so another program's database must be recognised
// while it is only read. The header says most (not SQLite; another
// application's id at offset 68; a user version without StoryDiff's id); an
// unmarked SQLite file is opened read-only and its tables counted. An empty
// file is refused too: it is no archive, and making it one silently would
// hide a mistaken path.
//
// current reports a header that is StoryDiff's, in WAL mode (read and write
// versions 2, offsets 18-19) and at the latest schema (user_version, offset
// 60); a migration still in the WAL does not show there, so current is a
// hint to confirm with readSchema, never proof.
func refuseForeign(ctx context.Context, path string) (current bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return false, nil // absent: a new archive; unreadable: probe has said so
	}
	defer f.Close()
	var h [100]byte
	n, _ := io.ReadFull(f, h[:])
	if n == 0 && !becomesNonEmpty(f) {
		return false, core.Errorf(core.EINVALID, "%s is an empty file, not an archive: remove it, or give a path where no file exists yet, "+
			"and StoryDiff will create a new archive there", path)
	}
	if n == 0 {
		// Another process was creating the archive: read its header now.
		n, _ = f.ReadAt(h[:], 0)
	}
	if n < len(h) || string(h[:16]) != "SQLite format 3\x00" {
		return false, core.Errorf(core.EINVALID, "%s is not a StoryDiff archive (not a SQLite file)", path)
	}
	id := binary.BigEndian.Uint32(h[68:72])
	if id != 0 && id != ApplicationID {
		return false, core.Errorf(core.EINVALID, "%s is a SQLite file but not a StoryDiff archive", path)
	}
	if id == ApplicationID {
		version := int(binary.BigEndian.Uint32(h[60:64]))
		return h[18] == 2 && h[19] == 2 && version > 0 && version == latestKnown(), nil
	}
	// Unmarked in the file's header. In WAL mode the header may be older
	// than the archive (a new archive's first pages can still be in the
	// WAL), so read what SQLite sees, without writing.
	conn, err := sql.Open("sqlite", readOnlyDSN(path, false))
	if err != nil {
		return false, notArchive(path, err)
	}
	defer conn.Close()
	if _, err := readSchema(ctx, conn, path); err != nil && !isBusy(err) {
		return false, err
	}
	return false, nil
}

// becomesNonEmpty waits briefly for an empty file to grow: SQLite creates an
// archive's file empty and writes its header a moment later, so an empty
// file just made may be another process's new archive. An empty file older
// than that is judged at once.
func becomesNonEmpty(f *os.File) bool {
	fi, err := f.Stat()
	if err != nil || time.Since(fi.ModTime()) > 5*time.Second {
		return false
	}
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
			return true
		}
	}
	return false
}

// migrateWhenFree migrates, waiting out other processes that are opening
// the same new archive at that moment. Turning a new file to WAL and reading
// its header can fail at once with SQLITE_BUSY, without SQLite's busy
// handler, while another connection holds a lock it must upgrade; the open
// succeeds once that process has finished its migration.
func migrateWhenFree(ctx context.Context, db *DB) error {
	deadline := time.Now().Add(10 * time.Second)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := db.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// isBusy reports whether err is SQLite's "database is locked" (SQLITE_BUSY,
// or SQLITE_LOCKED), anywhere in its chain.
func isBusy(err error) bool {
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		switch coded.Code() & 0xff {
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
			return true
		}
	}
	return strings.Contains(err.Error(), "database is locked")
}

// Close closes the archive.
func (db *DB) Close() error {
	var errs []error
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		// Fold the WAL back so that the archive is one file when nothing
		// runs. A process whose writer never connected wrote nothing to fold,
		// and connecting only for this cost a read command a second
		// connection; SQLite still folds the WAL when its last connection
		// closes.
		if !db.readOnly && db.write.Stats().OpenConnections > 0 {
			_, _ = db.write.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		}
		errs = append(errs, db.write.Close())
	}
	return errors.Join(errs...)
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with NNNN_", e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies the embedded migrations newer than the archive's
// user_version, each in its own immediate transaction that re-reads the
// version, so that two processes opening a new archive at once apply each
// migration once.
func (db *DB) migrate(ctx context.Context) error {
	version, err := readSchema(ctx, db.write, db.Path)
	if err != nil {
		return err
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	if len(ms) > 0 {
		noticeMigration(ctx, db.Path, version, ms[len(ms)-1].version)
	}
	for _, m := range ms {
		if m.version <= version {
			continue
		}
		tx, err := db.write.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate %s: %w", db.Path, err)
		}
		// The version read above may be stale: another process opening the
		// same new archive can have applied this migration since. The write
		// transaction is immediate, so the version read inside it is final.
		var current int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s: %w", db.Path, err)
		}
		if current >= m.version {
			tx.Rollback()
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, m.version)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// readSchema checks that conn holds a StoryDiff archive (or an empty file)
// that this StoryDiff can read, and returns its schema version.
func readSchema(ctx context.Context, conn *sql.DB, path string) (int, error) {
	var appID, version int
	// One statement for both: each is a prepare and a step in the start of
	// every command.
	if err := conn.QueryRowContext(ctx, "SELECT * FROM pragma_application_id, pragma_user_version").Scan(&appID, &version); err != nil {
		return 0, notArchive(path, err)
	}
	if appID != 0 && appID != ApplicationID || appID == 0 && version != 0 {
		// Every migration sets the id with the version: a version without
		// the id is another program's.
		return 0, core.Errorf(core.EINVALID, "%s is a SQLite file but not a StoryDiff archive", path)
	}
	if appID == 0 && version == 0 {
		var tables int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return 0, notArchive(path, err)
		}
		if tables > 0 {
			return 0, core.Errorf(core.EINVALID, "%s is a SQLite file but not a StoryDiff archive", path)
		}
	}
	latest, err := latestVersion()
	if err != nil {
		return 0, err
	}
	if version > latest {
		return 0, core.Errorf(core.EINVALID, "archive %s was made by a newer StoryDiff (schema %d, this one knows %d)", path, version, latest)
	}
	return version, nil
}

// latestKnown is the newest schema version this StoryDiff knows, 0 if its
// embedded migrations cannot be read (then every open takes the migrating
// path, which reports why).
var latestKnown = sync.OnceValue(func() int {
	v, err := latestVersion()
	if err != nil {
		return 0
	}
	return v
})

// latestVersion reads the migrations' names only: every open asks, and
// reading their SQL was most of readSchema's own time.
func latestVersion() (int, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return 0, err
	}
	latest := 0
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return 0, fmt.Errorf("migration %s: name must start with NNNN_", e.Name())
		}
		latest = max(latest, v)
	}
	return latest, nil
}

func notArchive(path string, err error) error {
	// A full disk or a read-only file is no sign of a foreign file.
	if c := core.ErrorCode(err); c == core.EFULL || c == core.EREADONLY {
		return err
	}
	return &core.Error{Code: core.EINVALID, Message: "cannot read " + path + " as an archive", Err: err}
}

// SchemaVersion returns the archive's schema version.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.read.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// IntegrityCheck runs SQLite's integrity check and foreign key check and
// returns the problems found, none when the archive is sound.
func (db *DB) IntegrityCheck(ctx context.Context) ([]string, error) {
	var problems []string
	conn, done, err := db.checkConn(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	rows, err := conn.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	rows.Close()
	rows, err = conn.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid, fkid sql.NullInt64
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, err
		}
		problems = append(problems, fmt.Sprintf("foreign key: %s row %d points to a missing %s", table, rowid.Int64, parent))
	}
	return problems, rows.Err()
}

// idsWhere returns the ids selected by a query of one integer column.
func (db *DB) idsWhere(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
