package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/storydiff/storydiff/core"
)

var backupCommand = &Command{
	Name:    "backup",
	Args:    "FILE",
	Summary: "write a consistent copy of the archive, even while it is in use",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("give the file to write the backup to")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			if err := svc.Backup(ctx, args[0]); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "Backed up %s to %s.\n", svc.DBPath(), args[0])
			return nil
		}
	},
}

var checkCommand = &Command{
	Name:    "check",
	Args:    "",
	Summary: "verify the archive: integrity, foreign keys, full-text index",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		return func(ctx context.Context, env *Env, args []string) error {
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			problems, err := svc.Check(ctx)
			if err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintf(env.Stdout, "problem: %s\n", termField(p))
			}
			if len(problems) > 0 {
				return core.Errorf(core.EINVALID, "%s has %d problems", svc.DBPath(), len(problems))
			}
			fmt.Fprintf(env.Stdout, "%s is sound.\n", svc.DBPath())
			return nil
		}
	},
}

var searchIndexCommand = &Command{
	Name:    "search-index",
	Args:    "",
	Summary: "bring the ranking index of common words and their pairs up to date (an analysis does it; after import --no-analyze, or for archives made before it)",
	Flags: func(fs *flag.FlagSet) func(context.Context, *Env, []string) error {
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 0 {
				return usagef("search-index takes no arguments")
			}
			svc, err := env.Open(ctx)
			if err != nil {
				return err
			}
			defer svc.Close()
			bar := newBar(env, "ranking index")
			err = svc.RefreshSearchRanking(ctx, bar.update)
			bar.finish()
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "The ranking index of %s is up to date.\n", svc.DBPath())
			return nil
		}
	},
}
