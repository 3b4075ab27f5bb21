package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
)

// importRoots limit what an interface reached over the network may import.
// A browser page, or anything else that can reach the port, must not make
// the archive read /etc/shadow or a private key and show it back: so only
// article files under folders the person running the server chose are read.
// The desktop window is not limited: its paths come from its own user,
// mostly through the native folder dialog.
type importRoots struct {
	on    bool
	roots []string // with every link resolved
}

// ImportRoots are the folders an interface reached over the network may
// import from (`storydiff serve --import-root`).
type ImportRoots struct{ dirs []string }

// NewImportRoots checks that each of dirs is a folder and resolves its
// links, so that a link inside cannot lead out unseen.
func NewImportRoots(dirs []string) (*ImportRoots, error) {
	ir := &ImportRoots{}
	for _, r := range dirs {
		abs, err := filepath.Abs(r)
		if err != nil {
			return nil, core.Errorf(core.EINVALID, "import root %q: cannot resolve the path", r)
		}
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return nil, core.Errorf(core.EINVALID, "import root %s: no such folder", abs)
		}
		fi, err := os.Stat(real)
		if err != nil || !fi.IsDir() {
			return nil, core.Errorf(core.EINVALID, "import root %s is not a folder", abs)
		}
		ir.dirs = append(ir.dirs, real)
	}
	return ir, nil
}

// RestrictImports limits the imports this interface starts to article files
// and folders under roots; with nil roots it starts none.
func (u *UI) RestrictImports(roots *ImportRoots) {
	u.imports = importRoots{on: true}
	if roots != nil {
		u.imports.roots = roots.dirs
	}
}

// check refuses, naming the path, anything an import may not read.
func (ir importRoots) check(paths []string) error {
	if !ir.on || len(paths) == 0 {
		return nil
	}
	if len(ir.roots) == 0 {
		return core.Errorf(core.EINVALID, "this server imports nothing from the browser: start it with `storydiff serve --import-root FOLDER` "+
			"to allow imports from that folder, or import with `storydiff import`")
	}
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			return core.Errorf(core.EINVALID, "%s: give an absolute path", p)
		}
		real := resolveExisting(filepath.Clean(p))
		inside := false
		for _, r := range ir.roots {
			inside = inside || within(real, r)
		}
		if !inside {
			return core.Errorf(core.EINVALID, "%s is not under a folder this server imports from (%s)", p, strings.Join(ir.roots, ", "))
		}
		// A file named directly is otherwise read whatever its extension;
		// here both its name and what it leads to must be article files.
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && (!ingest.IsArticleFile(p) || !ingest.IsArticleFile(real)) {
			return core.Errorf(core.EINVALID, "%s is not an article file (.txt, .md, .html, .json, .jsonl)", p)
		}
	}
	return nil
}

// resolveExisting resolves the links of the longest part of path that
// exists, so that a missing file under a linked folder is judged by where
// the folder leads. path is absolute and clean.
func resolveExisting(path string) string {
	rest := ""
	for p := path; ; p = filepath.Dir(p) {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(real, rest)
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(p) == p {
			return path
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// within reports whether path is dir or lies below it; both are clean.
func within(path, dir string) bool {
	if path == dir || dir == string(filepath.Separator) {
		return true
	}
	return strings.HasPrefix(path, dir+string(filepath.Separator))
}
