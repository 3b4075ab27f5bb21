//go:build !unix

package ingest

import (
	"io/fs"
	"path/filepath"
)

// fileID identifies a directory by its path with all links resolved, where
// device and inode numbers are not available.
type fileID struct{ path string }

func idOf(path string, _ fs.FileInfo) (fileID, bool) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fileID{}, false
	}
	abs, err := filepath.Abs(real)
	if err != nil {
		return fileID{}, false
	}
	return fileID{path: abs}, true
}
