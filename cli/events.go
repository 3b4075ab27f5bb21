package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// pageFlags declares --offset, --limit and --search.
func pageFlags(fs *flag.FlagSet, what string) (offset, limit *int, search *string) {
	offset = fs.Int("offset", 0, "skip this many "+what)
	limit = fs.Int("limit", 0, "list at most this many "+what+" (0: all)")
	search = fs.String("search", "", "only "+what+" whose label or titles contain this text")
	return
}

func checkPage(offset, limit int) error {
	if offset < 0 {
		return usagef("--offset is a whole number, not %d", offset)
	}
	if limit < 0 {
		return usagef("--limit is a whole number, not %d", limit)
	}
	return nil
}

func parseID(s, what string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%s is a positive number, not %q", what, s)
	}
	return id, nil
}

var storiesCommand = &Command{
	Name:    "stories",
	Args:    "[--json] [--offset N] [--limit N] [--search Q] [--tag T] [ID]",
	Summary: "events: the versions of one news event (other outlets, translations, updates), the largest first",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print [{"id","label","earliest","thread","articles":[{"id","published","title","outlet","earliest"}]}]`)
		offset, limit, search := pageFlags(fs, "events")
		tag := fs.String("tag", "", "only events a researcher tagged so (every one of them, largest first)")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 1 {
				return usagef("give at most one event id")
			}
			if *tag != "" && (len(args) > 0 || *search != "") {
				return usagef("--tag lists the tagged events: give it without an id or --search")
			}
			if err := checkPage(*offset, *limit); err != nil {
				return err
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			var evs []core.Event
			if len(args) == 1 {
				id, err := parseID(args[0], "an event id")
				if err != nil {
					return err
				}
				e, err := svc.Event(ctx, id)
				if err != nil {
					return err
				}
				evs = []core.Event{*e}
			} else if *tag != "" {
				if evs, err = svc.EventsTagged(ctx, *tag); err != nil {
					return err
				}
			} else if evs, err = svc.Events(ctx, *search, app.Page{Offset: *offset, Limit: *limit}); err != nil {
				return err
			}
			if *asJSON {
				if evs == nil {
					evs = []core.Event{}
				}
				return writeJSON(env.Stdout, evs)
			}
			if len(evs) == 0 && *tag != "" {
				fmt.Fprintf(env.Stdout, "No event is tagged %s.\n", termField(*tag))
			} else if len(evs) == 0 {
				fmt.Fprintln(env.Stdout, "No events: import articles, then run storydiff analyze.")
			}
			for _, e := range evs {
				printEvent(env.Stdout, e)
			}
			return nil
		}
	},
}

func printEvent(w io.Writer, e core.Event) {
	thread := ""
	if e.Thread != 0 {
		thread = fmt.Sprintf(", thread %d", e.Thread)
	}
	versions := "versions"
	if len(e.Articles) == 1 {
		versions = "version"
	}
	fmt.Fprintf(w, "Event %d: %s (%d %s%s)\n", e.ID, clip(e.Label, 90), len(e.Articles), versions, thread)
	if len(e.Tags) > 0 {
		fmt.Fprintf(w, "  Tags: %s\n", termField(strings.Join(e.Tags, ", ")))
	}
	if e.Note != nil {
		fmt.Fprintf(w, "  Note: %s\n", clip(e.Note.Text, 200))
	}
	for _, a := range e.Articles {
		mark := " "
		if a.Earliest {
			mark = "*"
		}
		if a.Pinned {
			mark += "!"
		} else {
			mark += " "
		}
		d := "undated"
		if a.Published != nil {
			d = a.Published.Format("2006-01-02 15:04")
		}
		fmt.Fprintf(w, "  %s %-16s %5d  %s\n", mark, d, a.ID, clip(a.Title, 80))
		if e := a.Estimated; e != nil {
			fmt.Fprintf(w, "     estimated %s to %s (its days without a year, read in the year of article %d)\n", e.From, e.To, e.Anchor)
		}
	}
}

var threadsCommand = &Command{
	Name:    "threads",
	Args:    "[--json] [--offset N] [--limit N] [--search Q] [ID]",
	Summary: "threads: the events of one running topic, the largest first",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print [{"id","label","events":[ids],"articles":[ids]}]; with ID {"thread","events"}`)
		offset, limit, search := pageFlags(fs, "threads")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 1 {
				return usagef("give at most one thread id")
			}
			if err := checkPage(*offset, *limit); err != nil {
				return err
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			if len(args) == 1 {
				id, err := parseID(args[0], "a thread id")
				if err != nil {
					return err
				}
				tv, err := svc.Thread(ctx, id)
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(env.Stdout, tv)
				}
				fmt.Fprintf(env.Stdout, "Thread %d: %s (%d events, %d articles)\n", tv.Thread.ID, clip(tv.Thread.Label, 90), len(tv.Events), len(tv.Thread.Articles))
				for _, e := range tv.Events {
					printEvent(env.Stdout, e)
				}
				return nil
			}
			ths, err := svc.Threads(ctx, *search, app.Page{Offset: *offset, Limit: *limit})
			if err != nil {
				return err
			}
			if *asJSON {
				if ths == nil {
					ths = []core.Thread{}
				}
				return writeJSON(env.Stdout, ths)
			}
			if len(ths) == 0 {
				fmt.Fprintln(env.Stdout, "No threads.")
			}
			for _, t := range ths {
				fmt.Fprintf(env.Stdout, "Thread %d: %s (%d events, %d articles): events %s\n", t.ID, clip(t.Label, 80), len(t.Events), len(t.Articles), joinIDs(t.Events))
			}
			return nil
		}
	},
}

var explainCommand = &Command{
	Name:    "explain",
	Args:    "[--json] REF REF",
	Summary: "how likely two articles report one event, and the evidence for and against, in both texts",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print {"a","b","score","same_event","same_thread","thread","evidence":[{"kind","a_text","b_text","weight"}]}`)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 2 {
				return usagef("give two articles")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			e, err := svc.Explain(ctx, args[0], args[1])
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, e)
			}
			printExplanation(env.Stdout, *e)
			return nil
		}
	},
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func printExplanation(w io.Writer, e core.Explanation) {
	fmt.Fprintf(w, "Articles %d and %d: one event with probability %.2f; same event: %s; same thread: %s.\n",
		e.A, e.B, e.Score, yesNo(e.SameEvent), yesNo(e.SameThread))
	if len(e.Evidence) == 0 {
		fmt.Fprintln(w, "  No evidence either way.")
	}
	for _, v := range e.Evidence {
		fmt.Fprintf(w, "  %+6.2f  %-8s %s", v.Weight, v.Kind, clip(v.AText, 60))
		if v.BText != "" && v.BText != v.AText {
			fmt.Fprintf(w, "  |  %s", clip(v.BText, 60))
		}
		fmt.Fprintln(w)
	}
}

var relatedCommand = &Command{
	Name:    "related",
	Args:    "[--json] [--limit N] REF",
	Summary: "the articles closest to one as versions of its event, each with its evidence",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print [{"a","b","title","score","same_event","same_thread","evidence":[...]}]`)
		limit := fs.Int("limit", 10, "list at most this many articles")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("give one article")
			}
			if *limit <= 0 {
				return usagef("--limit is a positive number, not %d", *limit)
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			rel, err := svc.Related(ctx, args[0], *limit)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, rel)
			}
			if len(rel) == 0 {
				fmt.Fprintln(env.Stdout, "No related articles.")
			}
			if len(rel) > 0 {
				// The number is the probability the two report one event,
				// not their similarity (which `diff` and `dupes` give).
				fmt.Fprintln(env.Stdout, "   id  same-event probability  title")
			}
			for _, e := range rel {
				fmt.Fprintf(env.Stdout, "%5d  %22.2f  %s\n", e.B, e.Score, clip(e.Title, 80))
				for _, v := range e.Evidence[:min(len(e.Evidence), 4)] {
					fmt.Fprintf(env.Stdout, "         %+6.2f  %-8s %s\n", v.Weight, v.Kind, clip(v.AText, 60))
				}
			}
			return nil
		}
	},
}

var correctionsCommand = &Command{
	Name:    "corrections",
	Args:    "[--json]",
	Summary: "every correction of events you made with judge, oldest first",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print [{"id","kind","a","b","event","other","parts","note","created_at"}]`)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("corrections takes no arguments")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			cs, err := svc.Corrections(ctx)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, cs)
			}
			if len(cs) == 0 {
				fmt.Fprintln(env.Stdout, "No corrections.")
			}
			for _, c := range cs {
				fmt.Fprintf(env.Stdout, "%d  %s  %s\n", c.ID, c.CreatedAt.Format("2006-01-02 15:04"), describeCorrection(c))
			}
			return nil
		}
	},
}

// describeCorrection says a correction in words, with its note, as judge
// took it.
func describeCorrection(c core.Correction) string {
	if c.Note != "" {
		return termField(c.Describe() + " (" + c.Note + ")")
	}
	return termField(c.Describe())
}
