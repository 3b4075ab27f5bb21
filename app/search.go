package app

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/store"
)

// SearchRequest is a search as the frontend sends it, with the library's
// filters: dates are "YYYY-MM-DD" or RFC 3339, To inclusive.
type SearchRequest struct {
	Query    string `json:"q"`
	Offset   int    `json:"offset"`
	Limit    int    `json:"limit"`
	Outlet   string `json:"outlet"`
	Language string `json:"language"`
	From     string `json:"from"`
	To       string `json:"to"`
	// Badge keeps only the articles with this badge (see the Badge
	// constants); the interface resolves it.
	Badge string `json:"badge"`
	// Prefix lets the last word match as a prefix (search as you type).
	Prefix bool `json:"prefix"`
	// Tag keeps only the articles a researcher tagged so.
	Tag string `json:"tag"`
}

// Options converts the request for the service.
func (r SearchRequest) Options() (core.SearchOptions, error) {
	opt := core.SearchOptions{Offset: r.Offset, Limit: r.Limit, Prefix: r.Prefix,
		Filter: core.SearchFilter{Outlet: r.Outlet, Language: r.Language, Tag: strings.TrimSpace(r.Tag)}}
	if err := (Page{Offset: r.Offset, Limit: r.Limit}).Check(); err != nil {
		return opt, err
	}
	var err error
	if opt.Filter.From, err = parseDay(r.From, false); err != nil {
		return opt, err
	}
	if opt.Filter.To, err = parseDay(r.To, true); err != nil {
		return opt, err
	}
	if f, t := opt.Filter.From, opt.Filter.To; f != nil && t != nil && t.Before(*f) {
		return opt, core.Errorf(core.EINVALID, "the date range ends (%s) before it begins (%s)", r.To, r.From)
	}
	return opt, nil
}

// MaxSearchLimit is the most hits one page of a search returns.
const MaxSearchLimit = 500

// checkSearch refuses searches too long to run cheaply (see MaxSearchBytes).
func checkSearch(query string) error {
	if len(query) > MaxSearchBytes {
		return core.Errorf(core.EINVALID, "a search is at most %d bytes long, and this one has %d: shorten it", MaxSearchBytes, len(query))
	}
	if n := store.SearchWords(query); n > MaxSearchWords {
		return core.Errorf(core.EINVALID, "a search holds at most %d words, and this one has %d: leave some out", MaxSearchWords, n)
	}
	return nil
}

// searchOptions checks a search and completes its options: the limit kept
// to MaxSearchLimit, and the spellings of its words the archive holds (see
// Variants) unless the caller gave them.
func (s *Service) searchOptions(ctx context.Context, query string, opt core.SearchOptions) (core.SearchOptions, error) {
	if err := checkSearch(query); err != nil {
		return opt, err
	}
	opt.Limit = min(opt.Limit, MaxSearchLimit)
	if opt.Variants == nil {
		v, err := s.Variants(ctx, query)
		if err != nil {
			return opt, err
		}
		opt.Variants = v
	}
	return opt, nil
}

// SearchPage runs a search and counts its matches, so that a caller can
// page through all of them.
func (s *Service) SearchPage(ctx context.Context, query string, opt core.SearchOptions) (*core.SearchPage, error) {
	opt, err := s.searchOptions(ctx, query, opt)
	if err != nil {
		return nil, err
	}
	// For a phrase or several words the total is counted on another
	// connection while the page is ranked: each walks the matches' position
	// lists, on a core of its own. The total of one word, or of a phrase of
	// two common words, is read from the ranking index, cheaper than opening
	// a connection for it.
	var total int
	counted := make(chan error, 1)
	countCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	count := func() {
		var err error
		total, err = s.db.CountMatches(countCtx, query, opt)
		counted <- err
	}
	quick := s.db.CountIsQuick(query, opt)
	if !quick {
		go count()
	}
	hits, err := s.db.Search(ctx, query, opt)
	if err != nil {
		if !quick {
			cancel()
			<-counted
		}
		return nil, err
	}
	if quick {
		count()
	}
	if err := <-counted; err != nil {
		return nil, err
	}
	if hits == nil {
		hits = []core.SearchHit{}
	}
	return &core.SearchPage{Total: total, Offset: opt.Offset, Hits: hits, Variants: opt.Variants}, nil
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// SearchExportFormats are the formats WriteSearch writes.
var SearchExportFormats = []string{"csv", "json"}

// WriteSearch writes the hits of a search in rank order, as CSV or JSON:
// opt.Limit of them from opt.Offset, or every one from there when opt.Limit
// is 0.
func (s *Service) WriteSearch(ctx context.Context, w io.Writer, query string, opt core.SearchOptions, format string) error {
	if !slices.Contains(SearchExportFormats, format) {
		return core.Errorf(core.EINVALID, "cannot export a search as %q (use csv or json)", format)
	}
	if err := checkSearch(query); err != nil {
		return err
	}
	var err error
	if opt.Variants, err = s.Variants(ctx, query); err != nil {
		return err
	}
	var all []core.SearchHit
	want := opt.Limit
	for opt.Offset = max(opt.Offset, 0); want == 0 || len(all) < want; opt.Offset += opt.Limit {
		opt.Limit = MaxSearchLimit
		if want > 0 {
			opt.Limit = min(MaxSearchLimit, want-len(all))
		}
		hits, err := s.db.Search(ctx, query, opt)
		if err != nil {
			return err
		}
		all = append(all, hits...)
		if len(hits) < opt.Limit {
			break
		}
	}
	if format == "json" {
		if all == nil {
			all = []core.SearchHit{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Query    string              `json:"query"`
			Variants map[string][]string `json:"variants,omitempty"`
			Total    int                 `json:"total"`
			Hits     []core.SearchHit    `json:"hits"`
		}{query, opt.Variants, len(all), all})
	}
	return writeSearchCSV(w, all)
}

// writeSearchCSV writes one row a hit. Cells a spreadsheet would run as
// formulas are neutralised with a leading apostrophe, as CSV reports are.
func writeSearchCSV(w io.Writer, hits []core.SearchHit) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"position", "id", "title", "outlet", "published", "language", "url", "path", "ranked", "snippet"})
	for i, h := range hits {
		a := h.Article
		published := ""
		if a.Published != nil {
			published = a.Published.UTC().Format(time.RFC3339)
		}
		path := ""
		if len(a.Paths) > 0 {
			path = a.Paths[0]
		}
		var snip strings.Builder
		for _, f := range h.Snippet {
			snip.WriteString(f.Text)
		}
		row := []string{strconv.Itoa(i + 1), strconv.FormatInt(a.ID, 10), a.Title, a.Outlet, published, a.Language,
			a.URL, path, strconv.FormatBool(!h.Unranked), strings.Join(strings.Fields(snip.String()), " ")}
		for j := range row {
			row[j] = cellSafe(row[j])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cellSafe prefixes a cell a spreadsheet would read as a formula with an
// apostrophe; a plain number is data and stays as it is.
func cellSafe(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@':
		if _, err := strconv.ParseFloat(cell, 64); err == nil && !strings.ContainsAny(cell, "nN") {
			return cell
		}
		return "'" + cell
	case '\t', '\r':
		return "'" + cell
	}
	return cell
}

// RefreshSearchRanking brings the ranking index up to date with the
// archive (store.RefreshSearchRanking): an analysis does it at its end
// (so an import with analysis), and `storydiff search-index` does it for an archive
// made before the index existed. Until then a search for a common word
// ranks as before. A cancelled refresh leaves the index as it was.
func (s *Service) RefreshSearchRanking(ctx context.Context, progress core.ProgressFunc) error {
	if err := s.db.CheckWritable(); err != nil {
		return err
	}
	report := throttle(progress)
	return s.db.RefreshSearchRanking(ctx, func(p core.Progress) { report(p, p.Done == p.Total) })
}

// refreshRanking refreshes the ranking index at the end of an analysis; a
// cancelled refresh is no failure of the analysis (it is saved, and the next
// analysis or search-index takes the articles in).
func (s *Service) refreshRanking(ctx context.Context, report func(core.Progress, bool)) error {
	if s.db.CheckWritable() != nil {
		return nil
	}
	err := s.db.RefreshSearchRanking(ctx, func(p core.Progress) { report(p, p.Done == p.Total) })
	if err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("ranking index: %w", err)
	}
	return nil
}
