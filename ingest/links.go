package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// systemDirs hold the running system's state as files (processes, kernel
// settings, devices): never articles, and reading them can leak secrets or
// never end. No link into them is followed and no root under them is read.
var systemDirs = []string{"/proc", "/sys", "/dev"}

// systemDir returns the system folder that real (a path with every link
// resolved) lies under, or "".
func systemDir(real string) string {
	for _, d := range systemDirs {
		if within(real, d) {
			return d
		}
	}
	return ""
}

// within reports whether path is dir or lies below it; both are clean and
// absolute.
func within(path, dir string) bool {
	if path == dir || dir == string(filepath.Separator) {
		return true
	}
	return strings.HasPrefix(path, dir+string(filepath.Separator))
}

// realPath resolves every link in path and makes it absolute; when that is
// impossible (a missing file) it returns the absolute path as written.
func realPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// linkRefusal says why the symbolic link at path is not followed, or "" when
// it may be: it leads inside one of the roots, or anywhere but a system
// folder when opts.FollowLinks is set.
func linkRefusal(path string, roots []string, opts Options) string {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Sprintf("symbolic link that cannot be resolved (%s); not followed", osReason(err))
	}
	if real, err = filepath.Abs(real); err != nil {
		return "symbolic link that cannot be resolved; not followed"
	}
	if d := systemDir(real); d != "" {
		return fmt.Sprintf("symbolic link to %s, under %s, which holds the system's state, not articles; not followed", real, d)
	}
	if opts.FollowLinks {
		return ""
	}
	for _, r := range roots {
		if within(real, r) {
			return ""
		}
	}
	return fmt.Sprintf("symbolic link to %s, outside the folders and files given; not followed (import --follow-links follows it)", real)
}

// rootRefusal says why a root given to Walk is not read, or "".
func rootRefusal(real string) string {
	if d := systemDir(real); d != "" {
		return fmt.Sprintf("%s lies under %s, which holds the system's state, not articles; not read", real, d)
	}
	return ""
}

// openRegular opens path for reading, refusing anything but a regular file.
// It checks the file it opened, not the name it listed: the name may have
// been swapped for a pipe or a device in between.
func openRegular(path string) (*os.File, os.FileInfo, error) {
	beforeOpen(path)
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, invalidf("cannot read file: %s", osReason(err))
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, fi, invalidf("not a regular file (%s)", kindOf(fi.Mode()))
	}
	return f, fi, nil
}

// beforeOpen runs just before a file is opened; tests set it to swap the
// file at that moment.
var beforeOpen = func(string) {}
