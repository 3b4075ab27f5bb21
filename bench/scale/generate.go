package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/bench/corpusgen"
)

// newsGenerator makes a corpus where analysis has work to do: 4% of the
// articles are reprints of an earlier one with a few words changed and other
// chrome, 6% are other write-ups of an earlier article's event.
func newsGenerator(seed int64) *corpusgen.Generator {
	g := corpusgen.New(seed)
	g.Reprints, g.Versions = 0.04, 0.06
	return g
}

// generate writes n articles into dir once: a marker file records the count,
// so a later run at the same N reuses the corpus (writing 3 GB takes minutes).
func generate(dir string, n, size int) (reused bool, err error) {
	marker := filepath.Join(dir, ".generated")
	if b, err := os.ReadFile(marker); err == nil && strings.TrimSpace(string(b)) == fmt.Sprintf("%d %d news", n, size) {
		return true, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return false, err
	}
	if err := newsGenerator(1).WriteFolder(dir, n, size); err != nil {
		return false, err
	}
	// The marker is a dot file, which import skips like any hidden file.
	return false, os.WriteFile(marker, []byte(strconv.Itoa(n)+" "+strconv.Itoa(size)+" news\n"), 0o644)
}
