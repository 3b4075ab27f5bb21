package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/core"
)

var importsCommand = &Command{
	Name:    "imports",
	Args:    "[--json] [ID]",
	Summary: "list past import runs with their counts and failures by reason; with an ID, one run with every failure and note",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON (every failure and note of each run)")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 1 {
				return usagef("give at most one import id")
			}
			var only int64
			if len(args) == 1 {
				id, err := strconv.ParseInt(args[0], 10, 64)
				if err != nil || id <= 0 {
					return usagef("%q is not an import id (a number, as storydiff imports lists them)", args[0])
				}
				only = id
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			ims, err := svc.Imports(ctx)
			if err != nil {
				return err
			}
			if only != 0 {
				var found []core.Import
				for _, im := range ims {
					if im.ID == only {
						found = append(found, im)
					}
				}
				if len(found) == 0 {
					return core.Errorf(core.ENOTFOUND, "no import %d in the archive", only)
				}
				if *asJSON {
					return writeJSON(env.Stdout, found[0])
				}
				printImport(env, found[0])
				for _, e := range found[0].Errors {
					fmt.Fprintf(env.Stdout, "  failed: %s: %s\n", quotePath(e.Path), termField(e.Error))
				}
				for _, e := range found[0].Notes {
					fmt.Fprintf(env.Stdout, "  note: %s: %s\n", quotePath(e.Path), termField(e.Error))
				}
				return nil
			}
			if *asJSON {
				return writeJSON(env.Stdout, ims)
			}
			for _, im := range ims {
				printImport(env, im)
				for _, r := range core.ByReason(im.Errors, 0) {
					fmt.Fprintf(env.Stdout, "  failed: %d  %s\n", r.Count, termField(r.Reason))
				}
				for _, r := range core.ByReason(im.Notes, 0) {
					fmt.Fprintf(env.Stdout, "  note: %d  %s\n", r.Count, termField(r.Reason))
				}
			}
			if len(ims) > 0 {
				fmt.Fprintln(env.Stdout, "Every failure and note of one run: storydiff imports ID")
			}
			return nil
		}
	},
}

func printImport(env *Env, im core.Import) {
	status := im.Status
	if status == "running" && im.FinishedAt == nil {
		status = "running or interrupted"
	}
	fmt.Fprintf(env.Stdout, "Import %d  %s  %s  %s: %d files, %d added, %d already present, %d failed\n",
		im.ID, im.StartedAt.Local().Format("2006-01-02 15:04"), status, termField(strings.Join(im.Roots, " ")),
		im.FilesSeen, im.Added, im.AlreadyPresent, im.Failed)
}
