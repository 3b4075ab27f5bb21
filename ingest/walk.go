package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/storydiff/storydiff/core"
)

// Entry is one file found by Walk.
type Entry struct {
	// Path is the root joined with the names below it, so it is absolute
	// when the root was.
	Path    string
	Size    int64
	ModTime time.Time
	// Skipped marks a file that is not an article file (another extension,
	// a special file, a folder already walked): Err says why. Callers count
	// it apart from failures.
	Skipped bool
	// Err, when set, says why the file cannot be read: a *core.Error with
	// code invalid (not_found for a root that does not exist) and a
	// lower-case message such as "broken symbolic link".
	Err error
}

// Walk calls fn for every file under roots, which may be files and folders
// together. Folders are walked recursively in lexical order; roots in the
// order given; a file reached twice (a root inside another root) is given
// once. Only article files (IsArticleFile) are given as readable; files
// with other extensions come as Skipped entries so that nothing disappears
// unexplained, except hidden files and dot-folders (.git), which are passed
// over silently. A file named as a root is read whatever its extension.
//
// Problems with one file (broken link, link loop, unreadable, over the size
// limit) become entries with Err set; Walk itself fails only when fn returns
// an error, which it returns, or when ctx ends, when it returns ctx.Err().
func Walk(ctx context.Context, roots []string, opts Options, fn func(Entry) error) error {
	w := newWalker(ctx, roots, opts, fn)
	w.open = true
	for _, root := range roots {
		if err := w.visit(filepath.Clean(root), true); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Count returns how many entries that are not Skipped Walk would give, for a
// progress bar's total. It lists folders and reads file attributes but
// opens no file, so it costs a fraction of the import; files that change in
// between make the total approximate.
func Count(ctx context.Context, roots []string, opts Options) (int, error) {
	n := 0
	w := newWalker(ctx, roots, opts, func(e Entry) error {
		if !e.Skipped {
			n++
		}
		return nil
	})
	for _, root := range roots {
		if err := w.visit(filepath.Clean(root), true); err != nil {
			return n, err
		}
	}
	return n, ctx.Err()
}

type walker struct {
	ctx  context.Context
	opts Options
	fn   func(Entry) error
	// open tries to open each file, to report unreadable ones; Count
	// leaves it off.
	open bool
	// done holds the absolute paths of files already given.
	done map[string]bool
	// walked holds every folder walked; stack the folders being walked now,
	// whose reappearance means a loop.
	walked map[fileID]bool
	stack  []fileID
	// roots are the roots with every link resolved: a link leading inside
	// one of them is followed.
	roots []string
}

func newWalker(ctx context.Context, roots []string, opts Options, fn func(Entry) error) *walker {
	w := &walker{ctx: ctx, opts: opts, fn: fn, done: map[string]bool{}, walked: map[fileID]bool{}}
	for _, r := range roots {
		w.roots = append(w.roots, realPath(filepath.Clean(r)))
	}
	return w
}

func (w *walker) visit(path string, root bool) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	lfi, err := os.Lstat(path)
	if err != nil {
		if root && errors.Is(err, fs.ErrNotExist) {
			e := core.Errorf(core.ENOTFOUND, "no such file or folder")
			e.Op = "ingest"
			return w.fn(Entry{Path: path, Err: e})
		}
		return w.fn(Entry{Path: path, Err: invalidf("cannot read: %s", osReason(err))})
	}
	if !root && strings.HasPrefix(lfi.Name(), ".") {
		return nil
	}
	if root {
		if why := rootRefusal(realPath(path)); why != "" {
			return w.fn(Entry{Path: path, ModTime: lfi.ModTime(), Err: invalidf("%s", why)})
		}
	}
	fi := lfi
	if lfi.Mode()&fs.ModeSymlink != 0 {
		if w.opts.IgnoreSymlinks {
			return w.fn(Entry{Path: path, ModTime: lfi.ModTime(), Skipped: true, Err: invalidf("symbolic link, not followed")})
		}
		fi, err = os.Stat(path)
		if err != nil {
			return w.fn(Entry{Path: path, ModTime: lfi.ModTime(), Err: linkError(err)})
		}
		// A root the user named is followed wherever it leads (except into
		// the system's folders, refused above); a link found inside only
		// when it stays inside the roots, unless FollowLinks says otherwise.
		if !root {
			if why := linkRefusal(path, w.roots, w.opts); why != "" {
				return w.fn(Entry{Path: path, ModTime: lfi.ModTime(), Skipped: true, Err: invalidf("%s", why)})
			}
		}
	}
	switch {
	case fi.IsDir():
		return w.dir(path, fi)
	case !fi.Mode().IsRegular():
		return w.fn(Entry{Path: path, ModTime: fi.ModTime(), Skipped: true, Err: invalidf("not a regular file (%s)", kindOf(fi.Mode()))})
	}
	return w.file(path, fi, root)
}

func linkError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return invalidf("broken symbolic link")
	case errors.Is(err, syscall.ELOOP):
		return invalidf("symbolic link loop")
	}
	return invalidf("cannot follow symbolic link: %s", osReason(err))
}

func (w *walker) dir(path string, fi fs.FileInfo) error {
	id, ok := idOf(path, fi)
	if ok {
		for _, a := range w.stack {
			if a == id {
				return w.fn(Entry{Path: path, ModTime: fi.ModTime(), Err: invalidf("symbolic link loop (leads back into a folder that contains it)")})
			}
		}
		if w.walked[id] {
			return w.fn(Entry{Path: path, ModTime: fi.ModTime(), Skipped: true, Err: invalidf("folder already walked by another path")})
		}
		w.walked[id] = true
		w.stack = append(w.stack, id)
		defer func() { w.stack = w.stack[:len(w.stack)-1] }()
	}
	// os.ReadDir sorts by name, which makes the walk deterministic; on an
	// error it still returns the entries it read before.
	des, err := os.ReadDir(path)
	names := make(map[string]bool, len(des))
	for _, de := range des {
		names[strings.ToLower(de.Name())] = true
	}
	for _, de := range des {
		child := filepath.Join(path, de.Name())
		if de.IsDir() && savedPageResources(de.Name(), names) {
			if err := w.fn(Entry{Path: child, Skipped: true, Err: invalidf("resources of a saved web page (images, scripts), not articles")}); err != nil {
				return err
			}
			continue
		}
		if err := w.visit(child, false); err != nil {
			return err
		}
	}
	if err != nil {
		return w.fn(Entry{Path: path, ModTime: fi.ModTime(), Err: invalidf("cannot read folder: %s", osReason(err))})
	}
	return nil
}

func (w *walker) file(path string, fi fs.FileInfo, root bool) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if w.done[abs] {
		return nil
	}
	w.done[abs] = true
	e := Entry{Path: path, Size: fi.Size(), ModTime: fi.ModTime()}
	switch {
	case !root && !IsArticleFile(path):
		e.Skipped = true
		ext := filepath.Ext(path)
		if ext == "" {
			e.Err = invalidf("not an article file (no extension)")
		} else {
			e.Err = invalidf("not an article file (%s)", strings.ToLower(ext))
		}
	case !root && isProjectDoc(path):
		e.Skipped = true
		e.Err = invalidf("a corpus's documentation file, not an article (%s)", filepath.Base(path))
	case fi.Size() > w.opts.maxSize():
		e.Err = tooBig(fi.Size(), w.opts.maxSize())
	case w.open:
		f, _, err := openRegular(path)
		switch {
		case core.ErrorCode(err) == core.EINVALID:
			e.Err = err
		case err != nil:
			e.Err = invalidf("cannot open file: %s", osReason(err))
		default:
			f.Close()
		}
	}
	return w.fn(e)
}

// projectDocs are names that corpora use for their own documentation (the
// BBC corpus has a README.TXT): importing them would put a README among the
// articles and into every comparison.
var projectDocs = map[string]bool{
	"readme": true, "license": true, "licence": true, "copying": true,
	"changelog": true, "authors": true, "contributing": true,
}

// IsProjectDoc reports whether path is named as a corpus's documentation
// (README, LICENSE, ...), which a walk skips inside the folders it is given
// but reads when the file itself is named.
func IsProjectDoc(path string) bool { return isProjectDoc(path) }

func isProjectDoc(path string) bool {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return projectDocs[strings.ToLower(base)]
}

// savedPageResources recognises the folder a browser writes next to a page
// saved whole ("story.html" and "story_files/"): its scripts, styles and
// images would otherwise be listed one by one as skipped files.
func savedPageResources(name string, siblings map[string]bool) bool {
	base, ok := strings.CutSuffix(strings.ToLower(name), "_files")
	if !ok {
		return false
	}
	return siblings[base+".html"] || siblings[base+".htm"]
}
