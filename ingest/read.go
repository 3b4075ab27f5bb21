package ingest

import (
	"context"
	"errors"
	"io"
	"io/fs"

	"github.com/storydiff/storydiff/core"
)

// Read reads the file at path, within opts' size limit, and parses it (see
// Parse). Errors are *core.Error values with code invalid (not_found when
// the file does not exist), or a *RecordErrors next to the documents read.
func Read(path string, opts Options) ([]core.Document, error) {
	return ReadContext(context.Background(), path, opts)
}

// ReadContext is Read with the cancellation of ParseContext, for JSON and
// JSONL files of many records; it reads records as opts.Parse says.
func ReadContext(ctx context.Context, path string, opts Options) ([]core.Document, error) {
	data, err := readFile(path, opts.maxSize())
	if err != nil {
		return nil, err
	}
	var docs []core.Document
	err = ParseEachWith(ctx, path, data, opts.Parse, func(d core.Document) error {
		docs = append(docs, d)
		return nil
	})
	var re *RecordErrors
	if err != nil && !errors.As(err, &re) {
		return nil, err
	}
	return docs, err
}

// ReadEach reads the file at path and gives its documents to fn one at a
// time (see ParseEach): what an import uses, so that a file of many records
// costs the memory of one record at a time beside the file itself.
func ReadEach(ctx context.Context, path string, opts Options, fn func(core.Document) error) error {
	data, err := readFile(path, opts.maxSize())
	if err != nil {
		return err
	}
	return ParseEachWith(ctx, path, data, opts.Parse, fn)
}

func readFile(path string, max int64) ([]byte, error) {
	f, fi, err := openRegular(path)
	if err != nil {
		var ce *core.Error
		switch {
		case errors.As(err, &ce):
			return nil, err
		case errors.Is(err, fs.ErrNotExist):
			e := core.Errorf(core.ENOTFOUND, "no such file")
			e.Op = "ingest"
			return nil, e
		}
		return nil, invalidf("cannot open file: %s", osReason(err))
	}
	defer f.Close()
	if fi.Size() > max {
		return nil, tooBig(fi.Size(), max)
	}
	// Read into a buffer of the file's size, one byte more to see a file
	// that grew past the limit while being read: io.ReadAll would grow its
	// buffer by doubling, up to twice the file.
	data := make([]byte, 0, fi.Size()+1)
	limit := max
	if limit < 1<<62 {
		limit++
	}
	r := io.LimitReader(f, limit)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		m, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+m]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, invalidf("cannot read file: %s", osReason(err))
		}
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
