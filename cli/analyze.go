package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
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
	fmt.Fprintf(w, "Analysis: %d articles (%d analysed now): %d exact and %d near-duplicate groups, %d articles with repeated passages, %d stories (%.1f s).\n",
		a.Articles, a.Analysed, a.ExactGroups, a.NearGroups, a.Repeats, a.Stories, a.Seconds)
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

var storiesCommand = &Command{
	Name:    "stories",
	Args:    "[--json] [ID]",
	Summary: "related versions of one story, in date order, the earliest marked",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, `print [{"id","label","articles":[{"id","published","title"}]}]`)
		return func(ctx context.Context, env *Env, args []string) error {
			var id int64
			if len(args) > 1 {
				return usagef("give at most one story id")
			}
			if len(args) == 1 {
				var err error
				if id, err = strconv.ParseInt(args[0], 10, 64); err != nil || id <= 0 {
					return usagef("a story id is a positive number")
				}
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			sts, err := svc.Stories(ctx, id)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, sts)
			}
			if len(sts) == 0 {
				fmt.Fprintln(env.Stdout, "No stories with more than one version.")
			}
			for _, st := range sts {
				fmt.Fprintf(env.Stdout, "Story %d: %s (%d versions)\n", st.ID, clip(st.Label, 90), len(st.Articles))
				for _, a := range st.Articles {
					mark := " "
					if a.Earliest {
						mark = "*"
					}
					d := "undated"
					if a.Published != nil {
						d = a.Published.Format("2006-01-02 15:04")
					}
					fmt.Fprintf(env.Stdout, "  %s %-16s %5d  %s\n", mark, d, a.ID, clip(a.Title, 80))
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

var judgeCommand = &Command{
	Name:    "judge",
	Args:    "(--same | --different) [--story] [--note TEXT] REF REF",
	Summary: "record your verdict on two articles: duplicates (or same story) or not; analysis never overrides it",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		same := fs.Bool("same", false, "they are duplicates (with --story: versions of one story)")
		different := fs.Bool("different", false, "they are not")
		story := fs.Bool("story", false, "the verdict is about the story, not duplication")
		note := fs.String("note", "", "a note kept with the verdict")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 2 || *same == *different {
				return usagef("give --same or --different and two articles")
			}
			relation := "duplicate"
			if *story {
				relation = "story"
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			if err := svc.Judge(ctx, args[0], args[1], relation, *same, *note); err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, "Recorded.")
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
