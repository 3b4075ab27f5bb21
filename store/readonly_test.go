package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/internal/testfs"
	"github.com/storydiff/storydiff/store"
)

// The read-only tests run on real read-only file systems (see testfs).

func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

func TestReadOnlyArchive(t *testing.T) { testfs.RunInNamespace(t, "TestReadOnlyArchiveHelper") }
func TestReadOnlyArchiveSchema(t *testing.T) {
	testfs.RunInNamespace(t, "TestReadOnlyArchiveSchemaHelper")
}

// TestReadOnlyArchiveHelper fills an archive, makes its file system
// read-only, and checks that it reads as before, that every kind of write
// is refused with an error naming it, and that its bytes do not change.
func TestReadOnlyArchiveHelper(t *testing.T) {
	dir := testfs.MountTmpfs(t, "8m")
	ctx := context.Background()
	path := filepath.Join(dir, "archive.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := db.BeginImport(ctx, []string{"/corpus"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddArticles(ctx, imp, []store.NewArticle{
		newArticle("/corpus/a.txt", "Ceasefire talks resume\n\nThe ministers spoke by phone."),
		newArticle("/corpus/b.txt", "Markets fall\n\nShares fell in early trading."),
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishImport(imp, "done", 2, 2, 0, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	testfs.Remount(t, dir, "ro")
	before := fileSum(t, path)

	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open on a read-only mount: %v", err)
	}
	if !db.ReadOnly() {
		t.Errorf("ReadOnly() = false on a read-only mount, want true")
	}
	if f, err := db.Facets(ctx); err != nil || !f.ReadOnly || f.Articles != 2 {
		t.Errorf("facets: %+v, %v; want 2 articles, read-only (the app turns import off)", f, err)
	}
	page, err := db.ListArticles(ctx, core.ListQuery{Limit: 10})
	if err != nil || page.Total != 2 {
		t.Errorf("list: total %v, %v; want 2 articles", page, err)
	}
	hits, err := db.Search(ctx, "ceasefire", core.SearchOptions{Limit: 10})
	if err != nil || len(hits) != 1 {
		t.Errorf("search: %d hits, %v; want 1", len(hits), err)
	}
	ims, err := db.Imports(ctx)
	if err != nil || len(ims) != 1 {
		t.Errorf("imports: %d, %v; want 1", len(ims), err)
	}
	if problems, err := db.IntegrityCheck(ctx); err != nil || len(problems) > 0 {
		t.Errorf("integrity check: %v, %v; want none", problems, err)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Errorf("backup to a writable place: %v", err)
	}

	writes := []struct {
		name  string
		write func() error
	}{
		{"begin import", func() error { _, err := db.BeginImport(ctx, []string{"/more"}, nil); return err }},
		{"add articles", func() error {
			_, err := db.AddArticles(ctx, imp, []store.NewArticle{newArticle("/corpus/c.txt", "New\n\ntext")})
			return err
		}},
		{"finish import", func() error { return db.FinishImport(imp, "done", 3, 3, 0, nil, nil) }},
		{"judgement", func() error {
			return db.SaveJudgement(ctx, core.Judgement{A: 1, B: 2, Relation: "duplicate", Same: true})
		}},
		{"setting", func() error { return db.SetSetting(ctx, "k", "v") }},
		{"keeper", func() error { return db.SetKeeper(ctx, 1, []int64{1, 2}) }},
		{"check writable", db.CheckWritable},
	}
	for _, w := range writes {
		err := w.write()
		if got := core.ErrorCode(err); got != core.EREADONLY {
			t.Errorf("%s: code %q (%v), want %q", w.name, got, err, core.EREADONLY)
			continue
		}
		if msg := core.ErrorMessage(err); !strings.Contains(msg, path) || !strings.Contains(msg, "read-only") || strings.Contains(msg, "\n") {
			t.Errorf("%s: message %q, want one line naming %s and saying read-only", w.name, msg, path)
		}
	}
	if err := db.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
	if after := fileSum(t, path); after != before {
		t.Errorf("archive bytes changed on a read-only mount: sha256 %s, was %s", after, before)
	}

	// The backup is a sound, writable archive with the same articles.
	copyDB, err := store.Open(ctx, backup)
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer copyDB.Close()
	if copyDB.ReadOnly() {
		t.Errorf("backup on a writable disk opened read-only")
	}
	if page, err := copyDB.ListArticles(ctx, core.ListQuery{Limit: 10}); err != nil || page.Total != 2 {
		t.Errorf("backup holds %v, %v; want 2 articles", page, err)
	}

	// A new archive cannot be made on the read-only mount.
	_, err = store.Open(ctx, filepath.Join(dir, "new.db"))
	if got := core.ErrorCode(err); got != core.EREADONLY || !strings.Contains(core.ErrorMessage(err), "new.db") {
		t.Errorf("create on a read-only mount: %q %v, want %q naming new.db", got, err, core.EREADONLY)
	}
}

// TestReadOnlyArchiveSchemaHelper: a read-only archive of an older schema
// cannot be upgraded, and says it must be opened writable once.
func TestReadOnlyArchiveSchemaHelper(t *testing.T) {
	dir := testfs.MountTmpfs(t, "4m")
	ctx := context.Background()
	path := filepath.Join(dir, "old.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	current, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Pretend the archive was made before the last migration.
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(fmt.Sprintf("PRAGMA user_version = %d", current-1)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	testfs.Remount(t, dir, "ro")
	before := fileSum(t, path)

	_, err = store.Open(ctx, path)
	if got := core.ErrorCode(err); got != core.EREADONLY {
		t.Fatalf("open an old read-only archive: code %q (%v), want %q", got, err, core.EREADONLY)
	}
	if msg := core.ErrorMessage(err); !strings.Contains(msg, path) || !strings.Contains(msg, "writ") {
		t.Errorf("message %q, want it to name %s and say it must be opened writable", msg, path)
	}
	if after := fileSum(t, path); after != before {
		t.Errorf("archive bytes changed: sha256 %s, was %s", after, before)
	}
}

func TestReadOnlyFullTextCheck(t *testing.T) {
	testfs.RunInNamespace(t, "TestReadOnlyFullTextCheckHelper")
}

// TestReadOnlyFullTextCheckHelper: the full-text check finds an index that
// disagrees with the articles on a read-only archive as on a writable one,
// and finds nothing in a sound one.
func TestReadOnlyFullTextCheckHelper(t *testing.T) {
	dir := testfs.MountTmpfs(t, "8m")
	ctx := context.Background()
	build := func(name string, desync bool) string {
		path := filepath.Join(dir, name)
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		imp, _ := db.BeginImport(ctx, []string{"/corpus"}, nil)
		if _, err := db.AddArticles(ctx, imp, []store.NewArticle{
			newArticle("/corpus/a.txt", "Ceasefire talks resume\n\nThe ministers spoke by phone."),
			newArticle("/corpus/b.txt", "Markets fall\n\nShares fell in early trading."),
		}); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if desync {
			// Change a text behind the index's back.
			raw, err := sql.Open("sqlite", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{`DROP TRIGGER articles_fts_update`, `UPDATE articles SET text = 'Entirely other words' WHERE id = 2`} {
				if _, err := raw.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			raw.Close()
		}
		return path
	}
	cases := []struct {
		name         string
		path         string
		wantProblems bool
	}{
		{"sound", build("sound.db", false), false},
		{"index out of step", build("desync.db", true), true},
	}
	check := func(readOnly bool) {
		for _, c := range cases {
			db, err := store.Open(ctx, c.path)
			if err != nil {
				t.Fatal(err)
			}
			if db.ReadOnly() != readOnly {
				t.Fatalf("%s: ReadOnly() = %v, want %v", c.name, db.ReadOnly(), readOnly)
			}
			problems, err := db.CheckFullText(ctx)
			if err != nil {
				t.Errorf("%s (read-only %v): %v", c.name, readOnly, err)
			}
			if got := len(problems) > 0; got != c.wantProblems {
				t.Errorf("%s (read-only %v): problems %q, want problems: %v", c.name, readOnly, problems, c.wantProblems)
			}
			db.Close()
		}
	}
	check(false)
	testfs.Remount(t, dir, "ro")
	check(true)
}

// TestReadOnlyByPermission: an archive whose file or folder its user may not
// write opens read-only, reads, refuses writes and keeps its bytes.
func TestReadOnlyByPermission(t *testing.T) {
	cases := []struct {
		name     string
		fileMode os.FileMode
		dirMode  os.FileMode
	}{
		{name: "file and folder read-only", fileMode: 0o444, dirMode: 0o555},
		{name: "folder read-only", fileMode: 0o666, dirMode: 0o555},
		{name: "file read-only in a writable folder", fileMode: 0o444, dirMode: 0o777},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			top := t.TempDir()
			dir := filepath.Join(top, "archive")
			path := filepath.Join(dir, "archive.db")
			db, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			imp, _ := db.BeginImport(ctx, []string{"/corpus"}, nil)
			if _, err := db.AddArticles(ctx, imp, []store.NewArticle{newArticle("/corpus/a.txt", "Ceasefire talks\n\nBody.")}); err != nil {
				t.Fatal(err)
			}
			db.Close()
			before := fileSum(t, path)
			// TempDir is private to its owner; the unprivileged user must
			// reach the archive's folder.
			for _, ch := range []struct {
				p string
				m os.FileMode
			}{{top, 0o755}, {path, c.fileMode}, {dir, c.dirMode}} {
				if err := os.Chmod(ch.p, ch.m); err != nil {
					t.Fatal(err)
				}
			}
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			testfs.RunAsNobody(t, "TestReadOnlyByPermissionHelper", "STORYDIFF_RO_DB="+path)
			if after := fileSum(t, path); after != before {
				t.Errorf("archive bytes changed: sha256 %s, was %s", after, before)
			}
		})
	}
}

func TestReadOnlyByPermissionHelper(t *testing.T) {
	path := os.Getenv("STORYDIFF_RO_DB")
	if !testfs.InHelper() || path == "" {
		t.Skip("run as an unprivileged user by TestReadOnlyByPermission")
	}
	if os.Getuid() == 0 {
		t.Skip("still root in the new user namespace: permissions would not apply")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a read-only archive: %v", err)
	}
	defer db.Close()
	if !db.ReadOnly() {
		t.Errorf("ReadOnly() = false, want true")
	}
	if page, err := db.ListArticles(ctx, core.ListQuery{Limit: 10}); err != nil || page.Total != 1 {
		t.Errorf("list: %v, %v; want 1 article", page, err)
	}
	if problems, err := db.CheckFullText(ctx); err != nil || len(problems) > 0 {
		t.Errorf("full-text check: %v, %v; want none", problems, err)
	}
	_, err = db.BeginImport(ctx, []string{"/more"}, nil)
	if got := core.ErrorCode(err); got != core.EREADONLY || !strings.Contains(core.ErrorMessage(err), path) {
		t.Errorf("write: code %q (%v), want %q naming %s", got, err, core.EREADONLY, path)
	}
}

func TestReadOnlyArchiveWithWAL(t *testing.T) {
	testfs.RunInNamespace(t, "TestReadOnlyArchiveWithWALHelper")
}

// TestReadOnlyArchiveWithWALHelper: an archive left with its -wal and -shm
// files (the writer was killed, or the disk was unplugged) and then mounted
// read-only still shows the articles committed to its WAL.
func TestReadOnlyArchiveWithWALHelper(t *testing.T) {
	dir := testfs.MountTmpfs(t, "8m")
	ctx := context.Background()
	live := filepath.Join(t.TempDir(), "live.db")
	db, err := store.Open(ctx, live)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	imp, _ := db.BeginImport(ctx, []string{"/corpus"}, nil)
	if _, err := db.AddArticles(ctx, imp, []store.NewArticle{
		newArticle("/corpus/a.txt", "Ceasefire talks resume\n\nThe ministers spoke by phone."),
		newArticle("/corpus/b.txt", "Markets fall\n\nShares fell in early trading."),
	}); err != nil {
		t.Fatal(err)
	}
	// Copy the three files while the writer still holds them: what a crash
	// leaves behind, with the articles in the WAL only.
	path := filepath.Join(dir, "archive.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(live + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("the WAL is empty (%v): the test would not test reading from it", err)
	}
	testfs.Remount(t, dir, "ro")
	before := fileSum(t, path)

	ro, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a read-only archive with its WAL: %v", err)
	}
	page, err := ro.ListArticles(ctx, core.ListQuery{Limit: 10})
	if err != nil || page.Total != 2 {
		t.Errorf("list: %+v, %v; want the 2 articles committed to the WAL", page, err)
	}
	ro.Close()
	if after := fileSum(t, path); after != before {
		t.Errorf("archive bytes changed: sha256 %s, was %s", after, before)
	}
}

// BenchmarkCheckFullText compares the full-text check of a writable archive
// (FTS5's own command) with the rebuild and compare a read-only one needs.
// It needs a tmpfs it can make read-only, so run it as
//
//	unshare --user --map-root-user --mount -- env STORYDIFF_NS_HELPER=1 go test ./store -run '^$' -bench CheckFullText
func BenchmarkCheckFullText(b *testing.B) {
	dir := testfs.MountTmpfs(b, "256m")
	ctx := context.Background()
	path := filepath.Join(dir, "archive.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	imp, _ := db.BeginImport(ctx, []string{"/corpus"}, nil)
	rng := rand.New(rand.NewSource(1))
	words := strings.Fields("minister talks ceasefire pentagon outlet report statement border army city council vote election market shares bank")
	const n = 2000
	var batch []store.NewArticle
	for i := 0; i < n; i++ {
		var text strings.Builder
		fmt.Fprintf(&text, "Story %d\n\n", i)
		for w := 0; w < 400; w++ {
			fmt.Fprintf(&text, "%s%d ", words[rng.Intn(len(words))], rng.Intn(100))
		}
		batch = append(batch, newArticle(fmt.Sprintf("/corpus/%d.txt", i), text.String()))
		if len(batch) == 200 {
			if _, err := db.AddArticles(ctx, imp, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	db.Close()
	run := func(b *testing.B) {
		db, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		b.ReportMetric(n, "articles")
		for b.Loop() {
			if problems, err := db.CheckFullText(ctx); err != nil || len(problems) > 0 {
				b.Fatalf("check: %v, %v", problems, err)
			}
		}
	}
	b.Run("writable", run)
	testfs.Remount(b, dir, "ro")
	b.Run("read-only", run)
}
