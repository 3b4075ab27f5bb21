package reuse

import "testing"

func TestStem(t *testing.T) {
	same := [][]string{
		{"importance", "important"},
		{"maintain", "maintaining", "maintained", "maintains"},
		{"russia", "russian", "russians"},
		{"emphasised", "emphasized", "emphasize"},
		{"talk", "talks", "talked", "talking"},
		{"communication", "communications"},
	}
	for _, g := range same {
		for _, w := range g[1:] {
			if stem(w) != stem(g[0]) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q: want equal", w, stem(w), g[0], stem(g[0]))
			}
		}
	}
	apart := [][2]string{{"class", "clas"}, {"war", "was"}, {"status", "stat"}, {"1,348", "1348"}}
	for _, p := range apart {
		if stem(p[0]) == stem(p[1]) {
			t.Errorf("stem(%q) = stem(%q) = %q: want different", p[0], p[1], stem(p[0]))
		}
	}
	if got := stem("kyiv's"); got != "kyiv's" {
		t.Errorf("a key holding other than a-z is left alone, got %q", got)
	}
}
