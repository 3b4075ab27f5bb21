package ingest

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/storydiff/storydiff/core"
)

// Read reads the file at path, within opts' size limit, and parses it (see
// Parse). Errors are *core.Error values with code invalid (not_found when
// the file does not exist), or a *RecordErrors next to the documents read.
func Read(path string, opts Options) ([]core.Document, error) {
	return ReadContext(context.Background(), path, opts)
}

// ReadContext is Read with the cancellation of ParseContext, for JSON and
// JSONL files of many records.
func ReadContext(ctx context.Context, path string, opts Options) ([]core.Document, error) {
	data, err := readFile(path, opts.maxSize())
	if err != nil {
		return nil, err
	}
	return ParseContext(ctx, path, data)
}

func readFile(path string, max int64) ([]byte, error) {
	// Stat before opening: opening a named pipe would block until a writer
	// comes along.
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, invalidf("not a regular file (%s)", kindOf(fi.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			e := core.Errorf(core.ENOTFOUND, "no such file")
			e.Op = "ingest"
			return nil, e
		}
		return nil, invalidf("cannot open file: %s", osReason(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, invalidf("cannot read file: %s", osReason(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, invalidf("not a regular file (%s)", kindOf(fi.Mode()))
	}
	if fi.Size() > max {
		return nil, tooBig(fi.Size(), max)
	}
	// The limit also guards files that grow while being read.
	limit := max
	if limit < 1<<62 {
		limit++ // one byte more than allowed shows the file grew
	}
	data, err := io.ReadAll(io.LimitReader(f, limit))
	if err != nil {
		return nil, invalidf("cannot read file: %s", osReason(err))
	}
	if int64(len(data)) > max {
		return nil, tooBig(int64(len(data)), max)
	}
	return data, nil
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}
