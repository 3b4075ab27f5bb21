package ingest

import (
	"bytes"
	"encoding/json"
	"html"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// textKeys orders the fields that may hold an article's text: when a record
// has several (a summary in "content", the article in "text"), the first
// listed wins.
var textKeys = []string{"text", "body", "articlebody", "maintext", "fulltext", "article", "content"}

// listKeys name the field of a wrapper object ({"articles": [...]}, as news
// APIs return) that holds the records.
var listKeys = []string{"articles", "items", "data", "results", "records", "documents", "docs", "posts", "entries"}

// emitFunc takes the i-th document of a file (0 for the first).
type emitFunc func(i int, d core.Document) error

// eachJSON reads a .json file: one article object, an array of them, or a
// wrapper object holding an array. A file that is not one JSON value but has
// one object per line is read as JSONL, as scrapers often name such files
// .json. The file is checked whole before the first record is given, so a
// file broken at its end gives no article, as it always did; an array is
// then decoded one record at a time.
func eachJSON(base core.Document, data []byte, text string, popt ParseOptions, emit emitFunc) error {
	trimmed := strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(trimmed, "["):
		if !json.Valid([]byte(trimmed)) {
			if looksLikeJSONL(trimmed) {
				return eachJSONL(base, text, popt, emit)
			}
			return invalidJSON(trimmed)
		}
		dec := json.NewDecoder(strings.NewReader(trimmed))
		if _, err := dec.Token(); err != nil { // the opening bracket
			return invalidf("invalid JSON: %v", err)
		}
		re := &RecordErrors{Format: "json"}
		for dec.More() {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return invalidf("invalid JSON: %v", err)
			}
			re.Total++
			if err := emitRecord(base, "json", re.Total, raw, re, popt, emit); err != nil {
				return err
			}
		}
		if re.Total == 0 {
			return invalidf("JSON array holds no records")
		}
		return re.orNil()
	case strings.HasPrefix(trimmed, "{"):
		var obj map[string]json.RawMessage
		if err := json.Unmarshal([]byte(trimmed), &obj); err != nil {
			if looksLikeJSONL(trimmed) {
				return eachJSONL(base, text, popt, emit)
			}
			return invalidf("invalid JSON: %v", err)
		}
		if _, ok := pickText(obj, newRecordRoles(popt.Fields)); !ok {
			for _, k := range listKeys {
				if raws, ok := objectList(obj, k); ok {
					re := &RecordErrors{Format: "json", Total: len(raws)}
					for i, raw := range raws {
						if err := emitRecord(base, "json", i+1, raw, re, popt, emit); err != nil {
							return err
						}
						raws[i] = nil // given away: let it go
					}
					return re.orNil()
				}
			}
		}
		doc := base
		doc.Format = "json"
		if err := fillRecord(&doc, obj, popt); err != nil {
			return err
		}
		doc.Original = data
		return emit(0, doc)
	}
	return invalidf("JSON file holds neither an article object nor an array of them")
}

// invalidJSON gives the decoder's reason why s is not JSON.
func invalidJSON(s string) error {
	var v json.RawMessage
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return invalidf("invalid JSON: %v", err)
	}
	return invalidf("invalid JSON")
}

// emitRecord turns record n into a document and gives it to emit, or notes
// why it cannot be read.
func emitRecord(base core.Document, format string, n int, raw []byte, re *RecordErrors, popt ParseOptions, emit emitFunc) error {
	doc, err := recordDoc(base, format, n, raw, popt)
	if err != nil {
		re.Errs = append(re.Errs, RecordError{Record: n, Err: err})
		return nil
	}
	return emit(n-1, doc)
}

func looksLikeJSONL(s string) bool {
	lines := strings.Count(s, "\n{")
	return lines > 0 && strings.HasPrefix(s, "{")
}

func objectList(obj map[string]json.RawMessage, key string) ([]json.RawMessage, bool) {
	for k, v := range obj {
		if strings.EqualFold(k, key) {
			var raws []json.RawMessage
			if json.Unmarshal(v, &raws) == nil && len(raws) > 0 {
				return raws, true
			}
		}
	}
	return nil, false
}

// eachJSONL reads one record per line; blank lines are allowed. A record's
// number is its line number, so that a researcher can find it.
func eachJSONL(base core.Document, text string, popt ParseOptions, emit emitFunc) error {
	re := &RecordErrors{Format: "jsonl"}
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		n++
		raw := bytes.TrimSpace([]byte(line))
		if len(raw) == 0 {
			continue
		}
		re.Total++
		doc, err := recordDoc(base, "jsonl", n, raw, popt)
		if err != nil {
			re.Errs = append(re.Errs, RecordError{Record: n, Err: err})
			continue
		}
		if err := emit(re.Total-1, doc); err != nil {
			return err
		}
	}
	if re.Total == 0 {
		return invalidf("JSONL file holds no records")
	}
	return re.orNil()
}

func recordDoc(base core.Document, format string, n int, raw []byte, popt ParseOptions) (core.Document, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] != '{' && json.Valid(t) {
			return core.Document{}, invalidf("not a JSON object")
		}
		return core.Document{}, invalidf("invalid JSON: %v", err)
	}
	doc := base
	doc.Format, doc.Record = format, n
	doc.Original = raw
	if err := fillRecord(&doc, obj, popt); err != nil {
		return core.Document{}, err
	}
	return doc, nil
}

// pickText finds the article text among a record's fields: the field the
// user mapped to text, else the first of textKeys present.
func pickText(obj map[string]json.RawMessage, roles recordRoles) (key string, ok bool) {
	byRole := map[string]string{}
	for k := range obj {
		if roles.role(k) == roleText {
			if roles.mapped[roleText] {
				return k, true
			}
			byRole[normKey(k)] = k
		}
	}
	for _, want := range textKeys {
		if k, ok := byRole[want]; ok {
			return k, true
		}
	}
	return "", false
}

// fillRecord sets a document from one JSON object. A record with a title
// and no text (a news brief, a headline list) is kept as a document whose
// text is its title, marked NoBody; one with neither cannot be read.
func fillRecord(doc *core.Document, obj map[string]json.RawMessage, popt ParseOptions) error {
	roles := newRecordRoles(popt.Fields)
	fields := map[string]string{}
	for k, v := range obj {
		if role := roles.role(k); role != "" && role != roleText {
			if s, ok := jsonScalar(v, role); ok {
				fields[k] = s
			}
		}
	}
	applyFields(doc, fields, "field", roles, popt.DateLayout)
	text := ""
	key, ok := pickText(obj, roles)
	if ok {
		t, err := jsonText(obj[key])
		if err != nil {
			return invalidf("field %q %v", key, err)
		}
		text = normaliseNewlines(t)
		if looksLikeHTMLFragment(text) {
			text = fragmentText(text)
		}
	}
	if strings.TrimSpace(text) == "" {
		if doc.Title == "" {
			if ok {
				return invalidf("field %q is empty and the record has no title", key)
			}
			return invalidf("record has neither text nor title (name the fields with --field text=NAME --field title=NAME)")
		}
		text, doc.NoBody = doc.Title, true
	}
	if err := checkControls(text); err != nil {
		return err
	}
	doc.Text = text
	if doc.Title == "" {
		doc.Title = firstLine(text)
	}
	if doc.Published == nil && doc.PublishedRaw == "" && !doc.NoBody {
		setDateFromText(doc)
	}
	return nil
}

// jsonText reads a text field: a string, or an array of strings (paragraphs),
// which scrapers also write.
func jsonText(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var parts []string
	if err := json.Unmarshal(raw, &parts); err == nil {
		return strings.Join(parts, "\n\n"), nil
	}
	// WordPress's REST API wraps fields: "content": {"rendered": "<p>..."}.
	var wrapped struct{ Rendered *string }
	if err := json.Unmarshal(raw, &wrapped); err == nil && wrapped.Rendered != nil {
		return *wrapped.Rendered, nil
	}
	return "", invalidf("is %s, want a string", jsonKind(raw))
}

// jsonScalar reads a metadata field leniently: a wrong type loses the field,
// not the article. Lists of names are joined; an outlet object gives its
// name (NewsAPI writes "source": {"id": ..., "name": ...}); a number is
// given as written (a date's is a Unix time, read by parseFieldDate).
func jsonScalar(raw json.RawMessage, role string) (string, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	var f float64
	if json.Unmarshal(raw, &f) == nil {
		// A date is read by parseFieldDate: Unix seconds or milliseconds.
		return strconv.FormatFloat(f, 'f', -1, 64), true
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil && len(list) > 0 {
		return strings.Join(list, ", "), true
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) == nil {
		for _, k := range []string{"name", "title", "rendered", "domain", "url", "@id"} {
			if v, ok := obj[k]; ok && json.Unmarshal(v, &s) == nil {
				if k == "rendered" {
					// Rendered fields are HTML: "Ferry &amp; timetable".
					s = html.UnescapeString(s)
				}
				return s, true
			}
		}
	}
	return "", false
}

func jsonKind(raw json.RawMessage) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return "empty"
	}
	switch t[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
