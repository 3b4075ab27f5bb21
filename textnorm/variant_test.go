package textnorm_test

import (
	"testing"

	"github.com/storydiff/storydiff/textnorm"
)

func key(w string) string { return textnorm.VariantKey(textnorm.Fold(w)) }

func TestVariantKeySame(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{"zelenskyy", "Zelensky", "Zelenskyy"},
		{"zhelensky", "Zelensky", "Zhelensky"},
		{"selenskyj", "Zelensky", "Selenskyj"},
		{"zelenskiy", "Zelensky", "Zelenskiy"},
		{"zelenskii", "Zelenskyy", "Zelenskii"},
		{"kyiv kiev", "Kyiv", "Kiev"},
		{"kyiv possessive", "Kyiv’s", "Kiev"},
		{"shoigu", "Shoigu", "Shoygu"},
		{"sergei", "Sergei", "Sergey"},
		{"sergej", "Sergei", "Sergej"},
		{"dmitriy", "Dmitriy", "Dmitry"},
		{"austin case", "AUSTIN", "Austin"},
		{"austin possessive", "Austin's", "Austin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ka, kb := key(tt.a), key(tt.b); ka != kb {
				t.Errorf("VariantKey(%q) = %q, VariantKey(%q) = %q, want equal", tt.a, ka, tt.b, kb)
			}
		})
	}
}

func TestVariantKeyDistinct(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{"sky ski", "sky", "ski"},
		{"dye die", "dye", "die"},
		{"byte bite", "byte", "bite"},
		{"hoping hopping", "hoping", "hopping"},
		{"later latter", "later", "latter"},
		{"diner dinner", "diner", "dinner"},
		{"bat bit", "bat", "bit"},
		{"sing zing", "sing", "zing"},
		{"sip zip", "sip", "zip"},
		{"austin justin", "Austin", "Justin"},
		{"they them", "they", "them"},
		{"key kei", "key", "keg"},
		{"lied lid", "lied", "lid"},
		{"style stile", "style", "stile"},
		{"super supper", "super", "supper"},
		{"seal zeal", "seal", "zeal"},
		{"royal rial", "royal", "rial"},
		{"money mone", "money", "mono"},
		{"copying coping", "copying", "coping"},
		{"lobbying lobbing", "lobbying", "lobbing"},
		{"taxiing taxing", "taxiing", "taxing"},
		{"laying laing", "laying", "laing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ka, kb := key(tt.a), key(tt.b); ka == kb {
				t.Errorf("VariantKey(%q) = VariantKey(%q) = %q, want distinct", tt.a, tt.b, ka)
			}
		})
	}
}

func TestVariantKeyKeepsPlainWords(t *testing.T) {
	tests := []string{"austin", "pentagon", "ceasefire", "ukraine", "call", "2022", "15.8m"}
	for _, w := range tests {
		t.Run(w, func(t *testing.T) {
			if got := textnorm.VariantKey(w); got != w {
				t.Errorf("VariantKey(%q) = %q, want it unchanged", w, got)
			}
		})
	}
}
