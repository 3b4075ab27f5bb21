package detect_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storydiff/storydiff/detect"
)

func TestRepeatedPassages(t *testing.T) {
	lede := "Dock workers in Valmora ended a nine-day strike on Tuesday."
	tests := []struct {
		name      string
		text      string
		wantCount int
		wantOcc   int
		wantText  string
	}{
		{"headline and lede twice", "Strike ends\n\n" + lede + "\n\nStrike ends\n\n" + lede + "\n\nMore text follows here today.", 1, 2, "Strike ends\n\n" + lede},
		{"three times", lede + " " + lede + " " + lede, 1, 3, lede},
		{"chrome between copies does not break the run", "Strike ends now here\n\nRead also: other\n\n" + lede + "\n\nStrike ends now here\n\n" + lede, 1, 2, "Strike ends now here\n\nRead also: other\n\n" + lede},
		{"short sentence repeated is ignored", "Read more. Then this. Read more.", 0, 0, ""},
		{"no repeat", wire, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detect.RepeatedPassages(tt.text)
			if len(got) != tt.wantCount {
				t.Fatalf("got %d passages %+v, want %d", len(got), got, tt.wantCount)
			}
			if tt.wantCount == 0 {
				return
			}
			if len(got[0].Occurrences) != tt.wantOcc || got[0].Text != tt.wantText {
				t.Errorf("got %d occurrences of %q, want %d of %q", len(got[0].Occurrences), got[0].Text, tt.wantOcc, tt.wantText)
			}
		})
	}
}

func TestSharedPassages(t *testing.T) {
	quote := `"We did not want this fight, but we will not apologise for winning it," Varga told reporters outside the union office.`
	edited := `"We did not want this fight but we will not apologize for winning it," Varga told the reporters outside the union's office.`
	tests := []struct {
		name      string
		a, b      string
		wantCount int
		minScore  float64
	}{
		{"verbatim quote inside other text", "The port is calm. " + quote + " Cranes are moving.", "Elsewhere, news. " + quote + " And the weather.", 1, 0.99},
		{"small edits inside the span", "The port is calm. " + quote, "Elsewhere. " + edited + " Nothing else.", 1, 0.7},
		{"spelling variants match", "President Zelensky met officials in Kyiv on Monday to discuss the grain corridor and the winter energy plan.", "President Zelenskyy met officials in Kiev on Monday to discuss the grain corridor and the winter energy plan.", 1, 0.99},
		{"nothing shared", wire, unrelated, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detect.SharedPassages(tt.a, tt.b, detect.PassageOptions{})
			if len(got) != tt.wantCount {
				t.Fatalf("got %d passages %+v, want %d", len(got), got, tt.wantCount)
			}
			ra, rb := []rune(tt.a), []rune(tt.b)
			for _, p := range got {
				if p.Score < tt.minScore {
					t.Errorf("score %.3f, want at least %.2f", p.Score, tt.minScore)
				}
				if string(ra[p.A.Start:p.A.End]) != p.Text {
					t.Errorf("Text %q is not a's span %q", p.Text, string(ra[p.A.Start:p.A.End]))
				}
				if sb := string(rb[p.B.Start:p.B.End]); !strings.Contains(sb, "Varga") && !strings.Contains(sb, "corridor") {
					t.Errorf("b span %q misses the shared passage", sb)
				}
			}
		})
	}
}

func validSpan(n, start, end int) bool { return 0 <= start && start < end && end <= n }

func FuzzPassages(f *testing.F) {
	f.Add(wire, moveParagraph(wire))
	f.Add("a b c d e f g h i j a b c d e f g h i j", "x a b c d e f g h i j")
	f.Add("\xff\xfe Kyiv Kyiv Kyiv Kyiv", "Kiev Kiev Kiev Kiev \xc3")
	f.Fuzz(func(t *testing.T, a, b string) {
		na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
		for _, p := range detect.SharedPassages(a, b, detect.PassageOptions{}) {
			if !validSpan(na, p.A.Start, p.A.End) || !validSpan(nb, p.B.Start, p.B.End) || p.Score <= 0 || p.Score > 1 {
				t.Fatalf("bad passage %+v for %d/%d runes", p, na, nb)
			}
		}
		for _, r := range detect.RepeatedPassages(a) {
			if len(r.Occurrences) < 2 {
				t.Fatalf("repeat with %d occurrences", len(r.Occurrences))
			}
			prev := -1
			for _, o := range r.Occurrences {
				if !validSpan(na, o.Start, o.End) || o.Start <= prev {
					t.Fatalf("bad occurrence %+v (prev start %d, %d runes)", o, prev, na)
				}
				prev = o.Start
			}
		}
		prev := 0
		for _, bl := range detect.MarkBlocks(a, detect.BlockOptions{Title: b}) {
			if !validSpan(na, bl.Start, bl.End) || bl.Start < prev {
				t.Fatalf("bad block %+v", bl)
			}
			prev = bl.End
		}
	})
}
