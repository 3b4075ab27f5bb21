package report_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/report"
)

var day = time.Date(2026, 11, 30, 22, 15, 0, 0, time.UTC)

func TestFileNameSaysWhatTheReportHolds(t *testing.T) {
	for _, c := range []struct {
		name string
		n    report.Name
		want string
	}{
		{"pair", report.Name{Kind: report.KindPair, IDs: []int64{12, 47}, Title: "Floods close Valencia's port", Created: day, Format: report.HTML},
			"storydiff-pair-12-vs-47-floods-close-valencia-s-port-2026-11-30.html"},
		{"story", report.Name{Kind: report.KindStory, IDs: []int64{3}, Title: "Élection présidentielle : le second tour", Created: day, Format: report.PDF},
			"storydiff-story-3-election-presidentielle-le-second-tour-2026-11-30.pdf"},
		{"duplicates", report.Name{Kind: report.KindDuplicates, Created: day, Format: report.CSV},
			"storydiff-duplicates-2026-11-30.csv"},
		{"archive", report.Name{Kind: report.KindArchive, Title: "real-imported", Created: day, Format: report.Markdown},
			"storydiff-archive-real-imported-2026-11-30.md"},
		{"letters NFKD does not take apart", report.Name{Kind: report.KindStory, IDs: []int64{8}, Title: "Ærøskøbing straße Łódź", Created: day, Format: report.JSON},
			"storydiff-story-8-aeroskobing-strasse-lodz-2026-11-30.json"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := report.FileName(c.n); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// portable is what a name may hold on Windows, macOS and Linux alike: no
// reserved character, no control character, no leading dot or dash.
var portable = regexp.MustCompile(`^storydiff-[a-z0-9]+(-[a-z0-9]+)*\.(html|pdf|md|csv|json)$`)

func TestFileNameOfHostileTitles(t *testing.T) {
	long := strings.Repeat("Verylongword ", 200)
	for _, c := range []struct {
		name, title, want string
	}{
		{"path separators and dot-dot", `../../etc/passwd\..\boot.ini`, "storydiff-pair-1-vs-2-etc-passwd-boot-ini-2026-11-30.html"},
		{"reserved characters", `a:b*c?d"e<f>g|h`, "storydiff-pair-1-vs-2-a-b-c-d-e-f-g-h-2026-11-30.html"},
		{"control characters and escapes", "\x00\x1b[31mred\x07\r\nline", "storydiff-pair-1-vs-2-31mred-line-2026-11-30.html"},
		{"right-to-left override", "invoice\u202Efdp.exe", "storydiff-pair-1-vs-2-invoice-fdp-exe-2026-11-30.html"},
		{"a leading dot", ".hidden", "storydiff-pair-1-vs-2-hidden-2026-11-30.html"},
		{"a Windows device name", "CON", "storydiff-pair-1-vs-2-con-2026-11-30.html"},
		{"all non-Latin falls back to the ids", "Путин и Си Цзиньпин 習近平 مرحبا", "storydiff-pair-1-vs-2-2026-11-30.html"},
		{"empty", "", "storydiff-pair-1-vs-2-2026-11-30.html"},
		{"only punctuation", "!!! ... ---", "storydiff-pair-1-vs-2-2026-11-30.html"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := report.FileName(report.Name{Kind: report.KindPair, IDs: []int64{1, 2}, Title: c.title, Created: day, Format: report.HTML})
			if got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
	t.Run("very long titles are cut at a word", func(t *testing.T) {
		got := report.FileName(report.Name{Kind: report.KindPair, IDs: []int64{123456789, 987654321}, Title: long, Created: day, Format: report.HTML})
		if len(got) > report.MaxFileName {
			t.Errorf("%d bytes, want at most %d: %q", len(got), report.MaxFileName, got)
		}
		if !strings.HasPrefix(got, "storydiff-pair-123456789-vs-987654321-verylongword-") || !strings.HasSuffix(got, "-verylongword-2026-11-30.html") {
			t.Errorf("got %q, want whole words, the ids and the date", got)
		}
	})
	// Whatever the title, the name is portable and can be created as it is
	// in a folder, without making or leaving one.
	dir := t.TempDir()
	for _, title := range []string{long, "../x", "/", `\\server\share`, "a\x00b", "\u200f\u202b\u2066", "..", ".", "~user", "$HOME", "%2e%2e%2f", strings.Repeat("é", 300)} {
		got := report.FileName(report.Name{Kind: report.KindStory, IDs: []int64{3}, Title: title, Created: day, Format: report.PDF})
		if !portable.MatchString(got) || len(got) > report.MaxFileName || strings.Contains(got, "--") {
			t.Errorf("title %q gives %q", title, got)
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, got), nil, 0o644); err != nil {
			t.Errorf("title %q: %v", title, err)
		}
	}
	if es, _ := os.ReadDir(dir); len(es) == 0 {
		t.Fatal("no file was made")
	}
}
