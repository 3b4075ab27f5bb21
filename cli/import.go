package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
)

var importCommand = &Command{
	Name:    "import",
	Args:    "[--json] [--max-size MB] [--follow-links] PATH...",
	Summary: "add the article files in folders or files to the archive",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print the summary as JSON")
		noAnalyze := fs.Bool("no-analyze", false, "only store the articles; run storydiff analyze later")
		maxMB := fs.Int64("max-size", ingest.DefaultMaxSize>>20, "skip files larger than this many MB")
		followLinks := fs.Bool("follow-links", false, "follow symbolic links that lead outside the folders and files given (never into /proc, /sys or /dev)")
		return func(ctx context.Context, env *Env, args []string) error {
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
			sum, err := svc.Import(ctx, args, app.ImportOptions{MaxSize: *maxMB << 20, NoAnalyze: *noAnalyze, FollowLinks: *followLinks}, bar.update)
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

func printImportSummary(w io.Writer, s *app.ImportSummary) {
	fmt.Fprintf(w, "Import %d %s: %d files seen, %d articles added, %d already present, %d failed (%.1f s).\n",
		s.ImportID, s.Status, s.FilesSeen, s.Added, s.AlreadyPresent, len(s.Failed), s.Seconds)
	for _, f := range s.Failed {
		fmt.Fprintf(w, "  failed: %s: %s\n", quotePath(f.Path), termField(f.Error))
	}
	if a := s.Analysis; a != nil {
		printAnalyzeSummary(w, a)
	}
	for _, f := range s.Skipped {
		fmt.Fprintf(w, "  skipped: %s: %s\n", quotePath(f.Path), termField(f.Error))
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
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
