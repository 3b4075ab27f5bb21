package evidence

import (
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
)

// The hashes written out in charGrams, wordRuns and hashKey are hash/fnv's,
// so stored profiles and the new ones agree: checked against hash/fnv on
// every word, gram and run of the seeds.
func TestHashesAreFNV(t *testing.T) {
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		toks := tokenize(text)
		for _, tk := range toks {
			h := fnv.New64a()
			h.Write([]byte(tk.stem))
			if hashKey(tk.stem) != h.Sum64() {
				t.Fatalf("hashKey(%q)", tk.stem)
			}
		}
		if got, want := charGrams(toks), charGramsByFNV(toks); !slices.Equal(got, want) {
			t.Errorf("%s: grams differ from hash/fnv's (%d, %d)", f, len(got), len(want))
		}
		runs, _ := wordRuns(text, toks)
		if want := wordRunsByFNV(toks); !slices.Equal(runs, want) {
			t.Errorf("%s: word runs differ from hash/fnv's (%d, %d)", f, len(runs), len(want))
		}
	}
}

// charGramsByFNV is charGrams as it was written with hash/fnv.
func charGramsByFNV(toks []token) []uint32 {
	seen := map[uint32]bool{}
	for _, t := range toks {
		if t.stop || t.num || t.cjk {
			continue
		}
		rs := []rune(t.folded)
		for i := 0; i+gramLen <= len(rs); i++ {
			h := fnv.New32a()
			h.Write([]byte(string(rs[i : i+gramLen])))
			seen[h.Sum32()] = true
		}
	}
	out := make([]uint32, 0, len(seen))
	for g := range seen {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	if len(out) > maxGrams {
		out = out[:maxGrams]
	}
	return out
}

// wordRunsByFNV is the runs of wordRuns as they were hashed with hash/fnv.
func wordRunsByFNV(toks []token) []uint32 {
	if len(toks) < runLen {
		return nil
	}
	var runs []uint32
	seen := map[uint32]bool{}
	for i := 0; i+runLen <= len(toks); i++ {
		has := false
		for _, t := range toks[i : i+runLen] {
			has = has || (t.num && numberWeight(t.key) > 0) || (t.capital && !t.sentStart && !t.stop) || t.cjk
		}
		if !has {
			continue
		}
		h := fnv.New64a()
		for _, t := range toks[i : i+runLen] {
			h.Write([]byte(t.key))
			h.Write([]byte{0})
		}
		v := uint32(h.Sum64() >> 32)
		if !seen[v] {
			seen[v] = true
			runs = append(runs, v)
		}
	}
	slices.Sort(runs)
	if len(runs) > maxRuns {
		runs = runs[:maxRuns]
	}
	return runs
}
