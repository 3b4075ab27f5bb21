package store_test

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/store"
)

// TestFullTextIndexSoundAfterChecksBetweenImports stores batches of articles
// with the archive checked between them, as the app does when a researcher
// runs a check and then imports more. PRAGMA integrity_check also checks the
// full-text index, from the structure its connection cached: run on a pooled
// reader that had checked the index before, it reported a segment missing
// from a sound index once an import had merged segments.
func TestFullTextIndexSoundAfterChecksBetweenImports(t *testing.T) {
	ctx := context.Background()
	words := strings.Fields("minister talks ceasefire pentagon outlet report statement border army city council vote election market shares bank")
	for run := 0; run < 4; run++ {
		db := MustOpenDB(t)
		rng := rand.New(rand.NewSource(int64(run)))
		n := 0
		add := func(sizes ...int) {
			t.Helper()
			imp, err := db.BeginImport(ctx, []string{"/corpus"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, size := range sizes {
				var batch []store.NewArticle
				for i := 0; i < size; i++ {
					var b strings.Builder
					fmt.Fprintf(&b, "Story number %d\n\n", n)
					for w := 0; w < 120; w++ {
						b.WriteString(words[rng.Intn(len(words))] + " ")
					}
					batch = append(batch, newArticle(fmt.Sprintf("/corpus/%04d.txt", n), b.String()))
					n++
				}
				if _, err := db.AddArticles(ctx, imp, batch); err != nil {
					t.Fatal(err)
				}
			}
		}
		check := func(when string) {
			t.Helper()
			problems, err := db.Check(ctx)
			if err != nil || len(problems) > 0 {
				t.Fatalf("run %d, %s (%d articles): check found %v, %v; want a sound archive", run, when, n, problems, err)
			}
		}
		add(20, 20, 20, 20, 6)
		check("after the first import")
		add(256, 256, 2)
		check("after the second import")
		add(100)
		check("after the third import")
		db.Close()
	}
}
