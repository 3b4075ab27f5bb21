package textnorm_test

import (
	"testing"

	"github.com/storydiff/storydiff/textnorm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"case and spaces", "  The  PENTAGON\n\tsaid ", "the pentagon said"},
		{"curly quotes", "“immediate” ceasefire, Russia’s", `"immediate" ceasefire, russia's`},
		{"guillemets", "«Lesen Sie auch»", `"lesen sie auch"`},
		{"dashes", "2022–2024 — war", "2022-2024 - war"},
		{"nfkc ligature and width", "ﬁnal ＡＢＣ", "final abc"},
		{"sharp s folds", "Straße", "strasse"},
		{"no-break space", "a\u00a0b", "a b"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textnorm.Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii upper", "ZELENSKYY", "zelenskyy"},
		{"diacritics", "Zelenskÿy", "zelenskyy"},
		{"curly apostrophe", "Kyiv’s", "kyiv's"},
		{"polish l", "Łódź", "lodz"},
		{"german", "Größe", "grosse"},
		{"already folded", "austin", "austin"},
		{"cyrillic lowers", "Шойгу", "шоигу"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textnorm.Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
