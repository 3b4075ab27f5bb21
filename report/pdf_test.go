package report_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/report"
)

func TestPDFEmbedsItsFonts(t *testing.T) {
	pdf := write(t, pairModel(), report.PDF)
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 16)])
	}
	for _, want := range []string{"/FontFile2", "/BaseFont /utf8dejavusans", "/BaseFont /utf8dejavumono", "/CreationDate (D:20240506070809"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// TestPDFText extracts the text of the PDF report with pdftotext (from
// poppler-utils) and checks that Cyrillic, Greek and accented Latin come out
// as written, with page numbers and the provenance.
func TestPDFText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (apt-get install poppler-utils): PDF text not checked")
	}
	for _, m := range models {
		t.Run(m.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), m.name+".pdf")
			if err := os.WriteFile(p, write(t, m.model(), report.PDF), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").CombinedOutput()
			if err != nil {
				t.Fatalf("pdftotext: %v\n%s", err, out)
			}
			text := string(out)
			wants := []string{"Provenance", "/archive/<b>.db", "2024-05-06 07:08:09 UTC", "ab12cd34ab12cd34"}
			if m.name == "archive summary" {
				wants = []string{"Provenance", "/archive/<b>.db", "2024-05-06 07:08:09 UTC", "Largest duplicate groups", "--full"}
			}
			if m.name == "pair" || m.name == "story" {
				wants = append(wants, "Министр обороны", "Ο υπουργός Άμυνας", "Pérez Núñez", "<script>alert(1)</script>",
					"[moved to #1]", "[moved from #1]")
			}
			for _, w := range wants {
				if !strings.Contains(text, w) {
					t.Errorf("PDF text lacks %q:\n%s", w, text)
				}
			}
			pages := regexp.MustCompile(`page (\d+) of (\d+)`).FindAllStringSubmatch(text, -1)
			if len(pages) == 0 || pages[0][1] != "1" || pages[len(pages)-1][1] != pages[0][2] {
				t.Errorf("page numbers = %v, want page 1 of N ... page N of N", pages)
			}
		})
	}
}
