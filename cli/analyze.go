package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
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
	if a.SeveralPaths > 0 {
		fmt.Fprintf(w, "%s found at more than one path and duplicated by no other (storydiff dupes --paths).\n", severalPaths(a.SeveralPaths))
	}
}

var dupesCommand = &Command{
	Name:    "dupes",
	Args:    "[--json] [--min-similarity X] [--unreviewed | --reviewed] [--offset N] [--limit N] | --paths",
	Summary: "duplicate groups to review: near-duplicates first, then exact copies, with the totals",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print {"min_similarity","show","counts":{"groups","near","exact","reviewed","unreviewed","several_paths"},"total","offset","groups":[{"kind","similarity","articles","keep","review"}]}`)
		minSim := fs.Float64("min-similarity", app.DefaultMinSimilarity(), "least similarity (0-1) of a near-duplicate")
		unreviewed := fs.Bool("unreviewed", false, "only the groups not reviewed yet")
		reviewed := fs.Bool("reviewed", false, "only the groups reviewed")
		paths := fs.Bool("paths", false, "list the articles found at more than one path instead (one article each: nothing to review)")
		offset := fs.Int("offset", 0, "skip this many groups")
		limit := fs.Int("limit", 0, "show at most this many groups (0: all)")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("dupes takes no arguments")
			}
			if *minSim < 0 || *minSim > 1 {
				return usagef("--min-similarity is between 0 and 1")
			}
			if *unreviewed && *reviewed {
				return usagef("give --unreviewed or --reviewed, not both")
			}
			if *offset < 0 || *limit < 0 {
				return usagef("--offset and --limit are 0 or more")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			pg := app.Page{Offset: *offset, Limit: *limit}
			if *paths {
				sp, err := svc.SeveralPaths(ctx, pg)
				if err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(env.Stdout, sp)
				}
				fmt.Fprintf(env.Stdout, "%s found at more than one path.\n", severalPaths(sp.Total))
				for _, a := range sp.Articles {
					fmt.Fprintf(env.Stdout, "  %d  %s\n", a.ID, clip(a.Title, 90))
					for _, p := range a.Paths {
						fmt.Fprintf(env.Stdout, "      %s\n", quotePath(p))
					}
				}
				return nil
			}
			show := app.ShowAll
			switch {
			case *unreviewed:
				show = app.ShowUnreviewed
			case *reviewed:
				show = app.ShowReviewed
			}
			q, err := svc.DuplicateQueue(ctx, app.DuplicateQuery{MinSimilarity: *minSim, Show: show, Page: pg})
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, q)
			}
			printDupesSummary(env.Stdout, q)
			for _, g := range q.Groups {
				fmt.Fprintf(env.Stdout, "%s duplicates, similarity %.3f, %s:\n", g.Kind, g.Similarity, reviewState(g))
				for _, a := range g.Members {
					kept := ""
					if a.ID == g.Keep {
						kept = "  [kept]"
					}
					fmt.Fprintf(env.Stdout, "  %d  %s%s\n", a.ID, clip(a.Title, 90), kept)
					for _, p := range a.Paths {
						fmt.Fprintf(env.Stdout, "      %s\n", quotePath(p))
					}
				}
			}
			return nil
		}
	},
}

// printDupesSummary says how many groups there are in all, whatever part
// is listed.
func printDupesSummary(w io.Writer, q *app.DuplicateQueue) {
	c := q.Counts
	fmt.Fprintf(w, "%s at similarity %.2f: %d near, %d exact; %d reviewed, %d unreviewed.\n",
		plural(c.Groups, "duplicate group"), q.MinSimilarity, c.Near, c.Exact, c.Reviewed, c.Unreviewed)
	if c.SeveralPaths > 0 {
		fmt.Fprintf(w, "%s found at more than one path (storydiff dupes --paths lists them).\n", severalPaths(c.SeveralPaths))
	}
	what := map[string]string{app.ShowAll: "groups", app.ShowReviewed: "reviewed groups", app.ShowUnreviewed: "unreviewed groups"}[q.Show]
	switch {
	case q.Total == 0:
		fmt.Fprintf(w, "No %s.\n", what)
	case len(q.Groups) < q.Total:
		fmt.Fprintf(w, "Showing %s %d-%d of %d.\n", what, q.Offset+1, q.Offset+len(q.Groups), q.Total)
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func severalPaths(n int) string {
	if n == 1 {
		return "1 article was"
	}
	return fmt.Sprintf("%d articles were", n)
}

func reviewState(g app.DuplicateGroup) string {
	if g.Review == nil {
		if len(g.Earlier) > 0 {
			return "unreviewed (a review of its earlier members exists)"
		}
		return "unreviewed"
	}
	if g.Review.Verdict == core.GroupNotDuplicates {
		return "reviewed: not duplicates"
	}
	return "reviewed: duplicates"
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
	Args:    "[--min-similarity X] REF",
	Summary: "choose the copy to keep in the duplicate group the article belongs to (the group is then reviewed: duplicates)",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		minSim := fs.Float64("min-similarity", app.DefaultMinSimilarity(), "the threshold the group is listed at")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("give the article to keep")
			}
			if *minSim < 0 || *minSim > 1 {
				return usagef("--min-similarity is between 0 and 1")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			g, err := svc.DuplicateGroupOf(ctx, args[0], *minSim)
			if err != nil {
				return err
			}
			if err := svc.Keep(ctx, args[0], g.Articles); err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, "Recorded.")
			return nil
		}
	},
}
