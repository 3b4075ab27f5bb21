package store_test

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"
)

// TestImportWritesOnlyIndexesSomeQueryReads lists the indexes an import
// writes for every article, each with a query that reads it. An import
// pays for every index on articles, article_files and blocks on each
// article; one that no query reads is cost and nothing else. A new index
// belongs here with the query it serves.
func TestImportWritesOnlyIndexesSomeQueryReads(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	addBatch(t, db, dated("/1", "Delta\n\nEcho line.", "bbc", "en", 4), dated("/2", "alpha", "ap", "de", 1))
	raw, err := sql.Open("sqlite", "file:"+db.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// Each index with a query whose plan uses it.
	readBy := map[string]string{
		"sqlite_autoindex_articles_1":      `SELECT id FROM articles WHERE sha256 = 'x'`,
		"articles_published":               `SELECT id FROM articles ORDER BY published, id LIMIT 5`,
		"articles_outlet":                  `SELECT id FROM articles WHERE outlet = 'bbc' ORDER BY id LIMIT 5`,
		"articles_language":                `SELECT id FROM articles WHERE language = 'en' ORDER BY id LIMIT 5`,
		"articles_title":                   `SELECT id FROM articles ORDER BY title COLLATE NOCASE, id LIMIT 5`,
		"articles_words":                   `SELECT id FROM articles ORDER BY words, id LIMIT 5`,
		"articles_by_id":                   `SELECT id FROM articles ORDER BY id LIMIT 5 OFFSET 1`,
		"sqlite_autoindex_article_files_1": `SELECT 1 FROM article_files WHERE article_id = 1 AND path = '/1' AND record = 0`,
		"article_files_path":               `SELECT article_id FROM article_files WHERE path = '/1'`,
	}
	rows, err := raw.QueryContext(ctx, `SELECT name, tbl_name FROM sqlite_master
		WHERE type = 'index' AND tbl_name IN ('articles', 'article_files', 'blocks') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var name, table string
		if err := rows.Scan(&name, &table); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	rows.Close()
	for _, name := range names {
		q, ok := readBy[name]
		if !ok {
			t.Errorf("index %s is written by every import and read by no query listed here", name)
			continue
		}
		plan := queryPlan(t, raw, q)
		if !strings.Contains(plan, name) && !(strings.HasPrefix(name, "sqlite_autoindex") && strings.Contains(plan, "INDEX")) {
			t.Errorf("%s: plan %q does not use index %s", q, plan, name)
		}
	}
	for name := range readBy {
		if !slices.Contains(names, name) {
			t.Errorf("index %s is gone: its query reads the table", name)
		}
	}
	// Blocks are read by article and grouped by kind, never by hash.
	if plan := queryPlan(t, raw, `SELECT start, end, kind, hash FROM blocks WHERE article_id = 1 ORDER BY seq`); !strings.Contains(plan, "PRIMARY KEY") {
		t.Errorf("an article's blocks: plan %q; want the primary key", plan)
	}
}

func queryPlan(t *testing.T, raw *sql.DB, q string) string {
	t.Helper()
	rows, err := raw.Query("EXPLAIN QUERY PLAN " + q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	return strings.Join(steps, "; ")
}
