package cli_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// osc52 writes "echo hacked" to the terminal's clipboard.
const osc52 = "\x1b]52;c;ZWNobyBoYWNrZWQ=\x07"

// hostileArchive imports two versions of one article whose title, outlet,
// byline, URL and text carry escape sequences, C1 controls and bidi
// overrides, and a file that fails with such a name.
func hostileArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	recs := []map[string]string{
		{"title": "Ceasefire " + osc52 + "talks \x1b[31mred\u202e evil \u009b2J", "date": "2024-01-02",
			"text": "Officials met in Geneva on Monday to discuss the ceasefire. " + osc52 + " The envoy said talks were useful and frank.\n\n" +
				"A second round is planned for March in Vienna \u2066isolate\u2069.",
			"source": "Gazette " + osc52 + "\x7f", "author": "Ann \x1b[2J Writer", "url": "http://x.example/\x1b[1mbold"},
		{"title": "=HYPERLINK(\"http://x.example\") Ceasefire " + osc52 + "talks resume", "date": "2024-01-03",
			"text": "Officials met in Geneva on Monday to discuss the ceasefire. " + osc52 + " The envoy said talks were useful and frank.\n\n" +
				"A second round is planned for March in Vienna.",
			"source": "@Other \x1b[0m", "author": "Bob", "url": "http://y.example/"},
	}
	var b bytes.Buffer
	for _, r := range recs {
		line, _ := json.Marshal(r)
		b.Write(append(line, '\n'))
	}
	if err := os.WriteFile(filepath.Join(dir, "news.jsonl"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad\x1b[31m\u202e.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "archive.db")
	if r := run(t, db, "import", dir); r.code != 0 && r.code != 1 {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	return db
}

// terminalUnsafe returns the first character of s that must not reach a
// terminal (C0 but tab and line break, DEL, C1, bidi controls), or -1.
func terminalUnsafe(s string) rune {
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return r
		}
	}
	return -1
}

// Every command that prints record fields as text prints no escape
// sequence, C1 control or bidi override from them.
func TestHostileTerminalOutput(t *testing.T) {
	db := hostileArchive(t)
	for _, args := range [][]string{
		{"show", "1"}, {"show", "2"}, {"search", "ceasefire"}, {"search", "talks", "\x1b[2J"}, {"list"}, {"dupes"},
		{"stories"}, {"stories", "1"}, {"threads"}, {"imports"}, {"explain", "1", "2"}, {"related", "1"},
		{"passages", "1", "2"}, {"quotes"}, {"diff", "1", "2"}, {"align", "1", "2"}, {"align", "--mode", "diff", "1", "2"},
		{"show", "no such \x1b]52;c;eA==\x07 article"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := run(t, db, args...)
			if r.stdout == "" && r.code == 0 {
				t.Fatalf("printed nothing; stderr %q", r.stderr)
			}
			for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
				if c := terminalUnsafe(out); c >= 0 {
					t.Errorf("%s holds %U:\n%q", name, c, out)
				}
			}
		})
	}
	// The fields are still shown, with stand-ins.
	if r := run(t, db, "show", "1"); !strings.Contains(r.stdout, "Gazette ␛]52;c;ZWNobyBoYWNrZWQ=␇␡") {
		t.Errorf("show does not show the outlet with control pictures:\n%s", r.stdout)
	}
}

// A CSV report neutralises cells a spreadsheet would run as formulas; with
// --raw-csv it keeps them, and every row's settings say which.
func TestHostileCSVReport(t *testing.T) {
	db := hostileArchive(t)
	title := func(args ...string) (string, string) {
		r := run(t, db, append([]string{"report", "--archive", "--full", "--format", "csv"}, args...)...)
		if r.code != 0 {
			t.Fatalf("report: exit %d, %s", r.code, r.stderr)
		}
		recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs[2][8], recs[2][len(recs[2])-1] // the second article's title, and the settings
	}
	got, settings := title()
	if !strings.HasPrefix(got, "'=HYPERLINK(") || !strings.Contains(settings, "csv.formulas=neutralised") {
		t.Errorf("default: title %q, settings %q", got, settings)
	}
	got, settings = title("--raw-csv")
	if !strings.HasPrefix(got, "=HYPERLINK(") || !strings.Contains(settings, "csv.formulas=raw") {
		t.Errorf("--raw-csv: title %q, settings %q", got, settings)
	}
	if r := run(t, db, "report", "--archive", "--format", "md", "--raw-csv"); r.code != 2 {
		t.Errorf("--raw-csv with markdown: exit %d, want 2", r.code)
	}
}
