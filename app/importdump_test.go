package app_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
)

var updateDump = flag.Bool("update-import-dump", false, "rewrite testdata/importdump.golden")

// TestImportStoresTheSameRows imports a fixed set of files (the seeds, a
// saved page, a JSONL file of several records, generated stories and a copy
// of one seed under another name) and compares a canonical dump of every row
// the import writes, the full-text index's terms and positions included, with
// the dump in testdata. Making the import faster must not change a byte of
// what it stores.
func TestImportStoresTheSameRows(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(from, to string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(to), 0o755)
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, s := range seeds {
		copyFile(s, filepath.Join(dir, "seeds", filepath.Base(s)))
	}
	copyFile(seeds[1], filepath.Join(dir, "zz", "copy.txt"))
	copyFile("../testdata/ingest/page.html", filepath.Join(dir, "pages", "page.html"))
	var jl strings.Builder
	for i := 0; i < 4; i++ {
		fmt.Fprintf(&jl, `{"title":"Record %d about the harbour","date":"2024-03-0%dT10:00:00Z","text":"The harbour authority said on Monday that ships %d would wait.\n\nA second paragraph, café and naïve, for record %d."}`+"\n", i, i+1, i, i)
	}
	os.WriteFile(filepath.Join(dir, "records.jsonl"), []byte(jl.String()), 0o644)
	writeCorpusSeed(t, filepath.Join(dir, "gen"), 40, 7)
	// Locations record the files' times: fix them.
	fixed := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			os.Chtimes(p, fixed, fixed)
		}
		return nil
	})

	dbPath := filepath.Join(t.TempDir(), "a.db")
	svc := openService(t, dbPath)
	// Small batches, so that several transactions and chunks are involved.
	sum, err := svc.Import(context.Background(), []string{dir}, app.ImportOptions{NoAnalyze: true, BatchSize: 7}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) != 0 || sum.Added < 50 {
		t.Fatalf("import = %+v, want every file added", sum)
	}
	svc.Close()

	got := dumpArchive(t, dbPath, dir)
	golden := filepath.Join("testdata", "importdump.golden")
	if *updateDump {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("the stored rows differ from %s at line %d:\n got %s\nwant %s", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("the stored rows differ from %s: %d lines, want %d", golden, len(gl), len(wl))
	}
}

// dumpArchive prints the rows an import writes in a fixed order, texts and
// bytes as hashes, paths relative to root, and the full-text index as its
// terms with the documents, columns and offsets they occur at.
func dumpArchive(t *testing.T, dbPath, root string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	h := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return fmt.Sprintf("%x", sum[:8])
	}
	rel := func(p string) string {
		r, err := filepath.Rel(root, p)
		if err != nil {
			return p
		}
		return r
	}
	query := func(title, q string, row func(vals []any) string) {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", title, err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "## %s\n", title)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			b.WriteString(row(vals))
			b.WriteByte('\n')
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	plain := func(vals []any) string {
		parts := make([]string, len(vals))
		for i, v := range vals {
			switch x := v.(type) {
			case []byte:
				parts[i] = string(x)
			default:
				parts[i] = fmt.Sprint(x)
			}
		}
		return strings.Join(parts, "|")
	}
	query("articles", `SELECT id, sha256, text_hash, title, byline, outlet, url, published, published_raw, published_from,
		published_confidence, no_body, language, encoding, format, words, text,
		iif(length(original) = 0, CAST(text AS BLOB), original), import_id FROM articles ORDER BY id`,
		func(v []any) string {
			v[16] = h(fmt.Sprint(v[16]))
			if o, ok := v[17].([]byte); ok {
				v[17] = h(string(o))
			}
			return plain(v)
		})
	query("article_files", `SELECT id, article_id, path, record, size, mtime, import_id FROM article_files ORDER BY id`,
		func(v []any) string { v[2] = rel(fmt.Sprint(v[2])); return plain(v) })
	query("blocks", `SELECT article_id, seq, start, end, kind, hash FROM blocks ORDER BY article_id, seq`, plain)
	query("analysis_queue", `SELECT article_id FROM analysis_queue ORDER BY article_id`, plain)
	query("row_counts", `SELECT name, tag, n FROM row_counts ORDER BY name, tag`, plain)
	query("imports", `SELECT id, status, files_seen, added, already_present, failed FROM imports ORDER BY id`, plain)
	query("import_errors", `SELECT import_id, path, error FROM import_errors ORDER BY rowid`,
		func(v []any) string { v[1] = rel(fmt.Sprint(v[1])); return plain(v) })
	if _, err := db.Exec(`CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, instance)`); err != nil {
		t.Fatal(err)
	}
	query("articles_fts", `SELECT term, doc, col, offset FROM temp.vocab ORDER BY term, doc, col, offset`, plain)
	if _, err := db.Exec(`INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index integrity: %v", err)
	}
	return b.String()
}
