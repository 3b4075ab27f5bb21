package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/storydiff/storydiff/store"
)

// The same bytes found at two paths are one article with two locations, and
// MultiLocated names that article and no other.
func TestSameBytesAtTwoPathsAreOneArticleWithTwoLocations(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	first, err := db.BeginImport(ctx, []string{"/a"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.AddArticles(ctx, first, []store.NewArticle{
		newArticle("/a/story.txt", "Shared\n\nsame bytes"),
		newArticle("/a/alone.txt", "Alone\n\nonly here"),
	})
	if err != nil {
		t.Fatal(err)
	}
	second, err := db.BeginImport(ctx, []string{"/b"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	copyOf := newArticle("/b/copy.txt", "Shared\n\nsame bytes")
	copyOf.Size = 99
	again, err := db.AddArticles(ctx, second, []store.NewArticle{copyOf})
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Added || again[0].ID != res[0].ID {
		t.Fatalf("copy stored as %+v, want a new location of article %d", again[0], res[0].ID)
	}

	locs, err := db.Locations(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(locs) != 2 {
		t.Fatalf("locations = %+v, want 2", locs)
	}
	// Sorted by path; each location keeps its own import and size.
	if locs[0].Path != "/a/story.txt" || locs[0].ImportID != first || locs[0].Size != int64(len("Shared\n\nsame bytes")) {
		t.Errorf("first location = %+v", locs[0])
	}
	if locs[1].Path != "/b/copy.txt" || locs[1].ImportID != second || locs[1].Size != 99 {
		t.Errorf("second location = %+v", locs[1])
	}
	if !locs[0].ModTime.Equal(copyOf.ModTime) {
		t.Errorf("mtime = %v, want %v", locs[0].ModTime, copyOf.ModTime)
	}

	multi, err := db.MultiLocated(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(multi, []int64{res[0].ID}) {
		t.Errorf("MultiLocated = %v, want only %d (article %d has one location)", multi, res[0].ID, res[1].ID)
	}
}

// Two records of one JSON file holding the same bytes are two locations.
func TestRecordsOfOneFileAreSeparateLocations(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	imp, _ := db.BeginImport(ctx, nil, nil)
	r1 := newArticle("/feed.jsonl", "Same record")
	r1.Doc.Record = 1
	r2 := newArticle("/feed.jsonl", "Same record")
	r2.Doc.Record = 2
	res, err := db.AddArticles(ctx, imp, []store.NewArticle{r1, r2})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].ID != res[1].ID {
		t.Fatalf("records stored as %d and %d, want one article", res[0].ID, res[1].ID)
	}
	a, err := db.Article(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Paths, []string{"/feed.jsonl#1", "/feed.jsonl#2"}) {
		t.Errorf("paths = %q", a.Paths)
	}
	if multi, _ := db.MultiLocated(ctx); !slices.Equal(multi, []int64{res[0].ID}) {
		t.Errorf("MultiLocated = %v, want [%d]", multi, res[0].ID)
	}
}

// HasLocation is true only for a known path with the same size and
// modification time: any change means the file must be read again.
func TestHasLocation(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	imp, _ := db.BeginImport(ctx, nil, nil)
	a := newArticle("/c/a.txt", "Alpha\n\nbody")
	if _, err := db.AddArticles(ctx, imp, []store.NewArticle{a}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		path  string
		size  int64
		mtime time.Time
		want  bool
	}{
		{"unchanged", a.Doc.Path, a.Size, a.ModTime, true},
		{"same instant in another zone", a.Doc.Path, a.Size, a.ModTime.In(time.FixedZone("x", 3600)), true},
		{"other size", a.Doc.Path, a.Size + 1, a.ModTime, false},
		{"other mtime", a.Doc.Path, a.Size, a.ModTime.Add(time.Second), false},
		{"unknown path", "/c/b.txt", a.Size, a.ModTime, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.HasLocation(ctx, tc.path, tc.size, tc.mtime)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("HasLocation = %v, want %v", got, tc.want)
			}
		})
	}
}

// HasLocationUnder is true exactly when some stored path begins with the
// prefix: an import skips the per-file lookup only where nothing is stored.
func TestHasLocationUnderMatchesStoredPrefixes(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	imp, err := db.BeginImport(ctx, []string{"/a"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddArticles(ctx, imp, []store.NewArticle{
		newArticle("/a/b/story.txt", "Story\n\nbody"),
		newArticle("/a/bc", "Other\n\nbody"),
	}); err != nil {
		t.Fatal(err)
	}
	for prefix, want := range map[string]bool{
		"/a": true, "/a/b": true, "/a/b/": true, "/a/b/story.txt": true, "/a/bc": true,
		"/a/a": false, "/a/bd": false, "/a/b/z": false, "/a/b/story.txt2": false, "/z": false, "/": true,
	} {
		got, err := db.HasLocationUnder(ctx, prefix)
		if err != nil || got != want {
			t.Errorf("HasLocationUnder(%q) = %v, %v; want %v", prefix, got, err, want)
		}
	}
}
