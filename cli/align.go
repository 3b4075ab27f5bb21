package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/app"
)

var alignCommand = &Command{
	Name:    "align",
	Args:    "[--mode aligned|diff] [--json] (REF REF | --story ID)",
	Summary: "sentences of two articles side by side, or a story's versions collated",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print the rows as JSON")
		mode := fs.String("mode", "", "aligned (sentences paired) or diff (the word diff in rows); default: chosen by how alike the two are")
		story := fs.Int64("story", 0, "collate the versions of this story in date order")
		return func(ctx context.Context, env *Env, args []string) error {
			if *story == 0 && len(args) != 2 {
				return usagef("give two articles, or --story ID")
			}
			if *story != 0 && len(args) != 0 {
				return usagef("give either two articles or --story ID, not both")
			}
			if *mode != "" && *mode != align.ModeAligned && *mode != align.ModeDiff {
				return usagef("--mode is aligned or diff")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			color := env.StdoutIsTerminal
			if *story != 0 {
				st, err := svc.Collate(ctx, *story, app.AlignOptions{})
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(env.Stdout, st)
				}
				printCollation(env.Stdout, st, color)
				return nil
			}
			r, err := svc.Align(ctx, args[0], args[1], app.AlignOptions{Mode: *mode})
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, r)
			}
			printAlignment(env.Stdout, r, color)
			return nil
		}
	},
}

const (
	ansiReset = "\x1b[0m"
	ansiDel   = "\x1b[31;9m" // red, struck through: as diff prints deletions
	ansiIns   = "\x1b[32m"   // green
	ansiFaint = "\x1b[2m"
)

// printAlignment writes the rows as A/B blocks: a line saying how the row
// stands (paired with its score, moved, or on one side only), then A's
// wording with its deleted words marked [-so-] and B's with the inserted
// ones marked {+so+}, the marks of the diff command.
func printAlignment(w io.Writer, r *align.Result, color bool) {
	var paired, moved, onlyA, onlyB int
	for _, row := range r.Rows {
		switch {
		case row.A == nil:
			onlyB++
		case row.B == nil:
			onlyA++
		default:
			paired++
		}
		if row.Moved {
			moved++
		}
	}
	how := "sentences aligned"
	if r.Mode == align.ModeDiff {
		how = "near-duplicates: word diff in rows"
	}
	fmt.Fprintf(w, "Article %d -> %d (%s): %d rows, %d paired, %d moved, %d only in A, %d only in B\n",
		r.A, r.B, how, len(r.Rows), paired, moved, onlyA, onlyB)
	for k, row := range r.Rows {
		fmt.Fprintf(w, "\n%s\n", rowHeading(k+1, row, color))
		// A sentence on one side only is not marked word by word: the
		// heading says it stands alone.
		switch {
		case row.A != nil && row.B == nil:
			fmt.Fprintf(w, "  A %s\n", indent(strings.TrimSpace(termText(row.A.Text))))
		case row.A != nil:
			fmt.Fprintf(w, "  A %s\n", indent(sideText(row.Ops, "delete", color)))
		default:
			fmt.Fprintf(w, "  A %s\n", faint("(nothing)", color))
		}
		switch {
		case row.B != nil && row.A == nil:
			fmt.Fprintf(w, "  B %s\n", indent(strings.TrimSpace(termText(row.B.Text))))
		case row.B != nil:
			fmt.Fprintf(w, "  B %s\n", indent(sideText(row.Ops, "insert", color)))
		default:
			fmt.Fprintf(w, "  B %s\n", faint("(nothing)", color))
		}
	}
}

func rowHeading(n int, row align.Row, color bool) string {
	var parts []string
	switch {
	case row.A == nil:
		parts = append(parts, "only in B")
	case row.B == nil:
		parts = append(parts, "only in A")
	case row.Score > 0:
		parts = append(parts, fmt.Sprintf("score %.2f", row.Score))
	}
	if row.Moved {
		parts = append(parts, "moved")
	}
	h := fmt.Sprintf("#%d", n)
	if len(parts) > 0 {
		h += " " + strings.Join(parts, ", ")
	}
	return faint(h, color)
}

// sideText rebuilds one side of a row from its ops: the equal runs and the
// runs of kind (delete for A, insert for B), marked.
func sideText(ops []align.Op, kind string, color bool) string {
	var b strings.Builder
	open, close, ansi := "[-", "-]", ansiDel
	if kind == "insert" {
		open, close, ansi = "{+", "+}", ansiIns
	}
	for _, op := range ops {
		switch op.Kind {
		case "equal":
			b.WriteString(termText(op.Text))
		case kind:
			// White space around a change stays outside the marks, so that
			// a changed sentence's paragraph break does not read as changed.
			text := termText(op.Text)
			core := strings.TrimSpace(text)
			if core == "" {
				b.WriteString(text)
				continue
			}
			lead := text[:strings.Index(text, core)]
			trail := text[len(lead)+len(core):]
			b.WriteString(lead)
			if color {
				b.WriteString(ansi)
			}
			b.WriteString(open + core + close)
			if color {
				b.WriteString(ansiReset)
			}
			b.WriteString(trail)
		}
	}
	return strings.TrimSpace(b.String())
}

// printCollation writes each row of a story's collation: which version
// carried it first and how many carry it, then each version's wording
// with its differences from the first wording marked.
func printCollation(w io.Writer, st *align.Story, color bool) {
	var single int
	for _, r := range st.Rows {
		if r.Count == 1 {
			single++
		}
	}
	fmt.Fprintf(w, "Story %d: %d versions in date order (%s); %d rows, %d in one version only\n",
		st.Story, len(st.Versions), joinIDs(st.Versions), len(st.Rows), single)
	for k, r := range st.Rows {
		h := fmt.Sprintf("#%d first in article %d, in %d of %d versions", k+1, r.First, r.Count, len(st.Versions))
		if r.Count == 1 {
			h = fmt.Sprintf("#%d only in article %d", k+1, r.First)
		}
		fmt.Fprintf(w, "\n%s\n", faint(h, color))
		for _, c := range r.Cells {
			if c == nil {
				continue
			}
			text := termText(c.Text)
			if len(c.Ops) > 0 {
				text = cellText(c.Ops, color)
			}
			fmt.Fprintf(w, "  %d: %s\n", c.Article, indent(strings.TrimSpace(text)))
		}
	}
}

// cellText shows a cell's wording against the row's first: its inserted
// words marked {+so+} and the first wording's words it dropped [-so-].
func cellText(ops []align.Op, color bool) string {
	var b strings.Builder
	for _, op := range ops {
		text := termText(op.Text)
		switch op.Kind {
		case "equal":
			b.WriteString(text)
		case "delete":
			b.WriteString(mark("[-", text, "-]", ansiDel, color))
		case "insert":
			b.WriteString(mark("{+", text, "+}", ansiIns, color))
		}
	}
	return b.String()
}

func mark(open, text, close, ansi string, color bool) string {
	if color {
		return ansi + open + text + close + ansiReset
	}
	return open + text + close
}

func faint(s string, color bool) string {
	if color {
		return ansiFaint + s + ansiReset
	}
	return s
}

// indent keeps a row's later paragraphs under its first, after the label.
func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }

func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return strings.Join(s, ", ")
}
