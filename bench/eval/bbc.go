package main

import (
	"context"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/textnorm"
)

// toUTF8 reads Latin-1 when the bytes are not UTF-8 (bbc/sport/199.txt).
func toUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

type bbcDoc struct {
	path, title, topic, text string
}

type bbcResult struct {
	docs                        int
	exactGroups, nearGroups     int
	exactArticles, nearArticles int
	stories, storyArticles      int
	samples                     []string
	storySamples                []string
	storySweep                  []string
	nearSweep                   []string
	weak                        []string
	variants                    variantStats
}

func loadBBC(dir string) ([]bbcDoc, error) {
	var docs []bbcDoc
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := strings.ReplaceAll(toUTF8(b), "\r\n", "\n")
		rel, _ := filepath.Rel(dir, path)
		title, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
		docs = append(docs, bbcDoc{rel, strings.TrimSpace(title), filepath.Dir(rel), text})
		return nil
	})
	sort.Slice(docs, func(i, j int) bool { return docs[i].path < docs[j].path })
	return docs, err
}

func runBBC(dir string, p detect.Params) (*bbcResult, error) {
	docs, err := loadBBC(dir)
	if err != nil {
		return nil, err
	}
	lc := detect.NewLineCounts()
	for _, d := range docs {
		lc.Add(d.topic, d.text)
	}
	ins := make([]detect.Input, len(docs))
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ins[i] = detect.Input{Text: d.text, Title: d.title, Group: d.topic, Lines: lc}
		ids[i] = int64(i)
	}
	fs := featuresOf(ins, p)
	ix := indexOf(p, ids, fs)
	pairs, err := ix.Pairs(context.Background())
	if err != nil {
		return nil, err
	}
	res := &bbcResult{docs: len(docs)}
	byPair := map[pairKey]core.Pair{}
	for _, pr := range pairs {
		byPair[key(pr.A, pr.B)] = pr
	}
	for _, g := range detect.Groups(pairs, 0, nil) {
		if g.Kind == "exact" {
			res.exactGroups++
			res.exactArticles += len(g.Articles)
		} else {
			res.nearGroups++
			res.nearArticles += len(g.Articles)
			if len(res.samples) < 12 {
				var parts []string
				for _, a := range g.Articles {
					parts = append(parts, docs[a].path+" \""+docs[a].title+"\"")
				}
				pr := byPair[key(g.Articles[0], g.Articles[1])]
				res.samples = append(res.samples, strings.Join(parts, " ~ ")+
					" (first pair: "+pr.Kind+", Jaccard "+f2(pr.Jaccard)+", containment "+f2(pr.Containment)+")")
			}
		}
	}
	for _, s := range detect.Stories(pairs, nil, nil) {
		res.stories++
		res.storyArticles += len(s.Members)
		dup := true
		for i := 1; i < len(s.Members); i++ {
			if pr, ok := byPair[key(s.Members[0], s.Members[i])]; !ok || !pr.IsDuplicate() {
				dup = false
			}
		}
		if !dup && len(res.storySamples) < 10 && len(s.Members) <= 4 {
			var parts []string
			for _, a := range s.Members {
				parts = append(parts, docs[a].path+" \""+docs[a].title+"\"")
			}
			res.storySamples = append(res.storySamples, strings.Join(parts, " ~ "))
		}
	}
	// Near-duplicate pairs by Jaccard threshold, and the weakest pairs a
	// lower threshold would add, to read.
	lowP := p
	lowP.NearJaccard = 0.3
	lowPairs, err := detect.NearPairs(context.Background(), ids, fs, lowP)
	if err != nil {
		return nil, err
	}
	for _, t := range []float64{0.3, 0.4, 0.5, 0.6, 0.7} {
		n := 0
		for _, pr := range lowPairs {
			if pr.Kind != core.PairNear || pr.Jaccard >= t || pr.Containment >= p.NearContainment {
				n++
			}
		}
		res.nearSweep = append(res.nearSweep, fmt.Sprintf("| %.1f | %d |", t, n))
	}
	for _, pr := range lowPairs {
		if pr.Kind == core.PairNear && pr.Jaccard < p.NearJaccard && pr.Containment < p.NearContainment && len(res.weak) < 8 {
			res.weak = append(res.weak, fmt.Sprintf("%s \"%s\" ~ %s \"%s\" (Jaccard %s, containment %s)",
				docs[pr.A].path, docs[pr.A].title, docs[pr.B].path, docs[pr.B].title, f2(pr.Jaccard), f2(pr.Containment)))
		}
	}
	for _, t := range []float64{0.1, 0.125, 0.15, 0.2, 0.25, 0.3} {
		q := p
		q.StoryThreshold = t
		qp, err := indexOf(q, ids, fs).Pairs(context.Background())
		if err != nil {
			return nil, err
		}
		n, arts, largest := 0, 0, 0
		for _, s := range detect.Stories(qp, nil, nil) {
			n++
			arts += len(s.Members)
			largest = max(largest, len(s.Members))
		}
		res.storySweep = append(res.storySweep, fmt.Sprintf("| %.3f | %d | %d | %d |", t, n, arts, largest))
	}
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.text)
	}
	res.variants = variantCollisions(texts)
	return res, nil
}

// variantStats measures how often VariantKey merges distinct words.
type variantStats struct {
	forms, keys       int
	mergedForms       int
	tokens, mergedTok int
	examples          []string
}

// variantCollisions counts, over a corpus's vocabulary of folded alphabetic
// words, the forms that share their variant key with another form: each is
// either a real variant (Kyiv/Kiev) or a collision to look at.
func variantCollisions(texts []string) variantStats {
	count := map[string]int{}
	for _, t := range texts {
		for _, tk := range textnorm.Words(t) {
			f := textnorm.Fold(tk.Text)
			f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "'")
			alpha := f != ""
			for _, r := range f {
				if r < 'a' || r > 'z' {
					alpha = false
					break
				}
			}
			if alpha {
				count[f]++
			}
		}
	}
	byKey := map[string][]string{}
	var st variantStats
	for f, n := range count {
		byKey[textnorm.VariantKey(f)] = append(byKey[textnorm.VariantKey(f)], f)
		st.tokens += n
	}
	st.forms, st.keys = len(count), len(byKey)
	type group struct {
		forms []string
		n     int
	}
	var gs []group
	for _, fs := range byKey {
		if len(fs) < 2 {
			continue
		}
		g := group{forms: fs}
		for _, f := range fs {
			g.n += count[f]
		}
		// The most frequent form is the word; the others are merged into it.
		sort.Slice(fs, func(i, j int) bool {
			return count[fs[i]] > count[fs[j]] || (count[fs[i]] == count[fs[j]] && fs[i] < fs[j])
		})
		st.mergedForms += len(fs) - 1
		for _, f := range fs[1:] {
			st.mergedTok += count[f]
		}
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool {
		return gs[i].n > gs[j].n || (gs[i].n == gs[j].n && gs[i].forms[0] < gs[j].forms[0])
	})
	for i := 0; i < len(gs) && i < 40; i++ {
		st.examples = append(st.examples, strings.Join(gs[i].forms, "/"))
	}
	return st
}
