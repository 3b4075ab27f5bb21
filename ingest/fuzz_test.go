package ingest_test

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
)

// checkParse holds for any input: Parse does not panic, errors carry the
// invalid code, and every document has clean UTF-8 text with "\n" line ends.
func checkParse(t *testing.T, path string, data []byte) {
	docs, err := ingest.Parse(path, data)
	if err != nil {
		if code := core.ErrorCode(err); code != core.EINVALID {
			t.Fatalf("error %v has code %q, want invalid", err, code)
		}
	}
	for _, d := range docs {
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
			t.Fatalf("invalid UTF-8 in text or title: %q", d.Title)
		}
		if strings.Contains(d.Text, "\r") {
			t.Fatalf("text keeps a carriage return: %q", d.Text)
		}
		if strings.TrimSpace(d.Text) == "" {
			t.Fatalf("document with empty text")
		}
		if len(d.Original) == 0 {
			t.Fatalf("document without original bytes")
		}
	}
}

func seedFiles(f *testing.F, paths ...string) {
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

func FuzzParseText(f *testing.F) {
	seedFiles(f, "../testdata/seeds/002_965cdb6d1926d39b.txt")
	f.Add([]byte("Title\r\n\r\nBody \x93quoted\x94\r\n"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0, '\n', 0})
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "f.txt", data) })
}

func FuzzParseMarkdown(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndate: 2023-03-14\n---\n# Head\n\nbody\n"))
	f.Add([]byte("Title\n=====\n\ntext"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "f.md", data) })
}

func FuzzParseHTML(f *testing.F) {
	seedFiles(f, "../testdata/ingest/page.html")
	f.Add([]byte("<html><head><meta charset=koi8-r></head><body><p>\xf0\xd2\xc9\xd7\xc5\xd4</p></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "f.html", data) })
}

func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(`[{"title": "a", "text": "b"}, 3, {"body": ["x", "y"], "date": 1666365900}]`))
	f.Add([]byte(`{"articles": [{"content": "c", "source": {"name": "n"}}]}`))
	f.Add([]byte(`{"text": "x", "n": [[[[[[]]]]]]}`))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "f.json", data) })
}

func FuzzParseJSONL(f *testing.F) {
	f.Add([]byte("{\"text\": \"a\"}\n\nnot json\n{\"text\": 5}\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "f.jsonl", data) })
}

// FuzzDecode checks that decoding yields clean UTF-8 and that valid UTF-8
// without carriage returns, zero bytes or a byte-order mark comes through
// unchanged.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain text\n"))
	f.Add([]byte("caf\xe9 \xa315.8m"))
	f.Add([]byte{0xFE, 0xFF, 0, 'a', 0xD8, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, err := ingest.Decode(data)
		if err != nil {
			if code := core.ErrorCode(err); code != core.EINVALID {
				t.Fatalf("error %v has code %q, want invalid", err, code)
			}
			return
		}
		if !utf8.ValidString(text) || strings.Contains(text, "\r") {
			t.Fatalf("Decode gave unclean text %q", text)
		}
		if enc == ingest.EncUTF8 && text != string(data) && !strings.Contains(string(data), "\r") {
			t.Fatalf("UTF-8 input changed: %q -> %q", data, text)
		}
	})
}

// FuzzFindDate checks that a found date is a substring of the text and
// parses again to the same time.
func FuzzFindDate(f *testing.F) {
	f.Add("Title\n\nFri, 10/21/2022 – 15:25\n")
	f.Add("Published: 18th of October 2022 at 3:04 pm GMT")
	f.Add("2024-07-27T12:30:09.123+02:00")
	f.Fuzz(func(t *testing.T, text string) {
		got, raw, ok := ingest.FindDate(text)
		if !ok {
			return
		}
		if !strings.Contains(text, raw) {
			t.Fatalf("raw %q is not in the text", raw)
		}
		again, ok := ingest.ParseDate(raw)
		if !ok || !again.Equal(got) {
			t.Fatalf("ParseDate(%q) = %v, %v; FindDate gave %v", raw, again, ok, got)
		}
	})
}

// FuzzParseSniffed covers files whose extension says nothing, where the
// content alone picks the format.
func FuzzParseSniffed(f *testing.F) {
	f.Add([]byte("<!-- saved --><!DOCTYPE html><html><body><p>text</p></body></html>"))
	f.Add([]byte(`[{"text": "a"}]`))
	f.Add([]byte("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"))
	f.Add([]byte("[Updated] a story\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "f.data", data) })
}
