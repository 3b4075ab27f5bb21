package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/storydiff/storydiff/app"
)

var analyzeCommand = &Command{
	Name:    "analyze",
	Args:    "[--json] [--incremental]",
	Summary: "find boilerplate, repeated passages, duplicates and stories again over the whole archive",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print the summary as JSON")
		incremental := fs.Bool("incremental", false, "only analyse articles not analysed yet (as import does)")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("analyze takes no arguments")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			bar := newBar(env, "analysing")
			sum, err := svc.Analyze(ctx, app.AnalyzeOptions{Full: !*incremental}, bar.update)
			bar.finish()
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, sum)
			}
			printAnalyzeSummary(env.Stdout, sum)
			return nil
		}
	},
}

func printAnalyzeSummary(w io.Writer, a *app.AnalyzeSummary) {
	fmt.Fprintf(w, "Analysis: %d articles (%d analysed now): %d exact and %d near-duplicate groups, %d articles with repeated passages, %d events (%d of two or more versions) in %d threads (%.1f s).\n",
		a.Articles, a.Analysed, a.ExactGroups, a.NearGroups, a.Repeats, a.Events, a.Versioned, a.Threads, a.Seconds)
}

var dupesCommand = &Command{
	Name:    "dupes",
	Args:    "[--json] [--min-similarity X]",
	Summary: "exact and near-duplicate groups",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print {"groups":[{"kind","similarity","articles"}]}`)
		minSim := fs.Float64("min-similarity", app.DefaultMinSimilarity(), "least similarity (0-1) of a near-duplicate")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("dupes takes no arguments")
			}
			if *minSim < 0 || *minSim > 1 {
				return usagef("--min-similarity is between 0 and 1")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			groups, err := svc.DuplicateGroups(ctx, *minSim)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, map[string]any{"groups": groups})
			}
			if len(groups) == 0 {
				fmt.Fprintln(env.Stdout, "No duplicates.")
				return nil
			}
			for _, g := range groups {
				fmt.Fprintf(env.Stdout, "%s duplicates, similarity %.3f:\n", g.Kind, g.Similarity)
				for _, a := range g.Members {
					fmt.Fprintf(env.Stdout, "  %d  %s\n", a.ID, clip(a.Title, 90))
					for _, p := range a.Paths {
						fmt.Fprintf(env.Stdout, "      %s\n", quotePath(p))
					}
				}
			}
			return nil
		}
	},
}

var repeatsCommand = &Command{
	Name:    "repeats",
	Args:    "[--json] [REF]",
	Summary: "passages repeated inside one article (or every article that has any)",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print [{"article","passages":[{"text","occurrences":[{"start","end"}]}]}]`)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 1 {
				return usagef("give at most one article")
			}
			ref := ""
			if len(args) == 1 {
				ref = args[0]
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			reps, err := svc.Repeats(ctx, ref)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, reps)
			}
			for _, r := range reps {
				for _, p := range r.Passages {
					var at []string
					for _, o := range p.Occurrences {
						at = append(at, fmt.Sprintf("%d-%d", o.Start, o.End))
					}
					fmt.Fprintf(env.Stdout, "Article %d, %d times (at %s): %s\n", r.Article, len(p.Occurrences), strings.Join(at, ", "), clip(p.Text, 160))
				}
				if len(r.Passages) == 0 {
					fmt.Fprintf(env.Stdout, "Article %d repeats no passage.\n", r.Article)
				}
			}
			return nil
		}
	},
}

var passagesCommand = &Command{
	Name:    "passages",
	Args:    "[--json] REF REF",
	Summary: "passages two articles share (text reuse), exact or reworded",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print [{"a":{"start","end"},"b":{"start","end"},"score","text","b_text","exact"}]`)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 2 {
				return usagef("give two articles")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			ps, err := svc.Passages(ctx, args[0], args[1])
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, ps)
			}
			if len(ps) == 0 {
				fmt.Fprintln(env.Stdout, "The two articles share no passage.")
			}
			for _, p := range ps {
				kind := "exact"
				if !p.Exact {
					kind = "reworded"
				}
				fmt.Fprintf(env.Stdout, "A %d-%d, B %d-%d, %s, score %.2f\n  A: %s\n", p.A.Start, p.A.End, p.B.Start, p.B.End, kind, p.Score, clip(p.Text, 160))
				if !p.Exact {
					fmt.Fprintf(env.Stdout, "  B: %s\n", clip(p.BText, 160))
				}
			}
			return nil
		}
	},
}

var keepCommand = &Command{
	Name:    "keep",
	Args:    "REF",
	Summary: "choose the copy to keep in the duplicate group the article belongs to",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("give the article to keep")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			if err := svc.Keep(ctx, args[0], nil); err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, "Recorded.")
			return nil
		}
	},
}
