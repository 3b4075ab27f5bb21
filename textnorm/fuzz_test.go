package textnorm_test

import (
	"github.com/storydiff/storydiff/core"
	"testing"
	"unicode/utf8"

	"github.com/storydiff/storydiff/textnorm"
)

// checkSpans fails unless every span lies inside a text of n runes, is not
// empty, and starts at or after the end of the one before.
func checkSpans(t *testing.T, what string, n int, spans []core.Span) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > n {
			t.Fatalf("%s span %d = %+v invalid (prev end %d, %d runes)", what, i, sp, prev, n)
		}
		prev = sp.End
	}
}

func FuzzSegments(f *testing.F) {
	for _, s := range []string{
		"Austin called. Shoigu answered.\n\nA U.S. official said 15.8m.",
		"“Quote.” Next!\r\n\r\nMr. X",
		"a\xffb. C\xc3",
		"... . ! ?\n\n\n",
		"Kyiv’s 1,000 cease-fire",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		checkSpans(t, "Lines", n, textnorm.Lines(s))
		checkSpans(t, "Paragraphs", n, textnorm.Paragraphs(s))
		checkSpans(t, "Sentences", n, textnorm.Sentences(s))
		toks := textnorm.Words(s)
		spans := make([]core.Span, len(toks))
		rs := []rune(s)
		for i, tk := range toks {
			spans[i] = tk.Span
			if tk.Key == "" {
				t.Fatalf("token %d %q has an empty key", i, tk.Text)
			}
		}
		checkSpans(t, "Words", n, spans)
		for i, tk := range toks {
			if got := string(rs[tk.Start:tk.End]); got != tk.Text {
				t.Fatalf("token %d text %q, span covers %q", i, tk.Text, got)
			}
		}
		if out := textnorm.Normalize(s); !utf8.ValidString(out) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, out)
		}
	})
}
