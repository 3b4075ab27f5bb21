package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/store"
)

// An article whose bytes are its text (a UTF-8 text file) is stored once:
// its original column is left empty and read back as the text, by Original
// and by analysis; other bytes are stored as they are.
func TestOriginalThatIsTheTextIsStoredOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "archive.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	same := dated("/c/same.txt", "Headline\n\nThe body.", "bbc", "en", 5)
	empty := dated("/c/empty.txt", "", "bbc", "en", 6)
	other := dated("/c/other.html", "Headline\n\nThe body, once more.", "bbc", "en", 7)
	other.Doc.Original = []byte("<h1>Headline</h1><p>The body, once more.</p>")
	ids := addBatch(t, db, same, empty, other)
	want := [][]byte{same.Doc.Original, empty.Doc.Original, other.Doc.Original}
	wantStored := []int{0, 0, len(other.Doc.Original)}
	for i, id := range ids {
		orig, err := db.Original(ctx, id)
		if err != nil || string(orig) != string(want[i]) {
			t.Errorf("Original(article %d) = %q, %v; want %q", i, orig, err, want[i])
		}
	}
	err = db.AnalysisInputs(ctx, ids, func(in store.AnalysisInput) error {
		for i, id := range ids {
			if id == in.ID && string(in.Original) != string(want[i]) {
				t.Errorf("analysis input %d: original %q, want %q", i, in.Original, want[i])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for i, id := range ids {
		var n int
		if err := raw.QueryRowContext(ctx, `SELECT length(original) FROM articles WHERE id = ?`, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != wantStored[i] {
			t.Errorf("article %d: %d bytes of original stored, want %d", i, n, wantStored[i])
		}
	}
}
