package app

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/quotes"
	"github.com/storydiff/storydiff/store"
)

// quotesVersion names the quote finder's behaviour: quotes stored by
// another version are all found again at the next analysis.
const quotesVersion = "1"

// quoteKeyCap is the most quotes an index key may lead to and still be
// followed: a key held by more is a common phrase, which would make linking
// a quote cost a scan of its holders (quotes.Keys explains what skipping it
// may miss). Linking a quote then reads at most this many rows a key.
const quoteKeyCap = 1000

// quoteListCap is the most articles listed for one quote; Count says how
// many carry it.
const quoteListCap = 500

// quoteLinkBatch is how many articles' quotes are linked to the archive's
// in one transaction.
const quoteLinkBatch = 500

// analyseQuotes finds the quotes of the articles that have none stored yet
// (all of them when full, or when the finder changed) and links them to the
// quotes of the archive that say the same.
func (s *Service) analyseQuotes(ctx context.Context, full bool, report func(core.Progress, bool)) error {
	var stored string
	if _, err := s.db.Setting(ctx, "quotes_version", &stored); err != nil {
		return err
	}
	if full || stored != quotesVersion {
		if err := s.db.ResetQuotes(ctx); err != nil {
			return err
		}
		if err := s.db.SetSetting(ctx, "quotes_version", quotesVersion); err != nil {
			return err
		}
	}
	ids, err := s.db.UnquotedArticles(ctx)
	if err != nil {
		return err
	}
	report(core.Progress{Stage: "finding quotes", Total: len(ids)}, true)
	if err := s.findQuotes(ctx, ids, func(done int) {
		report(core.Progress{Stage: "finding quotes", Done: done, Total: len(ids)}, false)
	}); err != nil {
		return err
	}
	if ids, err = s.db.UngroupedArticles(ctx); err != nil {
		return err
	}
	report(core.Progress{Stage: "following quotes", Total: len(ids)}, true)
	for lo := 0; lo < len(ids); lo += quoteLinkBatch {
		part := ids[lo:min(lo+quoteLinkBatch, len(ids))]
		if err := s.linkQuotes(ctx, part); err != nil {
			return err
		}
		report(core.Progress{Stage: "following quotes", Done: lo + len(part), Total: len(ids)}, false)
	}
	return nil
}

// findQuotes runs quotes.Find on every CPU and stores what it finds.
func (s *Service) findQuotes(ctx context.Context, ids []int64, progress func(int)) error {
	if len(ids) == 0 {
		return nil
	}
	type text struct {
		id   int64
		text string
	}
	type found struct {
		id     int64
		quotes []store.QuoteRow
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	texts := make(chan text, 64)
	results := make(chan found, 64)
	var readErr error
	go func() {
		defer close(texts)
		readErr = s.db.ArticleTexts(ctx, ids, func(id int64, t string) error {
			select {
			case texts <- text{id, t}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range texts {
				results <- found{t.id, quoteRows(t.id, t.text)}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var arts []int64
	var rows []store.QuoteRow
	var saveErr error
	done := 0
	for r := range results {
		if saveErr != nil {
			continue // drain
		}
		arts = append(arts, r.id)
		rows = append(rows, r.quotes...)
		done++
		if len(arts) >= 200 {
			sortQuoteBatch(arts, rows)
			if saveErr = s.db.SaveQuotes(ctx, arts, rows); saveErr != nil {
				cancel()
			}
			arts, rows = arts[:0], rows[:0]
		}
		progress(done)
	}
	if saveErr != nil {
		return saveErr
	}
	if readErr != nil {
		return readErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	sortQuoteBatch(arts, rows)
	return s.db.SaveQuotes(ctx, arts, rows)
}

// sortQuoteBatch puts a batch in article order, whatever order the workers
// finished in, so that a small archive numbers its quotes the same way
// every time.
func sortQuoteBatch(arts []int64, rows []store.QuoteRow) {
	slices.Sort(arts)
	slices.SortStableFunc(rows, func(a, b store.QuoteRow) int { return cmp.Compare(a.Article, b.Article) })
}

func quoteRows(id int64, text string) []store.QuoteRow {
	qs := quotes.Find(text)
	out := make([]store.QuoteRow, len(qs))
	for i, q := range qs {
		out[i] = store.QuoteRow{Article: id, Start: q.Start, End: q.End, Text: q.Text, Speaker: q.Speaker,
			Title: q.Title, Key: q.Key, Keys: quotes.Keys(q)}
	}
	return out
}

func asQuote(r store.QuoteRow) quotes.Quote {
	return quotes.Quote{Start: r.Start, End: r.End, Text: r.Text, Speaker: r.Speaker, Title: r.Title, Key: r.Key}
}

// linkQuotes joins the groups of the given articles' quotes with the groups
// of the quotes that say the same: the candidates are the quotes sharing an
// index key with them, and quotes.Group decides, so that the archive's
// groups are what Group would make of the quotes it is shown. Groups only
// ever merge: a later quote may link two earlier groups.
func (s *Service) linkQuotes(ctx context.Context, articles []int64) error {
	fresh, err := s.db.ArticleQuotes(ctx, articles)
	if err != nil {
		return err
	}
	var keys []uint64
	seenKey := map[uint64]bool{}
	for _, q := range fresh {
		for _, k := range quotes.Keys(asQuote(q)) {
			if !seenKey[k] {
				seenKey[k] = true
				keys = append(keys, k)
			}
		}
	}
	cands, err := s.db.QuotesByKeys(ctx, keys, quoteKeyCap)
	if err != nil {
		return err
	}
	rows := fresh
	have := make(map[int64]bool, len(fresh))
	for _, q := range fresh {
		have[q.ID] = true
	}
	for _, q := range cands {
		if !have[q.ID] {
			have[q.ID] = true
			rows = append(rows, q)
		}
	}
	items := make([]quotes.Item, len(rows))
	for i, r := range rows {
		items[i] = quotes.Item{Article: r.ID, Quote: asQuote(r)} // Article holds the quote id here
	}
	byID := make(map[int64]int64, len(rows))
	for _, r := range rows {
		byID[r.ID] = r.Group
	}
	// Union of the stored groups that quotes.Group put together; the
	// smallest id names the merged group.
	parent := map[int64]int64{}
	var root func(int64) int64
	root = func(g int64) int64 {
		p, ok := parent[g]
		if !ok || p == g {
			return g
		}
		r := root(p)
		parent[g] = r
		return r
	}
	for _, grp := range quotes.Group(items) {
		if len(grp) < 2 {
			continue
		}
		target := root(byID[grp[0].Article])
		for _, it := range grp[1:] {
			g := root(byID[it.Article])
			if g == target {
				continue
			}
			if g < target {
				target, g = g, target
			}
			parent[g] = target
			parent[target] = target
		}
	}
	merges := map[int64][]int64{}
	for g := range parent {
		if r := root(g); r != g {
			merges[r] = append(merges[r], g)
		}
	}
	return s.db.MergeQuoteGroups(ctx, merges, articles)
}

// QuoteCarrier is an article that carries a quote, with its wording.
type QuoteCarrier struct {
	Article   int64      `json:"article"`
	Text      string     `json:"text"`
	Speaker   string     `json:"speaker"`
	Start     int        `json:"start"`
	End       int        `json:"end"`
	Published *time.Time `json:"published"`
	Title     string     `json:"title"`
	Outlet    string     `json:"outlet"`
}

// QuoteFirst is the article that printed a quote first.
type QuoteFirst struct {
	Article   int64      `json:"article"`
	Published *time.Time `json:"published"`
	Title     string     `json:"title"`
}

// QuoteEntry is one quote followed across the archive: its wording and
// speaker as first printed (the speaker as the first article naming one
// gives it), the article that printed it first (by date, else by import
// order), and every article that carries it, variants included, first
// first. Count is how many articles carry it; at most quoteListCap are
// listed.
type QuoteEntry struct {
	ID       int64          `json:"id"`
	Quote    string         `json:"quote"`
	Speaker  string         `json:"speaker"`
	First    QuoteFirst     `json:"first"`
	Count    int            `json:"count"`
	Articles []QuoteCarrier `json:"articles"`
}

// QuotesRequest says which quotes to list: those of one article (Ref), of
// one story's versions (Story), or else a page of the quotes carried by the
// most articles.
type QuotesRequest struct {
	Ref   string
	Story int64
	Page  Page
}

// DefaultQuotesLimit is the page size of the archive-wide quote listing
// when none is given: it reads a page of an index, never the whole table.
const DefaultQuotesLimit = 50

// Quotes lists quotes with the articles that carry them. An article's or a
// story's quotes come in the order they appear (a story's versions by
// date); the archive's, the most carried first.
func (s *Service) Quotes(ctx context.Context, req QuotesRequest) ([]QuoteEntry, error) {
	var groups []int64
	switch {
	case req.Ref != "" && req.Story != 0:
		return nil, core.Errorf(core.EINVALID, "give an article or a story, not both")
	case req.Ref != "" || req.Story != 0:
		var members []int64
		if req.Ref != "" {
			id, err := s.db.ResolveRef(ctx, req.Ref)
			if err != nil {
				return nil, err
			}
			members = []int64{id}
		} else {
			sts, err := s.Stories(ctx, req.Story)
			if err != nil {
				return nil, err
			}
			for _, a := range sts[0].Articles {
				members = append(members, a.ID)
			}
		}
		rows, err := s.db.ArticleQuotes(ctx, members)
		if err != nil {
			return nil, err
		}
		order := make(map[int64]int, len(members))
		for i, id := range members {
			order[id] = i
		}
		slices.SortStableFunc(rows, func(a, b store.QuoteRow) int { return order[a.Article] - order[b.Article] })
		seen := map[int64]bool{}
		for _, r := range rows {
			if !seen[r.Group] {
				seen[r.Group] = true
				groups = append(groups, r.Group)
			}
		}
		if lo, hi := req.Page.slice(len(groups)); lo < hi {
			groups = groups[lo:hi]
		} else {
			groups = nil
		}
	default:
		limit := req.Page.Limit
		if limit <= 0 {
			limit = DefaultQuotesLimit
		}
		var err error
		if groups, err = s.db.TopQuoteGroups(ctx, max(req.Page.Offset, 0), limit); err != nil {
			return nil, err
		}
	}
	out := make([]QuoteEntry, 0, len(groups))
	all, counts, err := s.db.QuoteGroups(ctx, groups, quoteListCap)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		ms, n := all[g], counts[g]
		if len(ms) == 0 {
			continue
		}
		e := QuoteEntry{ID: g, Quote: ms[0].Text, Count: n, Articles: make([]QuoteCarrier, 0, len(ms)),
			First: QuoteFirst{Article: ms[0].Article, Published: ms[0].Published, Title: ms[0].ArticleTitle}}
		for _, m := range ms {
			if e.Speaker == "" {
				e.Speaker = m.Speaker
			}
			e.Articles = append(e.Articles, QuoteCarrier{Article: m.Article, Text: m.Text, Speaker: m.Speaker,
				Start: m.Start, End: m.End, Published: m.Published, Title: m.ArticleTitle, Outlet: m.Outlet})
		}
		out = append(out, e)
	}
	return out, nil
}
