package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// The curation commands: edit an article's title, date and outlet (the
// imported values are kept and can be restored), tag articles and events,
// and write a note on either.

var editCommand = &Command{
	Name:    "edit",
	Args:    "[--json] REF [--title T] [--date YYYY-MM-DD] [--outlet O] | REF --revert title|date|outlet|all",
	Summary: "correct an article's title, date or outlet (the imported value is kept; --revert restores it)",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print the article as show --json does")
		var req app.EditRequest
		fs.Func("title", "the article's title", func(s string) error { req.Title = &s; return nil })
		fs.Func("date", "its publication date, YYYY-MM-DD or RFC 3339 (date source: edited, confidence: exact)", func(s string) error { req.Date = &s; return nil })
		fs.Func("outlet", "its outlet", func(s string) error { req.Outlet = &s; return nil })
		revert := fs.String("revert", "", "restore the imported value of title, date, outlet or all (comma-separated)")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("give exactly one article: an id or a file name")
			}
			ref := args[0]
			edits := req.Title != nil || req.Date != nil || req.Outlet != nil
			switch {
			case edits && *revert != "":
				return usagef("article %s: give new values or --revert, not both", ref)
			case !edits && *revert == "":
				return usagef("article %s: give --title, --date or --outlet, or --revert title|date|outlet|all", ref)
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			var a *app.ArticleDetail
			if edits {
				a, err = svc.EditArticle(ctx, ref, req)
			} else {
				a, err = svc.RevertArticle(ctx, ref, strings.Split(*revert, ","))
			}
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, a)
			}
			fmt.Fprintf(env.Stdout, "Article %d\n", a.ID)
			printCuratedFields(env.Stdout, a.Article)
			return nil
		}
	},
}

// printCuratedFields prints the editable fields, each edited one with the
// value it was imported with.
func printCuratedFields(w io.Writer, a core.Article) {
	fmt.Fprintf(w, "Title: %s%s\n", clip(a.Title, 200), editedNote(a, core.FieldTitle))
	fmt.Fprintf(w, "Published: %s%s\n", date(a), editedNote(a, core.FieldDate))
	fmt.Fprintf(w, "Outlet: %s%s\n", dash(a.Outlet), editedNote(a, core.FieldOutlet))
}

// editedNote is " (edited; imported: VALUE)" for an edited field, "" for
// one as imported.
func editedNote(a core.Article, field string) string {
	e := a.EditOf(field)
	if e == nil {
		return ""
	}
	v := e.Imported
	if field == core.FieldDate {
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			v = date(core.Article{Published: &t})
			if e.ImportedFrom != "" {
				v += ", from " + termField(e.ImportedFrom)
			}
		} else {
			v = "undated"
		}
		return fmt.Sprintf(" (edited; imported: %s)", v)
	}
	if v == "" {
		return " (edited; imported: none)"
	}
	return fmt.Sprintf(" (edited; imported: %s)", clip(v, 120))
}

// itemFlag declares --event and returns the item a reference names.
func itemFlag(fs *flag.FlagSet) func(ref string) app.Item {
	event := fs.Bool("event", false, "REF is an event id (from storydiff stories), not an article")
	return func(ref string) app.Item {
		if *event {
			return app.Item{Kind: core.ItemEvent, Ref: ref}
		}
		return app.Item{Kind: core.ItemArticle, Ref: ref}
	}
}

var tagCommand = &Command{
	Name:    "tag",
	Args:    "[--event] [--json] REF [add|remove TAG...]",
	Summary: "tag an article (or with --event an event): add or remove tags; with no verb, print its tags",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print the item's tags as a JSON array")
		item := itemFlag(fs)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) == 0 {
				return usagef("give an article (or with --event an event), then add or remove and the tags")
			}
			it := item(args[0])
			verb, tags := "", args[1:]
			if len(tags) > 0 {
				verb, tags = tags[0], tags[1:]
				if verb != "add" && verb != "remove" {
					return usagef("%s: say add or remove before the tags, not %q", it, verb)
				}
				if len(tags) == 0 {
					return usagef("%s: give at least one tag to %s", it, verb)
				}
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			var got []string
			if verb == "" {
				got, err = svc.ItemTags(ctx, it)
			} else {
				got, err = svc.TagItem(ctx, it, tags, verb == "remove")
			}
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, got)
			}
			if len(got) == 0 {
				fmt.Fprintf(env.Stdout, "%s has no tags.\n", strings.ToUpper(it.String()[:1])+it.String()[1:])
				return nil
			}
			for _, t := range got {
				fmt.Fprintln(env.Stdout, termField(t))
			}
			return nil
		}
	},
}

var tagsCommand = &Command{
	Name:    "tags",
	Args:    "[--json]",
	Summary: "list every tag with how many articles and events carry it",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print [{"tag","articles","events"}]`)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("tags takes no arguments (to tag an item: storydiff tag REF add TAG)")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			tags, err := svc.Tags(ctx)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, tags)
			}
			if len(tags) == 0 {
				fmt.Fprintln(env.Stdout, "No tags yet: storydiff tag REF add TAG tags an article.")
				return nil
			}
			fmt.Fprintf(env.Stdout, "%8s %8s  %s\n", "ARTICLES", "EVENTS", "TAG")
			for _, t := range tags {
				fmt.Fprintf(env.Stdout, "%8d %8d  %s\n", t.Articles, t.Events, termField(t.Tag))
			}
			return nil
		}
	},
}

var noteCommand = &Command{
	Name:    "note",
	Args:    "[--event] [--json] REF [TEXT... | --clear]",
	Summary: "write the note on an article (or with --event an event); with no text, print it",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print {"text","updatedAt"} (null when there is no note)`)
		clear := fs.Bool("clear", false, "remove the note")
		item := itemFlag(fs)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) == 0 {
				return usagef("give an article (or with --event an event), then the note's text")
			}
			it := item(args[0])
			text := strings.Join(args[1:], " ")
			if *clear && text != "" {
				return usagef("%s: give a text or --clear, not both", it)
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			var n *core.Note
			switch {
			case *clear:
				n, err = svc.SetNote(ctx, it, "")
			case text == "":
				n, err = svc.ItemNote(ctx, it)
			default:
				if strings.TrimSpace(text) == "" {
					return usagef("%s: the note is empty (use --clear to remove a note)", it)
				}
				n, err = svc.SetNote(ctx, it, text)
			}
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, n)
			}
			if n == nil {
				fmt.Fprintf(env.Stdout, "%s has no note.\n", strings.ToUpper(it.String()[:1])+it.String()[1:])
				return nil
			}
			fmt.Fprintf(env.Stdout, "Note (changed %s):\n%s\n", n.UpdatedAt.Local().Format("2006-01-02 15:04"), termText(n.Text))
			return nil
		}
	},
}
