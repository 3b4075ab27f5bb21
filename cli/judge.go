package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// partsFlag collects repeated --part 1,2,3 lists.
type partsFlag [][]int64

func (p *partsFlag) String() string { return "" }

func (p *partsFlag) Set(v string) error {
	var part []int64
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("a part lists article ids separated by commas, not %q", v)
		}
		part = append(part, id)
	}
	if len(part) == 0 {
		return fmt.Errorf("a part lists at least one article id")
	}
	*p = append(*p, part)
	return nil
}

const judgeUsage = `VERDICT ARGS:
      same REF REF             the two report one event (with --duplicate: they are duplicates)
      different REF REF        they report different events (with --duplicate: they are not duplicates)
      remove REF               take the article out of its event
      move REF --to EVENT      move the article to another event
      merge EVENT EVENT        merge two events
      split EVENT --part ID,ID [--part ID...]   split an event (articles in no part form one more part)
      group REF duplicates|not-duplicates|unreviewed   review the duplicate group holding REF
                               (at --min-similarity): unreviewed forgets the review and the copy kept
    or, as before: (--same | --different) [--story] REF REF`

var judgeCommand = &Command{
	Name: "judge",
	Args: judgeUsage,
	Summary: "correct events and duplicates: same, different, remove, move, merge, split; " +
		"applied at once, analysis never overrides it",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		same := fs.Bool("same", false, "they are duplicates (with --story: one event)")
		different := fs.Bool("different", false, "they are not")
		story := fs.Bool("story", false, "with --same or --different: the verdict is about the event, not duplication")
		duplicate := fs.Bool("duplicate", false, "with same or different: the verdict is about duplication")
		to := fs.Int64("to", 0, "with move: the event to move the article to")
		var parts partsFlag
		fs.Var(&parts, "part", "with split: the article ids of one part, separated by commas (repeat for each part)")
		note := fs.String("note", "", "a note kept with the verdict")
		asJSON := fs.Bool("json", false, "print the events the correction touched as JSON")
		minSim := fs.Float64("min-similarity", app.DefaultMinSimilarity(), "with group: the threshold the group is listed at")
		return func(ctx context.Context, env *Env, args []string) error {
			if *same || *different {
				// The form judge always had: a verdict on two articles.
				if len(args) != 2 || *same == *different {
					return usagef("give --same or --different and two articles")
				}
				relation := core.RelationDuplicate
				if *story {
					relation = core.RelationStory
				}
				return judgePair(ctx, env, args[0], args[1], relation, *same, *note)
			}
			if len(args) == 0 {
				return usagef("say what you judge: same, different, remove, move, merge or split")
			}
			verb, rest := args[0], args[1:]
			if verb == "group" {
				if len(rest) != 2 {
					return usagef("judge group takes an article and a verdict: duplicates, not-duplicates or unreviewed")
				}
				if *minSim < 0 || *minSim > 1 {
					return usagef("--min-similarity is between 0 and 1")
				}
				return judgeGroup(ctx, env, rest[0], rest[1], *minSim)
			}
			var c core.Correction
			switch verb {
			case "same", "different":
				if len(rest) != 2 {
					return usagef("judge %s takes two articles", verb)
				}
				relation := core.RelationStory
				if *duplicate {
					relation = core.RelationDuplicate
				}
				return judgePair(ctx, env, rest[0], rest[1], relation, verb == "same", *note)
			case "remove":
				if len(rest) != 1 {
					return usagef("judge remove takes one article")
				}
				c.Kind = core.CorrectRemove
			case "move":
				if len(rest) != 1 || *to <= 0 {
					return usagef("judge move takes one article and --to EVENT")
				}
				c.Kind, c.Event = core.CorrectMove, *to
			case "merge":
				if len(rest) != 2 {
					return usagef("judge merge takes two event ids")
				}
				a, err := parseID(rest[0], "an event id")
				if err != nil {
					return err
				}
				b, err := parseID(rest[1], "an event id")
				if err != nil {
					return err
				}
				c.Kind, c.Event, c.Other = core.CorrectMerge, a, b
			case "split":
				if len(rest) != 1 || len(parts) == 0 {
					return usagef("judge split takes one event id and --part ID,ID for each part")
				}
				id, err := parseID(rest[0], "an event id")
				if err != nil {
					return err
				}
				c.Kind, c.Event, c.Parts = core.CorrectSplit, id, parts
			default:
				return usagef("unknown verdict %q: say same, different, remove, move, merge, split or group", verb)
			}
			c.Note = *note
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			if c.Kind == core.CorrectRemove || c.Kind == core.CorrectMove {
				// An article is named as anywhere else: id, path or hash prefix.
				ev, err := svc.ResolveArticle(ctx, rest[0])
				if err != nil {
					return err
				}
				c.A = ev
			}
			evs, err := svc.Correct(ctx, c)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, evs)
			}
			fmt.Fprintf(env.Stdout, "Recorded: %s.\n", describeCorrection(c))
			for _, e := range evs {
				printEvent(env.Stdout, e)
			}
			return nil
		}
	},
}

func judgePair(ctx context.Context, env *Env, a, b, relation string, same bool, note string) error {
	svc, err := env.Open(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Judge(ctx, a, b, relation, same, note); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "Recorded.")
	return nil
}

// judgeGroup records a verdict on the duplicate group holding ref, as
// dupes lists it at minSim. A verdict of duplicates leaves the copy kept as
// it was; not duplicates has no copy to keep.
func judgeGroup(ctx context.Context, env *Env, ref, verdict string, minSim float64) error {
	keepOld := false
	switch verdict {
	case "duplicates":
		verdict, keepOld = core.GroupDuplicates, true
	case "not-duplicates", "not_duplicates":
		verdict = core.GroupNotDuplicates
	case "unreviewed":
		verdict = ""
	default:
		return usagef("a group's verdict is duplicates, not-duplicates or unreviewed, not %q", verdict)
	}
	svc, err := env.Open(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	g, err := svc.DuplicateGroupOf(ctx, ref, minSim)
	if err != nil {
		return err
	}
	var keep int64
	if keepOld {
		keep = g.Keep
	}
	if err := svc.ReviewDuplicates(ctx, g.Articles, verdict, keep); err != nil {
		return err
	}
	what := "reviewed: " + strings.ReplaceAll(verdict, "_", " ")
	if verdict == "" {
		what = "unreviewed again"
	}
	fmt.Fprintf(env.Stdout, "Recorded: the group of articles %s is %s.\n", joinInts(g.Articles), what)
	return nil
}

func joinInts(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ", ")
}
