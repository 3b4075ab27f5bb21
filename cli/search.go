package cli

import (
	"context"
	"flag"
	"fmt"
	"github.com/storydiff/storydiff/core"
	"strings"
)

var searchCommand = &Command{
	Name:    "search",
	Args:    `[--json] [--limit N] [--rank-all] QUERY`,
	Summary: `full-text search over titles and texts (words, "quoted phrases")`,
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print the hits as JSON")
		limit := fs.Int("limit", 20, "at most this many hits")
		rankAll := fs.Bool("rank-all", false, "rank every match, however many (slow on broad searches in a large archive)")
		return func(ctx context.Context, env *Env, args []string) error {
			query := strings.Join(args, " ")
			if strings.TrimSpace(query) == "" {
				return usagef("give something to search for")
			}
			if *limit <= 0 {
				return usagef("--limit must be positive")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			opt := core.SearchOptions{Limit: *limit}
			if *rankAll {
				opt.Window = -1
			}
			hits, err := svc.Search(ctx, query, opt)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, hits)
			}
			if len(hits) == 0 {
				fmt.Fprintf(env.Stdout, "No article matches %s.\n", termField(query))
				return nil
			}
			if p := hits[0].Partial; p != nil {
				fmt.Fprintf(env.Stdout, "Many articles match: ranked are the %d whose title matches, then the best of the %d most recently added matches (--rank-all ranks every match).\n", p.Titles, p.Recent)
			}
			for _, h := range hits {
				fmt.Fprintf(env.Stdout, "%d  %s  (%s, %s)\n    %s\n", h.Article.ID, clip(h.Article.Title, 100),
					dash(h.Article.Outlet), date(h.Article), snippet(h.Snippet, env.StdoutIsTerminal))
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
