package textnorm_test

import (
	"github.com/storydiff/storydiff/core"
	"reflect"
	"testing"

	"github.com/storydiff/storydiff/textnorm"
)

// texts returns the substrings the spans cover.
func texts(s string, spans []core.Span) []string {
	rs := []rune(s)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = string(rs[sp.Start:sp.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Austin called. Shoigu answered.", []string{"Austin called.", "Shoigu answered."}},
		{"us acronym", "A U.S. official said so. Then he left.", []string{"A U.S. official said so.", "Then he left."}},
		{"title", "Mr. Austin spoke to Gen. Milley. It was short.", []string{"Mr. Austin spoke to Gen. Milley.", "It was short."}},
		{"number", "Sales rose to 15.8m this year. Good.", []string{"Sales rose to 15.8m this year.", "Good."}},
		{"quote closes", `He said "stop." Then "go!" She left.`, []string{`He said "stop."`, `Then "go!"`, "She left."}},
		{"lower case next", "It rose 3 p.c. and fell. Yes.", []string{"It rose 3 p.c. and fell.", "Yes."}},
		{"headline line", "Pentagon chief calls Moscow\n\nThe call lasted an hour.", []string{"Pentagon chief calls Moscow", "The call lasted an hour."}},
		{"question", "Why? Because.", []string{"Why?", "Because."}},
		{"initial", "J. Smith wrote it. Done.", []string{"J. Smith wrote it.", "Done."}},
		{"unicode offsets", "Зеленский сказал. Всё.", []string{"Зеленский сказал.", "Всё."}},
		{"blank", " \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, textnorm.Sentences(tt.in))
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"blank lines join wrapped lines", "Title\n\nfirst line\nsecond line\n\n  last  \n", []string{"Title", "first line\nsecond line", "last"}},
		{"one per line without blank lines", "a\nb\r\nc", []string{"a", "b", "c"}},
		{"crlf blank", "a\r\n\r\nb", []string{"a", "b"}},
		{"unicode", "Ünïcode\n\nwörds", []string{"Ünïcode", "wörds"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, textnorm.Paragraphs(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Paragraphs(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantText  []string
		wantKey   []string
		wantStart []int
	}{
		{"possessive and number", "Kyiv’s 15.8m cost", []string{"Kyiv’s", "15.8m", "cost"}, []string{"kiv", "15.8m", "cost"}, []int{0, 7, 13}},
		{"hyphen splits", "cease-fire", []string{"cease", "fire"}, []string{"cease", "fire"}, []int{0, 6}},
		{"quotes outside", `"immediate"`, []string{"immediate"}, []string{"immediate"}, []int{1}},
		{"rune offsets", "Зеленский и Austin", []string{"Зеленский", "и", "Austin"}, []string{"зеленскии", "и", "austin"}, []int{0, 10, 12}},
		{"thousands", "1,000 troops, 2 ships", []string{"1,000", "troops", "2", "ships"}, []string{"1,000", "troops", "2", "ships"}, []int{0, 6, 14, 16}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := textnorm.Words(tt.in)
			var text, keys []string
			var starts []int
			for _, tk := range toks {
				text = append(text, tk.Text)
				keys = append(keys, tk.Key)
				starts = append(starts, tk.Start)
			}
			if !reflect.DeepEqual(text, tt.wantText) || !reflect.DeepEqual(keys, tt.wantKey) || !reflect.DeepEqual(starts, tt.wantStart) {
				t.Errorf("Words(%q)\n got %q %q %v\nwant %q %q %v", tt.in, text, keys, starts, tt.wantText, tt.wantKey, tt.wantStart)
			}
		})
	}
}
