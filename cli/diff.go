package cli

import (
	"context"
	"flag"
	"fmt"
	"html"
	"io"
	"runtime/debug"
	"strconv"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/diffing/render"
)

var diffCommand = &Command{
	Name:    "diff",
	Args:    "[--by word|char|sentence|paragraph] [--ignore minor] [--json] [--format text|html] (REF REF | --story ID)",
	Summary: "word-level diff of two articles, or of a story's versions in date order",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		by := fs.String("by", "word", "granularity: word, char, sentence or paragraph")
		ignore := fs.String("ignore", "", `"minor" hides minor edits (case, punctuation, spacing, quotes, name variants, boilerplate)`)
		asJSON := fs.Bool("json", false, "print the operations as JSON")
		format := fs.String("format", "text", "text (coloured on a terminal) or html (an escaped fragment)")
		story := fs.Int64("story", 0, "diff each version of this story against the previous one")
		return func(ctx context.Context, env *Env, args []string) error {
			if *ignore != "" && *ignore != "minor" {
				return usagef(`--ignore takes "minor"`)
			}
			if *format != "text" && *format != "html" {
				return usagef("--format is text or html")
			}
			opt := app.CompareOptions{By: *by, IgnoreMinor: *ignore == "minor"}
			if *story == 0 && len(args) != 2 {
				return usagef("give two articles, or --story ID")
			}
			if *story != 0 && len(args) != 0 {
				return usagef("give either two articles or --story ID, not both")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			if *story == 0 {
				// One diff allocates a few times its texts and the process
				// ends with it: collecting at the default pace (a 4 MB heap
				// goal) ran the collector seven times for two 200 KB
				// articles, a sixth of the command's CPU. A story's diffs
				// are kept together, so it keeps the default.
				defer debug.SetGCPercent(debug.SetGCPercent(oneDiffGCPercent))
			}
			var cs []*app.Comparison
			if *story != 0 {
				cs, err = svc.CompareStory(ctx, *story, opt)
			} else {
				var c *app.Comparison
				c, err = svc.Compare(ctx, args[0], args[1], opt)
				cs = []*app.Comparison{c}
			}
			if err != nil {
				return err
			}
			if *asJSON {
				if *story != 0 {
					return writeJSON(env.Stdout, map[string]any{"story": *story, "diffs": cs})
				}
				return writeComparisonJSON(env.Stdout, cs[0])
			}
			ropt := render.Options{Color: env.StdoutIsTerminal && *format == "text", HideMinor: opt.IgnoreMinor}
			for _, c := range cs {
				printComparison(env.Stdout, c, *format, ropt)
			}
			return nil
		}
	},
}

// oneDiffGCPercent is the collector's pace while one diff runs: the heap
// may grow to five times what is live (tens of MB for long articles) before
// a collection.
const oneDiffGCPercent = 400

func printComparison(w io.Writer, c *app.Comparison, format string, ropt render.Options) {
	st := c.Stats
	header := fmt.Sprintf("Article %d -> %d: similarity %.3f; changed words %.1f%%; %d words inserted, %d deleted, %d moved (%d moves); %d paragraphs changed; %d minor edits",
		c.A, c.B, c.Similarity, 100*st.ChangedShare, st.WordsInserted, st.WordsDeleted, st.WordsMoved, st.Moves, st.ParagraphsChanged, st.MinorEdits)
	if c.Degraded {
		header += "; coarser than asked: " + c.Reason
	}
	if format == "html" {
		fmt.Fprintf(w, "<section class=\"storydiff-diff\" data-a=\"%s\" data-b=\"%s\">\n<p>%s</p>\n%s\n</section>\n",
			strconv.FormatInt(c.A, 10), strconv.FormatInt(c.B, 10), htmlEscape(header), render.HTML(c.Result, ropt))
		return
	}
	// Written as it is rendered: the diff of two long articles is as long
	// as both, and a copy of it in a string and another in fmt's buffer
	// were a third of the memory the command touched.
	io.WriteString(w, header+"\n\n")
	render.WriteText(w, c.Result, ropt)
	io.WriteString(w, "\n")
}

func htmlEscape(s string) string { return html.EscapeString(s) }
