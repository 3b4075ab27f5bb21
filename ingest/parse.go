package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// Format names as stored with each article.
const (
	FormatText     = "txt"
	FormatMarkdown = "md"
	FormatHTML     = "html"
	FormatJSON     = "json"
	FormatJSONL    = "jsonl"
	FormatCSV      = "csv"
	FormatTSV      = "tsv"
)

// extFormats maps the extensions Walk treats as article files to formats.
var extFormats = map[string]string{
	".txt": FormatText, ".text": FormatText,
	".md": FormatMarkdown, ".markdown": FormatMarkdown,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".json":  FormatJSON,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL,
	".csv": FormatCSV, ".tsv": FormatTSV,
}

// IsArticleFile says whether Walk reads files with path's extension.
func IsArticleFile(path string) bool {
	_, ok := extFormats[strings.ToLower(filepath.Ext(path))]
	return ok
}

// Parse turns a file's bytes into documents. It does no I/O: path only
// names the documents and chooses the format by extension. Content decides
// where the extension misleads: a web page saved as .txt (or under any
// unknown extension) is read as HTML, a .json file with one object per line
// as JSONL, and an unknown extension as JSON when the content is JSON, else
// as text.
//
// A text, Markdown or HTML file gives one document; JSON and JSONL give one
// per record. When some records are broken, Parse returns the good documents
// together with a *RecordErrors. Every other error is a *core.Error with
// code invalid and a lower-case message naming the problem.
func Parse(path string, data []byte) ([]core.Document, error) {
	return ParseContext(context.Background(), path, data)
}

// ParseContext is Parse for files that may hold many records: it stops
// between records when ctx ends and returns a *core.Error with code
// canceled that wraps ctx.Err().
func ParseContext(ctx context.Context, path string, data []byte) ([]core.Document, error) {
	var docs []core.Document
	err := ParseEach(ctx, path, data, func(d core.Document) error {
		docs = append(docs, d)
		return nil
	})
	var re *RecordErrors
	if err != nil && !errors.As(err, &re) {
		return nil, err
	}
	return docs, err
}

// ParseEach is ParseContext that hands each document to fn as soon as it is
// read instead of returning them all, so that a file of a million records
// never holds a million documents: an array is decoded record by record, a
// JSONL file line by line. An error from fn stops the parse and is
// returned. Broken records are reported at the end, as a *RecordErrors,
// after fn has had every good one.
func ParseEach(ctx context.Context, path string, data []byte, fn func(core.Document) error) error {
	return ParseEachWith(ctx, path, data, ParseOptions{}, fn)
}

// ParseEachWith is ParseEach reading records' fields and dates as popt
// says.
func ParseEachWith(ctx context.Context, path string, data []byte, popt ParseOptions, fn func(core.Document) error) error {
	format := extFormats[strings.ToLower(filepath.Ext(path))]
	if (format == "" || format == FormatText) && sniffHTML(data) {
		format = FormatHTML
	}
	var text, enc string
	var err error
	if format == FormatHTML {
		text, enc, err = decodeHTML(data)
	} else {
		text, enc, err = Decode(data)
	}
	if err != nil {
		return err
	}
	if format == "" {
		format = FormatText
		if t := strings.TrimSpace(text); (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && (json.Valid([]byte(t)) || looksLikeJSONL(t)) {
			format = FormatJSON
		}
	}
	base := core.Document{Path: path, Encoding: enc, Format: format}
	emit := func(i int, d core.Document) error {
		if cerr := checkCtx(ctx, i); cerr != nil {
			return cerr
		}
		if d.Outlet == "" {
			d.Outlet = hostOutlet(d.URL)
		}
		// The text's own language beats a declared one: page templates
		// declare lang="en" on translated pages, and the text is what gets
		// compared.
		if lang := DetectLanguage(d.Text); lang != "" {
			d.Language = lang
		}
		return fn(d)
	}
	switch format {
	case FormatJSON:
		return eachJSON(base, data, text, popt, emit)
	case FormatJSONL:
		return eachJSONL(base, text, popt, emit)
	case FormatCSV:
		return eachCSV(base, text, ',', popt, emit)
	case FormatTSV:
		return eachCSV(base, text, '\t', popt, emit)
	}
	doc := base
	doc.Original = data
	switch format {
	case FormatHTML:
		if herr := parseHTML(&doc, text, popt); herr != nil {
			return herr
		}
	case FormatMarkdown:
		parseMarkdown(&doc, text, popt)
	default:
		parseText(&doc, text)
	}
	return emit(0, doc)
}

// sniffHTML recognises a saved web page by how it starts, skipping a
// byte-order mark, white space and comments.
func sniffHTML(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	s := strings.ToLower(strings.TrimLeft(strings.TrimPrefix(string(head), "\uFEFF"), " \t\r\n"))
	for strings.HasPrefix(s, "<!--") {
		end := strings.Index(s, "-->")
		if end < 0 {
			return false
		}
		s = strings.TrimLeft(s[end+3:], " \t\r\n")
	}
	for _, p := range []string{"<!doctype html", "<html", "<head>", "<head ", "<body"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return strings.HasPrefix(s, "<?xml") && strings.Contains(s, "<html")
}

// checkEvery spaces context checks in record loops: often enough to stop
// within milliseconds, rarely enough to cost nothing.
const checkEvery = 64

func checkCtx(ctx context.Context, i int) error {
	if i%checkEvery != 0 || ctx.Err() == nil {
		return nil
	}
	return &core.Error{Code: core.ECANCELED, Op: "ingest", Message: "canceled", Err: ctx.Err()}
}
