package cli

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

var searchCommand = &Command{
	Name:    "search",
	Args:    `[--offset N] [--limit N] [--outlet O] [--language L] [--from DATE] [--to DATE] [--tag T] [--format text|csv|json] [--rank-all] QUERY`,
	Summary: `full-text search over titles and texts (words, "quoted phrases"); names match their other spellings`,
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print the page of hits as JSON (as --format json)")
		format := fs.String("format", "text", "text, or csv or json: every hit from --offset, or --limit of them when given")
		offset := fs.Int("offset", 0, "skip this many hits (to page through a search)")
		limit := fs.Int("limit", 20, "at most this many hits")
		outlet := fs.String("outlet", "", "only articles from this outlet")
		language := fs.String("language", "", "only articles in this language (a code such as en or fr)")
		from := fs.String("from", "", "only articles published on or after this day (YYYY-MM-DD)")
		to := fs.String("to", "", "only articles published on or before this day (YYYY-MM-DD)")
		tag := fs.String("tag", "", "only articles tagged so (see storydiff tags)")
		rankAll := fs.Bool("rank-all", false, "rank every match, however many (slow on broad searches in a large archive)")
		return func(ctx context.Context, env *Env, args []string) error {
			query := strings.Join(args, " ")
			if strings.TrimSpace(query) == "" {
				return usagef("give something to search for")
			}
			if *limit <= 0 {
				return usagef("--limit must be positive")
			}
			if *offset < 0 {
				return usagef("--offset must be 0 or more")
			}
			limitGiven := false
			fs.Visit(func(f *flag.Flag) { limitGiven = limitGiven || f.Name == "limit" })
			if *asJSON {
				*format = "json"
			}
			switch *format {
			case "text", "csv", "json":
			default:
				return usagef("--format is text, csv or json, not %q", *format)
			}
			opt, err := app.SearchRequest{Offset: *offset, Limit: *limit, Outlet: *outlet, Language: *language, From: *from, To: *to, Tag: *tag}.Options()
			if err != nil {
				return err
			}
			if *rankAll {
				opt.Window = -1
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			if *format == "csv" || (*format == "json" && !*asJSON) {
				if !limitGiven {
					opt.Limit = 0 // every hit
				}
				return svc.WriteSearch(ctx, env.Stdout, query, opt, *format)
			}
			page, err := svc.SearchPage(ctx, query, opt)
			if err != nil {
				return err
			}
			hits := page.Hits
			if *asJSON {
				return writeJSON(env.Stdout, hits)
			}
			if page.Total == 0 {
				fmt.Fprintf(env.Stdout, "No article matches %s.\n", termField(query))
				return nil
			}
			if len(page.Variants) > 0 {
				var vs []string
				for _, w := range slices.Sorted(maps.Keys(page.Variants)) {
					vs = append(vs, termField(w)+": "+termField(strings.Join(page.Variants[w], ", ")))
				}
				fmt.Fprintf(env.Stdout, "Also searched, as other spellings: %s.\n", strings.Join(vs, "; "))
			}
			if len(hits) > 0 {
				if p := hits[0].Partial; p != nil {
					fmt.Fprintf(env.Stdout, "Many articles match: ranked are the %d whose title matches, then the best of the %d most recently added matches; the others follow, newest first (--rank-all ranks every match).\n", p.Titles, p.Recent)
				}
			}
			for _, h := range hits {
				fmt.Fprintf(env.Stdout, "%d  %s  (%s, %s)\n    %s\n", h.Article.ID, clip(h.Article.Title, 100),
					dash(h.Article.Outlet), date(h.Article), snippet(h.Snippet, env.StdoutIsTerminal))
			}
			switch {
			case len(hits) == 0:
				fmt.Fprintf(env.Stdout, "%d articles match; --offset %d is past the last.\n", page.Total, *offset)
			case *offset+len(hits) < page.Total:
				fmt.Fprintf(env.Stdout, "Hits %d-%d of %d; the next page: --offset %d.\n", *offset+1, *offset+len(hits), page.Total, *offset+len(hits))
			default:
				fmt.Fprintf(env.Stdout, "Hits %d-%d of %d.\n", *offset+1, *offset+len(hits), page.Total)
			}
			return nil
		}
	},
}

// snippet renders matched words in bold on a terminal and in [brackets]
// elsewhere, on one line.
func snippet(frags []core.Fragment, colour bool) string {
	var b strings.Builder
	for _, f := range frags {
		t := strings.Join(strings.Fields(termField(f.Text)), " ")
		if strings.HasPrefix(f.Text, " ") || strings.HasPrefix(f.Text, "\n") {
			t = " " + t
		}
		if strings.HasSuffix(f.Text, " ") || strings.HasSuffix(f.Text, "\n") {
			t += " "
		}
		switch {
		case !f.Hit:
			b.WriteString(t)
		case colour:
			b.WriteString("\x1b[1m" + t + "\x1b[0m")
		default:
			b.WriteString("[" + t + "]")
		}
	}
	return b.String()
}
