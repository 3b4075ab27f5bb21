//go:build !desktop

package main

import (
	"strings"
	"testing"
)

// Without the desktop tag, `storydiff --db PATH` says how to see that
// archive in a browser, naming it, quoted for a shell when it needs it.
func TestNoWindowSaysHowToServeTheArchive(t *testing.T) {
	err := runDesktop("/data/my news.db", "")
	if err == nil {
		t.Fatal("the default build opened no window and said nothing")
	}
	for _, want := range []string{"the archive /data/my news.db", "storydiff --db '/data/my news.db' serve", "make build"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("said %q; want %q in it", err, want)
		}
	}
	if err := runDesktop("", ""); !strings.Contains(err.Error(), "run `storydiff serve`") {
		t.Errorf("without --db: %q, want the plain serve command", err)
	}
}
