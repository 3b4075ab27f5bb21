package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// TestImportBatchIsNotSpilled stores one import batch of the size an import
// commits (256 articles of 3 KB, a block a line) and checks that the
// writer's page cache held every page it changed until the commit: a cache
// too small for a batch writes pages to the WAL before the commit and reads
// them back, and the writer's cache is sized to hold one batch and little
// more.
func TestImportBatchIsNotSpilled(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	imp, err := db.BeginImport(ctx, []string{"/corpus"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Words drawn from a vocabulary the size of a newspaper's year, so that
	// the full-text index's segment is as large as a real batch's.
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 30000)
	for i := range vocab {
		var b strings.Builder
		for n := 3 + rng.IntN(8); n > 0; n-- {
			b.WriteByte(byte('a' + rng.IntN(26)))
		}
		vocab[i] = b.String()
	}
	batch := make([]store.NewArticle, 256)
	for i := range batch {
		var text strings.Builder
		var blocks []core.Block
		for text.Len() < 3000 {
			start := utf8.RuneCountInString(text.String())
			var line strings.Builder
			for w := 0; w < 18; w++ {
				if w > 0 {
					line.WriteByte(' ')
				}
				line.WriteString(vocab[int(rng.ExpFloat64()*3000)%len(vocab)])
			}
			text.WriteString(line.String())
			text.WriteString("\n\n")
			h := sha256.Sum256([]byte(line.String()))
			blocks = append(blocks, core.Block{Span: core.Span{Start: start, End: start + line.Len()}, Kind: "body", Hash: hex.EncodeToString(h[:])})
		}
		s := text.String()
		sum := sha256.Sum256([]byte(s))
		batch[i] = store.NewArticle{
			Doc: core.Document{Path: fmt.Sprintf("/corpus/%04d.txt", i), Original: []byte(s), Text: s,
				Title: strings.SplitN(s, "\n", 2)[0], Format: "txt", Encoding: "utf-8", Outlet: "bbc", Language: "en"},
			SHA256:   hex.EncodeToString(sum[:]),
			TextHash: hex.EncodeToString(sum[:]),
			Words:    len(strings.Fields(s)),
			Blocks:   blocks,
			Size:     int64(len(s)),
		}
	}
	res, err := db.AddArticles(ctx, imp, batch)
	if err != nil || len(res) != len(batch) || !res[len(res)-1].Added {
		t.Fatalf("AddArticles: %d results, %v", len(res), err)
	}
	spills, err := db.WriterCacheSpills(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if spills != 0 {
		t.Errorf("the writer's page cache spilled %d times while storing one batch; want none", spills)
	}
}
