package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// MustOpenDB opens a fresh archive in a temporary folder.
func MustOpenDB(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "archive.db"))
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestOpenSetsSchemaAndRefusesForeignFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := db.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Fatalf("schema version = %d, %v; want >= 1", v, err)
	}
	db.Close()
	// Reopening an archive keeps it.
	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	db.Close()

	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("this is not a database, just some notes that are long enough"), 0o644)
	if _, err := store.Open(ctx, notDB); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("open text file: got %v, want an invalid error", err)
	}
}

// rawExec runs statements on an archive file behind the store's back.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, s := range stmts {
		if _, err := raw.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// rawQuery returns the first column of the first row of a query run on an
// archive file behind the store's back.
func rawQuery(t *testing.T, path, q string) string {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var s string
	if err := raw.QueryRow(q).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s
}

// Open refuses, with an invalid error, what it cannot take for one of its
// archives, and leaves what the file holds as it was. Another application's
// file is refused from its header, before WAL mode could rewrite it; an
// unmarked SQLite file once its tables are read without writing
// (TestHostileArchivePaths compares every byte).
func TestOpenRefusesFilesItCannotRead(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name    string
		prepare func(t *testing.T, path string)
		mention string
		check   string // a query whose answer must not change
	}{
		{"newer schema", func(t *testing.T, path string) {
			db, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			rawExec(t, path, "PRAGMA user_version = 9999")
		}, "newer", "PRAGMA user_version"},
		{"another application's SQLite file", func(t *testing.T, path string) {
			rawExec(t, path, "PRAGMA application_id = 42", "CREATE TABLE x(y)", "INSERT INTO x VALUES ('kept')")
		}, "not a StoryDiff archive", "SELECT group_concat(y) FROM x"},
		{"SQLite tables without a mark", func(t *testing.T, path string) {
			rawExec(t, path, "CREATE TABLE notes(body TEXT)", "INSERT INTO notes VALUES ('mine')")
		}, "not a StoryDiff archive", "SELECT group_concat(body) || (SELECT count(*) FROM sqlite_schema) FROM notes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.db")
			tc.prepare(t, path)
			before := rawQuery(t, path, tc.check)
			bytesBefore, _ := os.ReadFile(path)
			db, err := store.Open(ctx, path)
			if err == nil {
				db.Close()
				t.Fatal("opened; want refused")
			}
			if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("got %v, want an invalid error saying %q", err, tc.mention)
			}
			if tc.name == "another application's SQLite file" {
				// Refused from its header alone: not one byte changes.
				if bytesAfter, _ := os.ReadFile(path); !bytes.Equal(bytesAfter, bytesBefore) {
					t.Errorf("the refused file's bytes changed")
				}
			}
			if after := rawQuery(t, path, tc.check); after != before {
				t.Errorf("%s: %q before opening, %q after", tc.check, before, after)
			}
		})
	}
	if _, err := store.Open(ctx, ""); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("Open with no path: %v, want an invalid error", err)
	}
}

// A new archive is brought to the newest schema, and opening it again
// applies nothing more.
func TestOpenReachesTheLatestSchemaOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := db.SchemaVersion(ctx)
	db.Close()
	entries, err := os.ReadDir("migrations")
	if err != nil {
		t.Fatal(err)
	}
	// Migrations are named NNNN_name.sql: the last one's number is the newest schema.
	latest := 0
	for _, e := range entries {
		var n int
		if _, err := fmt.Sscanf(e.Name(), "%04d_", &n); err == nil && n > latest {
			latest = n
		}
	}
	if first != latest {
		t.Errorf("schema version %d, want %d (the newest migration)", first, latest)
	}
	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if again, _ := db.SchemaVersion(ctx); again != first {
		t.Errorf("reopened at version %d, want %d", again, first)
	}
}
