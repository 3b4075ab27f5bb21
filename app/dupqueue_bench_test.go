package app_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// queueArchive100k is an archive of 200,000 small articles in 100,000
// near-duplicate pairs (similarities spread from 0.5 to 1), written straight
// into the tables: importing and analysing that many takes an hour.
func queueArchive100k(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "archive.db")
	svc := openService(b, path)
	svc.Close()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(wal)")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	tx, err := raw.Begin()
	if err != nil {
		b.Fatal(err)
	}
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			b.Fatal(err)
		}
	}
	exec(`INSERT INTO imports(id, roots, started_at, status) VALUES (1, '[]', '2026-01-01T00:00:00Z', 'done')`)
	const groups = 100_000
	for i := 1; i <= 2*groups; i++ {
		exec(`INSERT INTO articles(id, sha256, text_hash, title, text, original, import_id, imported_at)
			VALUES (?, ?, ?, ?, 'x', x'', 1, '2026-01-01T00:00:00Z')`, i, fmt.Sprint("h", i), fmt.Sprint("t", i), fmt.Sprint("Article ", i))
	}
	for g := 0; g < groups; g++ {
		s := 0.5 + 0.5*float64(g)/groups
		exec(`INSERT INTO pairs(a, b, kind, jaccard, containment, score) VALUES (?, ?, 'near', ?, ?, ?)`, 2*g+1, 2*g+2, s, s, s)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return path
}

// The review queue at 100,000 groups: the first page with the totals, the
// same at another threshold (what the slider asks), and a verdict.
func BenchmarkDuplicateQueue100k(b *testing.B) {
	ctx := context.Background()
	svc := openService(b, queueArchive100k(b))
	defer svc.Close()
	q, err := svc.DuplicateQueue(ctx, app.DuplicateQuery{MinSimilarity: 0.5, Page: app.Page{Limit: 25}})
	if err != nil || q.Counts.Groups != 100_000 || len(q.Groups) != 25 {
		b.Fatalf("queue %+v, %v: want 100,000 groups", q.Counts, err)
	}
	b.Run("first page", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.DuplicateQueue(ctx, app.DuplicateQuery{MinSimilarity: 0.5, Page: app.Page{Limit: 25}}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// A threshold not asked for before, as the slider gives at each rest:
	// the groups are clustered again.
	b.Run("new threshold", func(b *testing.B) {
		i := 0
		for b.Loop() {
			min := 0.75 + float64(i)/1000
			q, err := svc.DuplicateQueue(ctx, app.DuplicateQuery{MinSimilarity: min, Page: app.Page{Limit: 25}})
			if err != nil || q.Counts.Groups < 49_000 {
				b.Fatalf("%+v %v", q.Counts, err)
			}
			i++
		}
	})
	b.Run("verdict", func(b *testing.B) {
		i := 0
		for b.Loop() {
			g := []int64{int64(2*i + 1), int64(2*i + 2)}
			if err := svc.ReviewDuplicates(ctx, g, core.GroupDuplicates, 0); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
