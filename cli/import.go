package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
)

var importCommand = &Command{
	Name:    "import",
	Args:    "[--json] [--analysis DIR | [--max-size MB] [--follow-links] [--field ROLE=FIELD]... [--date-format LAYOUT] [--outlet NAME | --outlet-from folder] PATH...]",
	Summary: "add the article files in folders or files to the archive",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print the summary as JSON")
		noAnalyze := fs.Bool("no-analyze", false, "only store the articles; run storydiff analyze later")
		maxMB := fs.Int64("max-size", ingest.DefaultMaxSize>>20, "skip files larger than this many MB")
		followLinks := fs.Bool("follow-links", false, "follow symbolic links that lead outside the folders and files given (never into /proc, /sys or /dev)")
		var fields stringList
		fs.Var(&fields, "field", "read a role from a field of JSON, JSONL, CSV and TSV records, ROLE=FIELD (repeatable; roles: "+
			strings.Join(ingest.FieldRoles, ", ")+"), e.g. --field date=pubdate --field text=body_text")
		dateFormat := fs.String("date-format", "", "read date fields in this layout as well as the usual ones (ISO 8601, RFC 1123/2822, Unix seconds or milliseconds, 26-FEB-1987 15:01:01.79): "+
			"strftime's form when it holds %, e.g. '%d/%m/%Y %H:%M', else Go's layout written with its reference time, e.g. '02/01/2006 15:04'")
		outlet := fs.String("outlet", "", "name the outlet of every article imported, over what the articles say")
		outletFrom := fs.String("outlet-from", "", "'folder': name each article's outlet after the first folder under the path given, over what the articles say")
		analysis := fs.String("analysis", "", "merge the analysis folder DIR written by storydiff-pipeline into a new archive, without analysing again")
		return func(ctx context.Context, env *Env, args []string) error {
			if *analysis != "" {
				if len(args) > 0 {
					return usagef("--analysis takes the folder the pipeline wrote, and no other paths")
				}
				return importAnalysis(ctx, env, *analysis, *asJSON)
			}
			if len(args) == 0 {
				return usagef("give at least one folder or file to import")
			}
			if *maxMB <= 0 {
				return usagef("--max-size must be a positive number of MB")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			bar := newBar(env, "importing")
			sum, err := svc.Import(ctx, args, app.ImportOptions{MaxSize: *maxMB << 20, NoAnalyze: *noAnalyze, FollowLinks: *followLinks,
				Fields: fields, DateFormat: *dateFormat, Outlet: *outlet, OutletFrom: *outletFrom}, bar.update)
			bar.finish()
			if sum != nil {
				if *asJSON {
					if err := writeJSON(env.Stdout, sum); err != nil {
						return err
					}
				} else {
					printImportSummary(env.Stdout, sum)
				}
			}
			if err != nil {
				return err
			}
			if sum.Status == "canceled" {
				return core.Errorf(core.ECANCELED, "import canceled: what was stored stays; run the same import again to complete it")
			}
			// A script must see that nothing came in: every file failed.
			if len(sum.Failed) > 0 && sum.Added == 0 && sum.AlreadyPresent == 0 {
				return core.Errorf(core.EINVALID, "no file could be imported: %d failed (listed above)", len(sum.Failed))
			}
			return nil
		}
	},
}

func importAnalysis(ctx context.Context, env *Env, dir string, asJSON bool) error {
	svc, err := env.Open(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	bar := newBar(env, "merging")
	sum, err := svc.ImportAnalysis(ctx, dir, bar.update)
	bar.finish()
	if sum != nil {
		if asJSON {
			if err := writeJSON(env.Stdout, sum); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(env.Stdout, "Analysis %s %s: %d articles added, %d already present, %d pairs, %d links, %d events, %d threads (%.1f s).\n",
				sum.ID, sum.Status, sum.Added, sum.Present, sum.Pairs, sum.Links, sum.Events, sum.Threads, sum.Seconds)
		}
	}
	if err != nil {
		return err
	}
	if sum.Status == "canceled" {
		return core.Errorf(core.ECANCELED, "merge canceled: what was stored stays; run the same command again to complete it")
	}
	return nil
}

func printImportSummary(w io.Writer, s *app.ImportSummary) {
	body := ""
	if s.NoBody > 0 {
		body = fmt.Sprintf(" (%d from a title alone, without a body)", s.NoBody)
	}
	fmt.Fprintf(w, "Import %d %s: %d files seen, %d articles added%s, %d already present, %d failed (%.1f s).\n",
		s.ImportID, s.Status, s.FilesSeen, s.Added, body, s.AlreadyPresent, len(s.Failed), s.Seconds)
	if s.Added > 0 {
		fmt.Fprintf(w, "Dates of the articles added: %d from a field or tag, %d from a dateline, byline or top line, %d inferred from page markup, %d undated.\n",
			s.Dates[core.DateExact], s.Dates[core.DateText], s.Dates[core.DateInferred], s.Dates["undated"])
	}
	printByReason(w, "Failed", "failed", s.FailedByReason)
	printByReason(w, "Notes", "note", s.NotesByReason)
	if a := s.Analysis; a != nil {
		printAnalyzeSummary(w, a)
	}
	printByReason(w, "Skipped", "skipped", core.ByReason(s.Skipped, 3))
	if len(s.Failed) > 0 || len(s.Notes) > 0 {
		fmt.Fprintf(w, "Every failure and note: storydiff imports %d\n", s.ImportID)
	}
}

// printByReason prints how many files or records went one way for each
// reason, with a few of them: a collection's 2,500 briefs that fail alike
// are one line, not 2,500.
func printByReason(w io.Writer, title, label string, rs []core.ReasonCount) {
	if len(rs) == 0 {
		return
	}
	fmt.Fprintf(w, "%s, by reason:\n", title)
	for _, r := range rs {
		fmt.Fprintf(w, "  %d  %s\n", r.Count, termField(r.Reason))
		for _, e := range r.Examples {
			fmt.Fprintf(w, "      %s: %s: %s\n", label, quotePath(e.Path), termField(e.Error))
		}
		if more := r.Count - len(r.Examples); more > 0 {
			fmt.Fprintf(w, "      and %d more\n", more)
		}
	}
}

// writeJSON writes v as indented JSON, HTML characters as they are.
func writeJSON(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(indentJSON(make([]byte, 0, compact.Len()*3/2), compact.Bytes()))
	return err
}

// progressBar draws a bar on a terminal and nothing otherwise.
type progressBar struct {
	env   *Env
	label string
	bar   *progressbar.ProgressBar
	stage string
}

func newBar(env *Env, label string) *progressBar {
	return &progressBar{env: env, label: label}
}

func (b *progressBar) update(p core.Progress) {
	if !b.env.StderrIsTerminal || p.Total <= 0 {
		return
	}
	if b.bar == nil || b.stage != p.Stage {
		if b.bar != nil {
			_ = b.bar.Finish()
		}
		b.stage = p.Stage
		b.bar = progressbar.NewOptions(p.Total,
			progressbar.OptionSetWriter(b.env.Stderr),
			progressbar.OptionSetDescription(p.Stage),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = b.bar.Set(p.Done)
}

func (b *progressBar) finish() {
	if b.bar != nil {
		_ = b.bar.Finish()
	}
}
