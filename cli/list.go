package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/storydiff/storydiff/core"
)

var listCommand = &Command{
	Name:    "list",
	Args:    "[--json] [--limit N] [--offset N] [--sort id|title|outlet|published|words] [--desc] [--outlet O] [--language L] [--tag T]",
	Summary: "list the articles in the archive",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print a JSON array")
		limit := fs.Int("limit", 0, "at most this many articles (0: all)")
		offset := fs.Int("offset", 0, "skip this many articles first")
		sortBy := fs.String("sort", "id", "order by id, title, outlet, published or words")
		desc := fs.Bool("desc", false, "descending order")
		outlet := fs.String("outlet", "", "only articles from this outlet")
		lang := fs.String("language", "", "only articles in this language (ISO 639-1)")
		tag := fs.String("tag", "", "only articles tagged so (see storydiff tags)")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("list takes no arguments")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			q := core.ListQuery{Offset: *offset, Sort: *sortBy, Desc: *desc, Outlet: *outlet, Language: *lang, Tag: *tag}
			out := newArticleWriter(env.Stdout, *asJSON)
			// Page through the archive so that a million articles stream
			// out without being held in memory.
			remaining := *limit
			for {
				q.Limit = 1000
				if *limit > 0 && remaining < q.Limit {
					q.Limit = remaining
				}
				page, err := svc.ListArticles(ctx, q)
				if err != nil {
					return err
				}
				for _, a := range page.Articles {
					if err := out.write(a); err != nil {
						return err
					}
				}
				q.Offset += len(page.Articles)
				remaining -= len(page.Articles)
				if len(page.Articles) < q.Limit || (*limit > 0 && remaining <= 0) {
					break
				}
			}
			return out.close()
		}
	},
}

// articleWriter prints articles as a JSON array or as an aligned table.
type articleWriter struct {
	w     io.Writer
	json  bool
	n     int
	table *tabwriter.Writer
}

func newArticleWriter(w io.Writer, asJSON bool) *articleWriter {
	aw := &articleWriter{w: w, json: asJSON}
	if !asJSON {
		aw.table = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(aw.table, "ID\tPUBLISHED\tWORDS\tLANG\tOUTLET\tTITLE")
	}
	return aw
}

func (aw *articleWriter) write(a core.Article) error {
	if aw.json {
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		sep := ",\n"
		if aw.n == 0 {
			sep = "[\n"
		}
		aw.n++
		_, err = fmt.Fprintf(aw.w, "%s  %s", sep, b)
		return err
	}
	aw.n++
	title := clip(a.Title, 80)
	if a.NoBody {
		title = "[no body] " + title
	}
	_, err := fmt.Fprintf(aw.table, "%d\t%s\t%d\t%s\t%s\t%s\n", a.ID, date(a), a.Words, dash(a.Language), dash(clip(a.Outlet, 24)), title)
	return err
}

func (aw *articleWriter) close() error {
	if aw.json {
		if aw.n == 0 {
			_, err := fmt.Fprintln(aw.w, "[]")
			return err
		}
		_, err := fmt.Fprintln(aw.w, "\n]")
		return err
	}
	return aw.table.Flush()
}

func date(a core.Article) string {
	if a.Published == nil {
		return "-"
	}
	if h, m, s := a.Published.Clock(); h == 0 && m == 0 && s == 0 {
		return a.Published.Format("2006-01-02")
	}
	return a.Published.Format("2006-01-02 15:04")
}

// dash prints a one-line field, "-" when empty.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return termField(s)
}

// clip shortens s to n runes for a table cell, keeping it on one line and
// safe to print.
func clip(s string, n int) string {
	rs := []rune(termField(s))
	if len(rs) > n {
		return string(rs[:n-1]) + "…"
	}
	return string(rs)
}
