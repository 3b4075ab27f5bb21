package app

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/reuse"
)

// The reuse graph is what the timeline and the reuse network draw: a set of
// articles (an event's versions, a thread's, a search's hits) and what they
// share — passages, quotes, near-duplicate text — each link pointing from
// the version that carried it first to the one that repeated it.

// ReuseRequest names the set of articles: one of Event, Thread or Query.
type ReuseRequest struct {
	Event  int64  `json:"event"`
	Thread int64  `json:"thread"`
	Query  string `json:"query"`
	// Limit caps a search's hits (0: MaxReuseArticles).
	Limit int `json:"limit"`
}

// MaxReuseArticles is the most articles one graph holds.
const MaxReuseArticles = 500

// allPairsUpTo is the size of a set whose every pair is searched for shared
// passages; a larger set searches only the pairs analysis already linked
// (duplicate pairs, same-event links), at most maxPassagePairs of them.
const (
	allPairsUpTo    = 30
	maxPassagePairs = 800
)

// ReuseArticle is one version in the graph.
type ReuseArticle struct {
	ID        int64      `json:"id"`
	Title     string     `json:"title"`
	Outlet    string     `json:"outlet"`
	Language  string     `json:"language,omitempty"`
	Published *time.Time `json:"published"`
	Words     int        `json:"words"`
	// Event is the event the article belongs to in a thread's graph.
	Event int64 `json:"event,omitempty"`
}

// Kinds of reuse link.
const (
	LinkPassage   = "passage"   // a passage shared, exactly or reworded
	LinkQuote     = "quote"     // one quote carried by both
	LinkDuplicate = "duplicate" // an exact or near duplicate pair
)

// ReuseLink is something two articles share. From carried it first (by
// date; by import order when either is undated, and then Ordered is false:
// nobody can say who was first).
type ReuseLink struct {
	From    int64  `json:"from"`
	To      int64  `json:"to"`
	Kind    string `json:"kind"`
	Ordered bool   `json:"ordered"`
	// Words is how many words they share: the passages' (From's copy), the
	// quote's, or the smaller text's share of a duplicate pair.
	Words int `json:"words"`
	// Score is the passage's score, the duplicate pair's similarity, or 1.
	Score float64 `json:"score"`
	// Text is the longest passage shared, or the quote, as From prints it.
	Text string `json:"text,omitempty"`
}

// ReuseGraph is a set of articles and the links between them.
type ReuseGraph struct {
	Label    string         `json:"label"`
	Articles []ReuseArticle `json:"articles"`
	Links    []ReuseLink    `json:"links"`
	// Note says what was left out, when something was.
	Note string `json:"note,omitempty"`
}

// Reuse builds the graph of an event, a thread or a search's hits.
func (s *Service) Reuse(ctx context.Context, req ReuseRequest) (*ReuseGraph, error) {
	g, err := s.reuseArticles(ctx, req)
	if err != nil {
		return nil, err
	}
	if err := s.reuseLinks(ctx, g); err != nil {
		return nil, err
	}
	return g, nil
}

func (s *Service) reuseArticles(ctx context.Context, req ReuseRequest) (*ReuseGraph, error) {
	given := 0
	for _, set := range []bool{req.Event != 0, req.Thread != 0, strings.TrimSpace(req.Query) != ""} {
		if set {
			given++
		}
	}
	if given != 1 {
		return nil, core.Errorf(core.EINVALID, "give one of an event, a thread or a search")
	}
	g := &ReuseGraph{Articles: []ReuseArticle{}, Links: []ReuseLink{}}
	addEvent := func(e core.Event, inThread bool) {
		for _, a := range e.Articles {
			ra := ReuseArticle{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Language: a.Language, Published: a.Published}
			if inThread {
				ra.Event = e.ID
			}
			g.Articles = append(g.Articles, ra)
		}
	}
	switch {
	case req.Event != 0:
		e, err := s.Event(ctx, req.Event)
		if err != nil {
			return nil, err
		}
		g.Label = e.Label
		addEvent(*e, false)
	case req.Thread != 0:
		t, err := s.Thread(ctx, req.Thread)
		if err != nil {
			return nil, err
		}
		g.Label = t.Thread.Label
		for _, e := range t.Events {
			addEvent(e, true)
		}
	default:
		limit := req.Limit
		if limit <= 0 || limit > MaxReuseArticles {
			limit = MaxReuseArticles
		}
		hits, err := s.Search(ctx, req.Query, core.SearchOptions{Limit: limit, Prefix: true})
		if err != nil {
			return nil, err
		}
		g.Label = "Search: " + strings.TrimSpace(req.Query)
		for _, h := range hits {
			a := h.Article
			g.Articles = append(g.Articles, ReuseArticle{ID: a.ID, Title: a.Title, Outlet: a.Outlet,
				Language: a.Language, Published: a.Published, Words: a.Words})
		}
	}
	if len(g.Articles) > MaxReuseArticles {
		g.Note = "The first " + itoa(MaxReuseArticles) + " of " + itoa(int64(len(g.Articles))) + " articles are drawn."
		g.Articles = g.Articles[:MaxReuseArticles]
	}
	return g, nil
}

// firstOf orders two articles: the one dated earlier, then an undated one
// after a dated one, then import order. ordered is false when either is
// undated.
func firstOf(a, b *ReuseArticle) (from, to *ReuseArticle, ordered bool) {
	switch {
	case a.Published != nil && b.Published != nil:
		if b.Published.Before(*a.Published) || (b.Published.Equal(*a.Published) && b.ID < a.ID) {
			return b, a, true
		}
		return a, b, true
	case a.Published == nil && b.Published != nil:
		return b, a, false
	case a.Published != nil:
		return a, b, false
	case b.ID < a.ID:
		return b, a, false
	}
	return a, b, false
}

func (s *Service) reuseLinks(ctx context.Context, g *ReuseGraph) error {
	byID := make(map[int64]*ReuseArticle, len(g.Articles))
	ids := make([]int64, 0, len(g.Articles))
	for i := range g.Articles {
		a := &g.Articles[i]
		if byID[a.ID] == nil {
			byID[a.ID] = a
			ids = append(ids, a.ID)
		}
	}
	texts := make(map[int64]string, len(ids))
	if err := s.db.ArticleTexts(ctx, ids, func(id int64, text string) error {
		texts[id] = text
		return nil
	}); err != nil {
		return err
	}
	for id, t := range texts {
		byID[id].Words = len(strings.Fields(t))
	}

	type key struct{ a, b int64 }
	pairKey := func(a, b int64) key {
		if b < a {
			a, b = b, a
		}
		return key{a, b}
	}
	// Pairs analysis linked: duplicates, and same-event links (the
	// candidates for shared passages in a large set).
	dup := map[key]core.Pair{}
	linked := map[key]float32{}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		pairs, err := s.db.Pairs(ctx, id)
		if err != nil {
			return err
		}
		for _, p := range pairs {
			if byID[p.A] == nil || byID[p.B] == nil || p.A == p.B {
				continue
			}
			k := pairKey(p.A, p.B)
			if p.Kind == "story" {
				linked[k] = max(linked[k], float32(p.Score))
				continue
			}
			dup[k] = p
		}
		links, err := s.db.LinksOf(ctx, id)
		if err != nil {
			return err
		}
		for _, l := range links {
			if byID[l.A] != nil && byID[l.B] != nil && l.A != l.B {
				k := pairKey(l.A, l.B)
				linked[k] = max(linked[k], l.Event)
			}
		}
	}

	link := func(a, b int64, kind string, words int, score float64, text string) {
		from, to, ordered := firstOf(byID[a], byID[b])
		g.Links = append(g.Links, ReuseLink{From: from.ID, To: to.ID, Kind: kind, Ordered: ordered, Words: words, Score: score, Text: text})
	}

	var cands []key
	if len(ids) <= allPairsUpTo {
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				cands = append(cands, pairKey(ids[i], ids[j]))
			}
		}
	} else {
		for k := range linked {
			cands = append(cands, k)
		}
		for k := range dup {
			if _, ok := linked[k]; !ok {
				cands = append(cands, k)
			}
		}
		slices.SortFunc(cands, func(x, y key) int {
			if c := cmpFloat(linked[y], linked[x]); c != 0 {
				return c
			}
			if x.a != y.a {
				return int(x.a - y.a)
			}
			return int(x.b - y.b)
		})
		if len(cands) > maxPassagePairs {
			g.Note = strings.TrimSpace(g.Note + " Shared passages were searched in the " + itoa(maxPassagePairs) +
				" most closely linked pairs of " + itoa(int64(len(cands))) + ".")
			cands = cands[:maxPassagePairs]
		}
	}
	for _, k := range cands {
		if err := ctx.Err(); err != nil {
			return err
		}
		from, to, _ := firstOf(byID[k.a], byID[k.b])
		ps := reuse.Find(texts[from.ID], texts[to.ID], reuse.Options{})
		if len(ps) == 0 {
			continue
		}
		words, best, longest := 0, 0.0, ""
		for _, p := range ps {
			words += len(strings.Fields(p.AText))
			best = max(best, p.Score)
			if len(p.AText) > len(longest) {
				longest = p.AText
			}
		}
		link(from.ID, to.ID, LinkPassage, words, best, clip(longest, 280))
	}
	dupKeys := make([]key, 0, len(dup))
	for k := range dup {
		dupKeys = append(dupKeys, k)
	}
	slices.SortFunc(dupKeys, func(x, y key) int {
		if x.a != y.a {
			return int(x.a - y.a)
		}
		return int(x.b - y.b)
	})
	for _, k := range dupKeys {
		p := dup[k]
		words := int(float64(min(byID[k.a].Words, byID[k.b].Words)) * max(p.Jaccard, p.Containment))
		link(k.a, k.b, LinkDuplicate, words, p.Score, "")
	}

	// Quotes: from the first carrier to each other carrier in the set.
	rows, err := s.db.ArticleQuotes(ctx, ids)
	if err != nil {
		return err
	}
	inGroup := map[int64]int{}
	for _, r := range rows {
		inGroup[r.Group]++
	}
	var groups []int64
	for grp, n := range inGroup {
		if n >= 2 {
			groups = append(groups, grp)
		}
	}
	slices.Sort(groups)
	members, _, err := s.db.QuoteGroups(ctx, groups, quoteListCap)
	if err != nil {
		return err
	}
	for _, grp := range groups {
		var in []*ReuseArticle
		var text string
		seen := map[int64]bool{}
		for _, m := range members[grp] {
			if a := byID[m.Article]; a != nil && !seen[a.ID] {
				seen[a.ID] = true
				in = append(in, a)
				if text == "" {
					text = m.Text
				}
			}
		}
		if len(in) < 2 {
			continue
		}
		first := in[0]
		for _, a := range in[1:] {
			if f, _, _ := firstOf(first, a); f != first {
				first = a
			}
		}
		for _, a := range in {
			if a != first {
				link(first.ID, a.ID, LinkQuote, len(strings.Fields(text)), 1, clip(text, 280))
			}
		}
	}
	return nil
}

func cmpFloat(a, b float32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// clip cuts s to at most n runes, at a word, marking the cut.
func clip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
