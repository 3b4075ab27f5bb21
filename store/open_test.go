package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Opening an archive at the latest schema and reading from it opens one
// SQLite connection (each parses the whole schema, most of a short read
// command's time); the writer connects when something is written, and only
// then is the WAL folded back at Close.
func TestReadingAnUpToDateArchiveOpensOneConnection(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Imports(ctx); err != nil {
		t.Fatal(err)
	}
	if n := db.write.Stats().OpenConnections; n != 0 {
		t.Errorf("opening and reading an up-to-date archive connected the writer (%d connections)", n)
	}
	if n := db.read.Stats().OpenConnections; n != 1 {
		t.Errorf("reading opened %d read connections, want 1", n)
	}

	if _, err := db.BeginImport(ctx, []string{"x"}, nil); err != nil {
		t.Fatalf("a write after a read-only start: %v", err)
	}
	if n := db.write.Stats().OpenConnections; n != 1 {
		t.Errorf("after a write the writer has %d connections, want 1", n)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 0 {
		t.Errorf("the WAL holds %d bytes after Close: it was not folded back", st.Size())
	}

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	imps, err := db.Imports(ctx)
	if err != nil || len(imps) != 1 {
		t.Errorf("reopened: %d imports (%v), want the one written", len(imps), err)
	}
}

// An archive whose header says it is behind the latest schema is migrated
// as before, through the writer.
func TestOpenMigratesAnArchiveBehindTheLatestSchema(t *testing.T) {
	ctx := context.Background()
	ms, err := migrations()
	if err != nil || len(ms) < 2 {
		t.Fatalf("migrations: %d (%v)", len(ms), err)
	}
	// An archive as the previous StoryDiff left it: every migration but the
	// last, stamped with its version, in WAL mode.
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", dsn(path, "immediate"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:len(ms)-1] {
		if _, err := raw.ExecContext(ctx, m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	prev := ms[len(ms)-2].version
	if _, err := raw.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, prev)); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != latestKnown() {
		t.Errorf("an archive at schema %d opened at %d (%v), want %d", prev, v, err, latestKnown())
	}
}
