package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/ingest"
)

// TestBBCCorpus reads the whole BBC corpus (2,225 articles and a README),
// which the repository does not carry: the README is skipped, and every
// article must parse, as plain UTF-8 text except sport/199.txt, which is
// Latin-1. Skipped where the corpus is absent and in -short mode.
func TestBBCCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 2,226 files")
	}
	root := corpusDir()
	n, err := ingest.Count(context.Background(), []string{root}, ingest.Options{})
	if err != nil || n == 0 {
		t.Skipf("BBC corpus not found at %s (%v); set STORYDIFF_BBC", root, err)
	}
	var files, failed, skipped int
	encodings := map[string]int{}
	err = ingest.Walk(context.Background(), []string{root}, ingest.Options{}, func(e ingest.Entry) error {
		if e.Skipped && strings.EqualFold(filepath.Base(e.Path), "README.TXT") {
			skipped++
			return nil
		}
		if e.Skipped || e.Err != nil {
			t.Errorf("%s: skipped=%v, %v", e.Path, e.Skipped, e.Err)
			return nil
		}
		files++
		docs, err := ingest.Read(e.Path, ingest.Options{})
		if err != nil || len(docs) != 1 {
			failed++
			t.Errorf("%s: %d docs, %v", e.Path, len(docs), err)
			return nil
		}
		d := docs[0]
		encodings[d.Encoding]++
		if d.Title == "" || strings.ContainsRune(d.Text, '\uFFFD') {
			t.Errorf("%s: title %q, replacement characters in text: %v", e.Path, d.Title, strings.ContainsRune(d.Text, '\uFFFD'))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if skipped != 1 || files != 2225 {
		t.Errorf("%d articles and %d skipped files, want 2,225 and the README", files, skipped)
	}
	if files != n {
		t.Errorf("Walk gave %d files, Count said %d", files, n)
	}
	if encodings[ingest.EncLatin1] != 1 || encodings[ingest.EncUTF8] != files-1 {
		t.Errorf("encodings = %v, want one iso-8859-1 and the rest utf-8", encodings)
	}
	t.Logf("%d files, %d failed, encodings %v", files, failed, encodings)
}
