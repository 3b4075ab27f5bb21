package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// TestHostileArchivePaths gives Open files that are not archives. Each must
// be refused with a message saying what the file is, and no byte of it may
// change: a researcher's other database, switched to WAL before being
// refused, would be damaged for its own program.
func TestHostileArchivePaths(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name    string
		prepare func(t *testing.T, path string)
		want    string
	}{
		{"SQLite tables without a mark", func(t *testing.T, path string) {
			rawExec(t, path, "PRAGMA journal_mode = delete", "CREATE TABLE notes(body TEXT)", "INSERT INTO notes VALUES ('mine')")
		}, "not a StoryDiff archive"},
		{"an empty SQLite database with a user version", func(t *testing.T, path string) {
			rawExec(t, path, "PRAGMA user_version = 7")
		}, "not a StoryDiff archive"},
		{"an empty file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "is an empty file"},
		{"a text file", func(t *testing.T, path string) {
			os.WriteFile(path, []byte(strings.Repeat("not a database ", 20)), 0o644)
		}, "not a SQLite file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.db")
			tc.prepare(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			db, err := store.Open(ctx, path)
			if err == nil {
				db.Close()
				t.Fatal("opened; want refused")
			}
			if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an invalid error saying %q", err, tc.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Errorf("the refused file changed: %d bytes before, %d after (header %q -> %q)", len(before), len(after), head(before), head(after))
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if fi, err := os.Stat(path + side); err == nil && fi.Size() > 0 {
					t.Errorf("%s%s was written (%d bytes)", path, side, fi.Size())
				}
			}
		})
	}
	t.Run("a folder", func(t *testing.T) {
		dir := t.TempDir()
		_, err := store.Open(ctx, dir)
		if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), dir+" is a folder, not an archive file") {
			t.Errorf("got %v, want an invalid error saying it is a folder", err)
		}
	})
}

func head(b []byte) []byte {
	if len(b) > 24 {
		return b[:24]
	}
	return b
}
