package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/report"
)

var reportCommand = &Command{
	Name:    "report",
	Args:    "(--pair REF REF | --story ID | --dupes | --archive [--full]) --format html|pdf|md|csv|json [--raw-csv] [--out FILE|FOLDER]",
	Summary: "write a comparison report with provenance (HTML, PDF, Markdown, CSV or JSON)",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		pair := fs.Bool("pair", false, "report on two articles given as arguments (ids or file names)")
		story := fs.Int64("story", 0, "report on the versions of this story")
		dupes := fs.Bool("dupes", false, "report on every duplicate group")
		archive := fs.Bool("archive", false, "report a summary of the whole archive")
		format := fs.String("format", "html", "html, pdf, md, csv or json")
		out := fs.String("out", "", "write to FILE (atomically) instead of standard output; to a folder, under a name that says what the report holds (storydiff-pair-12-vs-47-TITLE-DATE.html), printed")
		by := fs.String("by", "word", "diff granularity: word, char, sentence or paragraph")
		ignore := fs.String("ignore", "", `"minor" hides minor edits (case, punctuation, spacing, quotes, name variants, boilerplate)`)
		base := fs.String("base", "previous", "compare each story version with the previous, the first, or one version (an id or file name)")
		minSim := fs.Float64("min-similarity", 0, "near-duplicate threshold for --dupes (0: the analysis default)")
		full := fs.Bool("full", false, "with --archive: list every article, duplicate group, story, outlet and language (by default a summary: figures and the 20 largest)")
		rawCSV := fs.Bool("raw-csv", false, "keep CSV cells that start with = + - @ as they are, for R and pandas (by default they get a leading ' so that spreadsheets do not run them)")
		alignMode := fs.String("align", "auto", "how --pair compares: auto (sentences aligned for related versions, the word diff for near-duplicates), aligned or diff")
		return func(ctx context.Context, env *Env, args []string) (err error) {
			req := app.ReportRequest{Format: *format, Base: *base, MinSimilarity: *minSim, Align: *alignMode, RawCSV: *rawCSV,
				Compare: app.CompareOptions{By: *by, IgnoreMinor: *ignore == "minor"}}
			chosen := 0
			for _, on := range []bool{*pair, *story != 0, *dupes, *archive} {
				if on {
					chosen++
				}
			}
			switch {
			case chosen != 1:
				return usagef("choose one of --pair REF REF, --story ID, --dupes or --archive")
			case *full && !*archive:
				return usagef("--full is for --archive")
			case *rawCSV && *format != "csv":
				return usagef("--raw-csv is for --format csv")
			case *ignore != "" && *ignore != "minor":
				return usagef(`--ignore takes "minor"`)
			case *alignMode != "auto" && *alignMode != "aligned" && *alignMode != "diff":
				return usagef("--align is auto, aligned or diff")
			case *pair && len(args) != 2:
				return usagef("--pair takes two articles")
			case !*pair && len(args) != 0:
				return usagef("unexpected arguments %q", args)
			case *pair:
				req.Kind, req.Refs = "pair", args
			case *story != 0:
				req.Kind, req.StoryID = "story", *story
			case *dupes:
				req.Kind = "duplicates"
			default:
				req.Kind, req.Full = "archive", *full
			}
			f, err := report.ParseFormat(*format)
			if err != nil {
				return usagef("--format is html, pdf, md, csv or json")
			}
			if f == report.PDF && *out == "" && env.StdoutIsTerminal {
				return usagef("a PDF is not for the terminal: give --out FILE or redirect the output")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			if *out == "" {
				return svc.Report(ctx, req, env.Stdout)
			}
			path := *out
			if fi, err := os.Stat(path); err == nil && fi.IsDir() {
				// A folder: the report goes in it under the name that says
				// what it holds, and the path is printed for scripts.
				name, err := svc.ReportName(ctx, req)
				if err != nil {
					return err
				}
				path = filepath.Join(path, name)
				defer func() {
					if err == nil {
						_, err = fmt.Fprintln(env.Stdout, path)
					}
				}()
			}
			err = report.WriteFile(path, func(w io.Writer) error { return svc.Report(ctx, req, w) })
			return err
		}
	},
}
