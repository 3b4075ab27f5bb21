package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/storydiff/storydiff/core"
)

var showCommand = &Command{
	Name:    "show",
	Args:    "[--json] REF",
	Summary: "print one article (REF: an id, or a file name or path that was imported)",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print the article, its locations and blocks as JSON")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("give exactly one article: an id or a file name")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			a, err := svc.GetArticle(ctx, args[0])
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, a)
			}
			w := env.Stdout
			fmt.Fprintf(w, "Article %d: %s\n", a.ID, clip(a.Title, 200))
			if e := editedNote(a.Article, core.FieldTitle); e != "" {
				fmt.Fprintf(w, "Title:%s\n", e)
			}
			fmt.Fprintf(w, "Published: %s", date(a.Article))
			switch {
			case a.EditOf(core.FieldDate) != nil:
				fmt.Fprint(w, editedNote(a.Article, core.FieldDate))
			case a.Published != nil && a.PublishedRaw != "":
				fmt.Fprintf(w, " (%s, from %s, written %q)", dash(a.PublishedConfidence), termField(a.PublishedFrom), a.PublishedRaw)
			case a.PublishedRaw != "":
				fmt.Fprintf(w, " (%s held %q, which could not be read as a date)", termField(a.PublishedFrom), a.PublishedRaw)
			}
			if e := a.Estimated; e != nil {
				fmt.Fprintf(w, "\nEstimated: %s to %s (the days its text gives without a year, read in the year of article %d)", e.From, e.To, e.Anchor)
			}
			if a.NoBody {
				fmt.Fprintf(w, "\nBody: none; the record had a title alone, which stands as its text")
			}
			fmt.Fprintf(w, "\nOutlet: %s%s  Language: %s  Words: %d  Format: %s  Encoding: %s\n",
				dash(a.Outlet), editedNote(a.Article, core.FieldOutlet), dash(a.Language), a.Words, dash(a.Format), dash(a.Encoding))
			fmt.Fprintf(w, "SHA-256: %s\nImported: %s (import %d)\n", a.SHA256, a.ImportedAt.Format("2006-01-02 15:04:05 MST"), a.ImportID)
			for _, l := range a.Locations {
				if l.Record > 0 {
					fmt.Fprintf(w, "File: %s (record %d)\n", quotePath(l.Path), l.Record)
				} else {
					fmt.Fprintf(w, "File: %s\n", quotePath(l.Path))
				}
			}
			if len(a.Tags) > 0 {
				fmt.Fprintf(w, "Tags: %s\n", termField(strings.Join(a.Tags, ", ")))
			}
			if a.Note != nil {
				fmt.Fprintf(w, "Note (changed %s):\n%s\n", a.Note.UpdatedAt.Local().Format("2006-01-02 15:04"), termText(a.Note.Text))
			}
			fmt.Fprintf(w, "\n%s\n", termText(a.Text))
			return nil
		}
	},
}
