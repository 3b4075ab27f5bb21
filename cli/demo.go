package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
)

func init() { Register(demoCommand) }

var demoCommand = &Command{
	Name:    "demo",
	Args:    "[--json]",
	Summary: "make and open a sample archive beside yours (the seed articles, analysed) and say what to try",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print what the sample holds as JSON")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("demo takes no arguments")
			}
			home, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer home.Close()
			_, smp, err := home.OpenSample(ctx)
			if err != nil {
				return err
			}
			if *asJSON {
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(smp)
			}
			sd := "storydiff --db " + shellQuote(smp.Path)
			w := env.Stdout
			fmt.Fprintf(w, "The sample archive is %s: %d articles from %s, analysed.\n", smp.Path, smp.Count, smp.Articles)
			fmt.Fprintf(w, "Your own archive (%s) was not changed.\n\nTry:\n", home.DBPath())
			try := func(what, cmd string, args ...any) {
				fmt.Fprintf(w, "  %s\n      %s %s\n", what, sd, fmt.Sprintf(cmd, args...))
			}
			try("the app in a browser, with timelines, reuse networks and the archive overview:", "serve")
			if smp.Repeated != 0 {
				try("a passage repeated inside one article:", "repeats %d", smp.Repeated)
			}
			try("the events (versions of one news story) and the thread joining them:", "stories")
			if smp.Duplicate[0] != 0 {
				try("a republished copy, and what it changed:", "diff %d %d", smp.Duplicate[0], smp.Duplicate[1])
			}
			if smp.Event != 0 {
				try("a report of one event:", "report --story %d --format html --out story.html", smp.Event)
			}
			return nil
		}
	},
}

// shellQuote quotes a path for a POSIX shell when it needs it, so the lines
// printed can be pasted as they are.
func shellQuote(p string) string {
	if p != "" && strings.IndexFunc(p, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:,@", r))
	}) < 0 {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}
