// Package analysisdir is the on-disk form of an analysis made away from an
// archive (by storydiff-pipeline, on one machine or a cluster): sharded JSON
// Lines files of articles with their text, provenance, features, sketches
// and profiles, verified pairs, scored event links, line and term counts,
// and the clustering, under a manifest that lists every file with its
// record count and SHA-256. `storydiff import --analysis DIR` reads it.
//
// The manifest is written last, so a folder without one, or whose files do
// not match it, is an analysis that did not finish and is refused whole.
// Articles are named by ordinals: their rank in the order an import would
// walk the same files, so that an archive filled from this folder gives
// them the ids an import would, and events built in id order come out the
// same.
package analysisdir

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
)

// Version is the format version; a reader refuses others.
const Version = 1

// ManifestName is the manifest's file name inside the folder.
const ManifestName = "manifest.json"

// Kinds of shard files.
const (
	KindArticles = "articles"
	KindPairs    = "pairs"
	KindLinks    = "links"
	KindLines    = "lines"
	KindTerms    = "terms"
	KindEvents   = "events"
)

// Location is one place an article's bytes were found.
type Location struct {
	Path    string    `json:"path"`
	Record  int       `json:"record"`
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mod_time"`
}

// Article is one article as the archive stores it, with its analysis.
type Article struct {
	Ordinal int64 `json:"ordinal"`
	// Doc is the document; its Original is left out (nil) when the bytes
	// are its text as it is (a UTF-8 text file), so that a folder and the
	// pipeline's stages carry the text once: see OmitOriginal and
	// RestoreOriginal.
	Doc       core.Document `json:"doc"`
	SHA256    string        `json:"sha256"`
	TextHash  string        `json:"text_hash"`
	Words     int           `json:"words"`
	Locations []Location    `json:"locations"`
	// ImportBlocks are the blocks an import stores (site chrome only);
	// Blocks are the analysed ones (recurring lines, repeats).
	ImportBlocks []core.Block  `json:"import_blocks"`
	Blocks       []core.Block  `json:"blocks"`
	Repeats      []core.Repeat `json:"repeats"`
	ParamsHash   uint64        `json:"params_hash"`
	Features     []byte        `json:"features"`
	Sketch       []byte        `json:"sketch"`
	SketchHash   uint64        `json:"sketch_hash"`
	SketchKeys   []uint64      `json:"sketch_keys"`
	Profile      []byte        `json:"profile"`
	ProfileKeys  []uint64      `json:"profile_keys"`
}

// Link is a scored pair of ordinals (events.Link's fields).
type Link struct {
	A      int64   `json:"a"`
	B      int64   `json:"b"`
	Event  float32 `json:"event"`
	Thread float32 `json:"thread"`
}

// Term is one story term's document frequency.
type Term struct {
	Hash uint64 `json:"hash"`
	DF   int32  `json:"df"`
}

// Event is one event of the clustering, its members as ordinals.
type Event struct {
	ID      int64      `json:"id"`
	Members []int64    `json:"members"`
	First   *time.Time `json:"first,omitempty"`
	Last    *time.Time `json:"last,omitempty"`
	Thread  int64      `json:"thread"`
}

// Thread is one thread of the clustering.
type Thread struct {
	ID     int64   `json:"id"`
	Events []int64 `json:"events"`
}

// Clustering is the single record of the events file.
type Clustering struct {
	Events  []Event  `json:"events"`
	Threads []Thread `json:"threads"`
}

// File is one shard as the manifest lists it.
type File struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Records int    `json:"records"`
	SHA256  string `json:"sha256"`
}

// Manifest describes a finished analysis folder.
type Manifest struct {
	Version        int           `json:"version"`
	Params         detect.Params `json:"params"`
	ProfileVersion int           `json:"profile_version"`
	Inputs         []string      `json:"inputs"`
	// Census is the number of articles the term counts are over.
	Census int            `json:"census"`
	Counts map[string]int `json:"counts"`
	Files  []File         `json:"files"`
	// ID names this analysis: the hash of its files' hashes.
	ID string `json:"id"`
}

// ComputeID returns the manifest's id from its files.
func (m *Manifest) ComputeID() string {
	h := sha256.New()
	for _, f := range m.Files {
		fmt.Fprintf(h, "%s %s %d\n", f.Name, f.SHA256, f.Records)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Dir is an opened, checked analysis folder.
type Dir struct {
	Path     string
	Manifest Manifest
}

// Open reads the manifest of dir and checks that every file it lists is
// there with its size of records and its hash: a half-written folder is
// refused with what is wrong, before anything is read into an archive.
func Open(dir string) (*Dir, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("%s holds no %s: the pipeline that writes it has not finished (the manifest is written last); run it again or wait for it", dir, ManifestName)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	d := &Dir{Path: dir}
	if err := json.Unmarshal(data, &d.Manifest); err != nil {
		return nil, fmt.Errorf("%s: the manifest cannot be read: %v", filepath.Join(dir, ManifestName), err)
	}
	if d.Manifest.Version != Version {
		return nil, fmt.Errorf("%s: analysis format version %d, this storydiff reads version %d", dir, d.Manifest.Version, Version)
	}
	for _, f := range d.Manifest.Files {
		sum, n, err := HashFile(filepath.Join(dir, f.Name))
		if err != nil {
			return nil, fmt.Errorf("%s: a file the manifest lists is missing or unreadable: %v", dir, err)
		}
		if sum != f.SHA256 || n != f.Records {
			return nil, fmt.Errorf("%s: %s does not match the manifest (%d records, expected %d; or its bytes changed): the folder is incomplete or was altered", dir, f.Name, n, f.Records)
		}
	}
	return d, nil
}

// HashFile returns the SHA-256 of a file and its number of lines.
func HashFile(path string) (string, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n := 0
	r := bufio.NewReaderSize(f, 1<<20)
	buf := make([]byte, 1<<20)
	for {
		k, err := r.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		h.Write(buf[:k])
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", 0, err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// Each calls fn with every record of the files of kind, decoded into a new
// T, file by file in manifest order.
func Each[T any](d *Dir, kind string, fn func(T) error) error {
	for _, f := range d.Manifest.Files {
		if f.Kind != kind {
			continue
		}
		if err := eachLine(filepath.Join(d.Path, f.Name), func(line []byte) error {
			var v T
			if err := json.Unmarshal(line, &v); err != nil {
				return fmt.Errorf("%s: %v", f.Name, err)
			}
			return fn(v)
		}); err != nil {
			return err
		}
	}
	return nil
}

func eachLine(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if ferr := fn(line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// OmitOriginal leaves a's original bytes out when they are its text.
func (a *Article) OmitOriginal() {
	if a.Doc.Original != nil && a.Doc.OriginalIsText() {
		a.Doc.Original = nil
	}
}

// RestoreOriginal gives back the original bytes OmitOriginal left out
// (an article of a folder written before it keeps its own).
func (a *Article) RestoreOriginal() {
	if a.Doc.Original == nil {
		a.Doc.Original = []byte(a.Doc.Text)
	}
}
