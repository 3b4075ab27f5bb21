package ingest

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// eachCSV reads a table exported by Media Cloud, GDELT or a scraper: a
// header row naming the columns, then one article a row, read row by row.
// Columns are matched to roles as JSON fields are (title, text, date, url,
// source, ... or the user's mapping). A row's number is the line it starts
// on, so that a researcher finds it in an editor; its Original is the row
// as written. A broken row is reported and the others are kept.
func eachCSV(base core.Document, text string, sep rune, popt ParseOptions, emit emitFunc) error {
	format := FormatCSV
	if sep == '\t' {
		format = FormatTSV
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	// Exports are not always strict: a quote inside a field, rows of
	// uneven length. Reading them leniently loses nothing.
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		return invalidf("%s file holds no header row", strings.ToUpper(format))
	}
	if err != nil {
		return invalidf("%s header row unreadable: %v", strings.ToUpper(format), err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	if err := checkHeader(header, popt, format); err != nil {
		return err
	}
	re := &RecordErrors{Format: format}
	for {
		start := r.InputOffset()
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		end := r.InputOffset()
		raw := []byte(strings.TrimRight(text[start:end], "\r\n"))
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			line = perr.StartLine
		}
		if err != nil {
			re.Total++
			re.Errs = append(re.Errs, RecordError{Record: line, Err: invalidf("unreadable row: %v", unwrapCSV(err))})
			continue
		}
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue // a blank line
		}
		re.Total++
		doc, err := rowDoc(base, format, line, raw, header, row, popt)
		if err != nil {
			re.Errs = append(re.Errs, RecordError{Record: line, Err: err})
			continue
		}
		if err := emit(re.Total-1, doc); err != nil {
			return err
		}
	}
	if re.Total == 0 {
		return invalidf("%s file holds a header and no rows", strings.ToUpper(format))
	}
	return re.orNil()
}

// checkHeader refuses a table with no column for an article's text or
// title: it is some other table (a list of files, labels), and every row
// would fail alike.
func checkHeader(header []string, popt ParseOptions, format string) error {
	roles := newRecordRoles(popt.Fields)
	for _, h := range header {
		if r := roles.role(h); r == roleText || r == roleTitle {
			return nil
		}
	}
	if f, ok := popt.Fields[roleText]; ok {
		return invalidf("%s header has no column %q (given with --field text=%s); its columns: %s", strings.ToUpper(format), f, f, clip(strings.Join(header, ", "), 200))
	}
	return invalidf("%s header has no text or title column (text, body, content, title, headline, ...; name one with --field text=COLUMN); its columns: %s",
		strings.ToUpper(format), clip(strings.Join(header, ", "), 200))
}

// rowDoc makes a row into a document through the JSON record path, so that
// a CSV column and a JSON field of one name mean the same.
func rowDoc(base core.Document, format string, line int, raw []byte, header, row []string, popt ParseOptions) (core.Document, error) {
	obj := make(map[string]json.RawMessage, len(header))
	for i, h := range header {
		if i >= len(row) || h == "" {
			continue
		}
		if _, dup := obj[h]; dup {
			continue // the first column of a name wins
		}
		v, _ := json.Marshal(row[i])
		obj[h] = v
	}
	doc := base
	doc.Format, doc.Record, doc.Original = format, line, raw
	if err := fillRecord(&doc, obj, popt); err != nil {
		return core.Document{}, err
	}
	return doc, nil
}

// unwrapCSV gives a parse error's reason without the line, which the
// record number already says.
func unwrapCSV(err error) error {
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}
