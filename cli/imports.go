package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
)

var importsCommand = &Command{
	Name:    "imports",
	Args:    "[--json]",
	Summary: "list past import runs with their counts and every file that failed",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		asJSON := fs.Bool("json", false, "print JSON")
		return func(ctx context.Context, env *Env, args []string) error {
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			ims, err := svc.Imports(ctx)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(env.Stdout, ims)
			}
			for _, im := range ims {
				status := im.Status
				if status == "running" && im.FinishedAt == nil {
					status = "running or interrupted"
				}
				fmt.Fprintf(env.Stdout, "Import %d  %s  %s  %s: %d files, %d added, %d already present, %d failed\n",
					im.ID, im.StartedAt.Local().Format("2006-01-02 15:04"), status, termField(strings.Join(im.Roots, " ")),
					im.FilesSeen, im.Added, im.AlreadyPresent, im.Failed)
				for _, e := range im.Errors {
					fmt.Fprintf(env.Stdout, "  failed: %s: %s\n", quotePath(e.Path), termField(e.Error))
				}
			}
			return nil
		}
	},
}
