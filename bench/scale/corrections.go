package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// oneStep imports one new file the way a researcher adds an article they
// found: a later version of an archived article (its first file with a
// correction appended), so that its analysis joins an existing event and
// duplicate group rather than standing alone.
func (r *run) oneStep() error {
	one := filepath.Join(r.work, "one")
	if err := os.RemoveAll(one); err != nil {
		return err
	}
	src, err := firstFile(filepath.Join(r.work, "corpus"))
	if err != nil {
		return err
	}
	body, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	body = append(body, "\n\nCorrection: an earlier version of this article gave the wrong date for the meeting.\n"...)
	if err := os.MkdirAll(one, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(one, "updated.txt"), body, 0o644); err != nil {
		return err
	}
	st, out := r.child("import-one", "import", "--json", one)
	st.command = "storydiff import --json ONE (a later version of an archived article, incremental analysis)"
	var sum struct {
		Added    int `json:"added"`
		Analysis struct {
			Seconds      float64 `json:"seconds"`
			PairsSeconds float64 `json:"pairs_seconds"`
		} `json:"analysis"`
	}
	if st.err == nil {
		if err := json.Unmarshal(out, &sum); err != nil {
			st.err = fmt.Errorf("import output: %w", err)
		} else if sum.Added != 1 {
			st.err = fmt.Errorf("import added %d articles, want 1", sum.Added)
		} else {
			st.note = fmt.Sprintf("1 added; analysis %.2f s, of it finding pairs %.2f s", sum.Analysis.Seconds, sum.Analysis.PairsSeconds)
		}
	}
	r.steps = append(r.steps, st)
	return st.err
}

// firstFile returns the corpus's first article file in lexical order.
func firstFile(dir string) (string, error) {
	var found string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && filepath.Ext(path) == ".txt" {
			found = path
			return fs.SkipAll
		}
		return nil
	})
	if err == nil && found == "" {
		err = errors.New("no .txt file in " + dir)
	}
	return found, err
}

// verdictsStep times each correction a researcher makes of events, each as
// a whole process (`storydiff judge`), on the two largest events: two of the
// largest's articles are not one event, then they are; a third is removed
// and moved back; the largest is split and merged with the next. It changes
// the archive: run it last.
func (r *run) verdictsStep() error {
	st, out := r.child("stories", "stories", "--json", "--limit", "2")
	if st.err != nil {
		r.steps = append(r.steps, st)
		return st.err
	}
	var evs []struct {
		ID       int64 `json:"id"`
		Articles []struct {
			ID int64 `json:"id"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(out, &evs); err != nil {
		return fmt.Errorf("stories output: %w", err)
	}
	if len(evs) < 2 || len(evs[0].Articles) < 3 {
		return fmt.Errorf("verdicts need two events, the largest of three articles or more; the archive has %d", len(evs))
	}
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	big, next := id(evs[0].ID), id(evs[1].ID)
	a, b, c := id(evs[0].Articles[0].ID), id(evs[0].Articles[1].ID), id(evs[0].Articles[2].ID)
	for _, v := range []struct {
		name string
		args []string
	}{
		{"not the same event (two of the largest)", []string{"different", a, b}},
		{"the same event (the two again)", []string{"same", a, b}},
		{"remove an article", []string{"remove", c}},
		{"move it back", []string{"move", c, "--to", big}},
		{"split the largest (one article out)", []string{"split", big, "--part", a}},
		{"merge the two largest", []string{"merge", big, next}},
	} {
		st, _ := r.child("judge", append([]string{"judge", "--json"}, v.args...)...)
		st.name, st.note = "judge", v.name
		r.steps = append(r.steps, st)
		if st.err != nil {
			return st.err
		}
	}
	return nil
}
