package detect

import (
	"github.com/storydiff/storydiff/core"
	"sort"
	"strings"
	"sync"

	"github.com/storydiff/storydiff/textnorm"
)

// LineCounts counts, per group (a folder or outlet), in how many articles
// each normalised line occurs, so that lines recurring across many articles
// of one site (its chrome) can be marked as boilerplate. The app feeds it
// articles as they are imported and persists Rows; a nil *LineCounts marks
// nothing. It is safe for concurrent use.
type LineCounts struct {
	// MinCount is the least number of articles a line must occur in;
	// MinShare the least share of the group's articles.
	MinCount int
	MinShare float64
	// MaxWords: longer lines are never counted, because a wire story's
	// paragraphs recur across a folder of reprints and are not chrome.
	MaxWords int

	mu     sync.RWMutex
	groups map[string]*lineGroup
}

type lineGroup struct {
	articles int
	lines    map[uint64]int
}

// NewLineCounts returns counts with the default thresholds: a line of at
// most 12 words recurring in at least 5 articles and 20% of its group.
func NewLineCounts() *LineCounts {
	return &LineCounts{MinCount: 5, MinShare: 0.2, MaxWords: 12, groups: map[string]*lineGroup{}}
}

// LineHash is the hash MarkBlocks and LineCounts give a line.
func LineHash(line string) uint64 { return hashString(textnorm.Normalize(line)) }

func (lc *LineCounts) articleLines(text string) []uint64 {
	var hs []uint64
	seen := map[uint64]bool{}
	for _, l := range strings.Split(text, "\n") {
		norm := textnorm.Normalize(l)
		if norm == "" || strings.Count(norm, " ")+1 > lc.MaxWords {
			continue
		}
		h := hashString(norm)
		if h != 0 && !seen[h] {
			seen[h] = true
			hs = append(hs, h)
		}
	}
	return hs
}

func (lc *LineCounts) group(g string) *lineGroup {
	if lc.groups == nil {
		lc.groups = map[string]*lineGroup{}
	}
	gr := lc.groups[g]
	if gr == nil {
		gr = &lineGroup{lines: map[uint64]int{}}
		lc.groups[g] = gr
	}
	return gr
}

// Add counts one article's short lines in its group.
func (lc *LineCounts) Add(group, text string) {
	hs := lc.articleLines(text)
	lc.mu.Lock()
	defer lc.mu.Unlock()
	gr := lc.group(group)
	gr.articles++
	for _, h := range hs {
		gr.lines[h]++
	}
}

// Remove undoes Add for an article being deleted.
func (lc *LineCounts) Remove(group, text string) {
	hs := lc.articleLines(text)
	lc.mu.Lock()
	defer lc.mu.Unlock()
	gr := lc.group(group)
	if gr.articles > 0 {
		gr.articles--
	}
	for _, h := range hs {
		if gr.lines[h] <= 1 {
			delete(gr.lines, h)
		} else {
			gr.lines[h]--
		}
	}
}

// Load restores persisted rows (see Rows).
func (lc *LineCounts) Load(rows []core.LineCount) {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	for _, r := range rows {
		gr := lc.group(r.Group)
		if r.Hash == 0 {
			gr.articles = r.Count
		} else {
			gr.lines[r.Hash] = r.Count
		}
	}
}

// Rows returns the counts to persist, sorted by group and hash, with one
// Hash 0 row per group holding its article count. Lines seen once are left
// out unless all is true: they are most of the rows and rarely matter.
func (lc *LineCounts) Rows(all bool) []core.LineCount {
	lc.mu.RLock()
	defer lc.mu.RUnlock()
	var out []core.LineCount
	for g, gr := range lc.groups {
		out = append(out, core.LineCount{Group: g, Count: gr.articles})
		for h, c := range gr.lines {
			if all || c > 1 {
				out = append(out, core.LineCount{Group: g, Hash: h, Count: c})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Group != out[j].Group {
			return out[i].Group < out[j].Group
		}
		return out[i].Hash < out[j].Hash
	})
	return out
}

// IsBoilerplate reports whether a line hash recurs often enough in group.
func (lc *LineCounts) IsBoilerplate(group string, hash uint64) bool {
	if lc == nil {
		return false
	}
	lc.mu.RLock()
	defer lc.mu.RUnlock()
	gr := lc.groups[group]
	if gr == nil {
		return false
	}
	c := gr.lines[hash]
	return c >= lc.MinCount && float64(c) >= lc.MinShare*float64(gr.articles)
}
