package detect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storydiff/storydiff/textnorm"
)

// TestChromeBoundsHoldEveryMatch checks the length bound that lets
// chromeLine skip a pattern: every line a pattern matches is within it.
// Lines: every prefix of the seed articles' lines and chrome lines padded
// to either side of each bound.
func TestChromeBoundsHoldEveryMatch(t *testing.T) {
	bounds := map[string]int{
		`^.{0,80}(getty images|reuters|afp|ap photo|epa|imago images|dpa|shutterstock|anadolu)\)?$`: 93,
		`^(\(c\)|©|copyright).{0,80}$`: 89,
		`^(next|previous)$`:            8,
		`^tags?:.*$`:                   -1,
		`^(#[^ #]+ ?)+$`:               -1,
		`^leave a (reply|comment)\b`:   -1, // not anchored at the end: matches inside longer lines
	}
	for expr, want := range bounds {
		if got := wholeLineMaxRunes(expr); got != want {
			t.Errorf("bound of %s = %d, want %d", expr, got, want)
		}
	}

	var lines []string
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			r := []rune(textnorm.Normalize(l))
			for i := 0; i <= len(r) && i <= maxChromeLen; i++ {
				lines = append(lines, string(r[:i]))
			}
		}
	}
	chrome := []string{"photo: getty images", "(c) 2024 the daily", "next", "© ap photo", "copyright reuters"}
	for _, c := range chrome {
		for n := 0; n < 100; n++ {
			pad := strings.Repeat("x", n)
			lines = append(lines, c, pad+c, c+pad, pad+" "+c, "© "+pad)
		}
	}
	bounded := 0
	for _, p := range chromePatterns() {
		if p.maxRunes < 0 {
			continue
		}
		bounded++
		for _, l := range lines {
			if n := utf8.RuneCountInString(l); n > p.maxRunes && p.re.MatchString(l) {
				t.Fatalf("%s matches %q of %d runes, past its bound %d", p.re, l, n, p.maxRunes)
			}
		}
	}
	if bounded < 5 {
		t.Errorf("%d patterns have a bound; want the short ones bounded", bounded)
	}
	// The skip gives chromeLine's answers: compare with every pattern tried.
	for _, l := range lines {
		all := false
		for _, p := range chromePatterns() {
			if p.re.MatchString(strings.TrimLeft(l, "•·*>»›→-–|+ ")) {
				all = true
				break
			}
		}
		if got := chromeLine(l); got != all && len(l) <= maxChromeLen {
			t.Fatalf("chromeLine(%q) = %v, every pattern tried: %v", l, got, all)
		}
	}
}
