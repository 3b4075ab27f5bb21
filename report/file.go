package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/storydiff/storydiff/core"
)

// WriteFile writes a file through write atomically: into a temporary file
// beside path, synced, then renamed over path. A failed or canceled report
// leaves no partial file and keeps an older report at path intact.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		// A writer that panics leaves no temporary file either; the
		// panic becomes an error naming the file.
		if r := recover(); r != nil {
			err = &core.Error{Code: core.EINTERNAL, Message: "could not write " + path, Err: fmt.Errorf("%v", r)}
		}
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		if core.ErrorCode(err) == core.EINTERNAL && !errors.Is(err, context.Canceled) {
			// Not the user's mistake: say which file was not written.
			return &core.Error{Code: core.EINTERNAL, Message: "could not write " + path, Err: err}
		}
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
