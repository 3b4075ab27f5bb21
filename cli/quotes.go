package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/storydiff/storydiff/app"
)

var quotesCommand = &Command{
	Name:    "quotes",
	Args:    "[--json] [--offset N] [--limit N] [REF | --story ID]",
	Summary: "quoted speech, each quote with every article that carries it and the first to print it",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print [{"id","quote","speaker","first":{"article","published","title"},"count",`+
			`"articles":[{"article","text","speaker","start","end","published","title","outlet"}]}]`)
		story := fs.Int64("story", 0, "the quotes of this story's versions")
		offset := fs.Int("offset", 0, "skip this many quotes")
		limit := fs.Int("limit", 0, fmt.Sprintf("list at most this many quotes (without REF or --story: %d when 0)", app.DefaultQuotesLimit))
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 1 || len(args) == 1 && *story != 0 {
				return usagef("give one article, or --story ID, or neither")
			}
			if *story < 0 || *offset < 0 || *limit < 0 {
				return usagef("a story id, an offset and a limit are not negative")
			}
			req := app.QuotesRequest{Story: *story, Page: app.Page{Offset: *offset, Limit: *limit}}
			if len(args) == 1 {
				req.Ref = args[0]
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			qs, err := svc.Quotes(ctx, req)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, qs)
			}
			if len(qs) == 0 {
				fmt.Fprintln(env.Stdout, "No quotes found (quotes are found by analysis).")
			}
			for _, q := range qs {
				speaker := q.Speaker
				if speaker == "" {
					speaker = "speaker unknown"
				}
				fmt.Fprintf(env.Stdout, "“%s” (%s), in %d article(s), first in %d\n", clip(q.Quote, 140), clip(speaker, 60), q.Count, q.First.Article)
				for _, a := range q.Articles {
					mark := " "
					if a.Article == q.First.Article {
						mark = "*"
					}
					d := "undated"
					if a.Published != nil {
						d = a.Published.Format("2006-01-02 15:04")
					}
					fmt.Fprintf(env.Stdout, "  %s %-16s %5d  %s\n", mark, d, a.Article, clip(a.Title, 80))
				}
			}
			return nil
		}
	},
}
