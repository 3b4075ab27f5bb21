package quotes

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find never panics and that every quote and speaker
// it returns is located by its code-point offsets.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`“We are ready,” Zelensky said. "Yes," he added, 'no'.`,
		"„Ja“, sagte er. «Non», a déclaré Macron. «Да», — заявил Песков.",
		"“Open\n\n“Again,” she said\n\n“unclosed",
		"Don't 'em O'Brien’s ‘90s ’n’ \"\"''«»‹›「」『』",
		"\"\xff\" said X.\"",
		"According to, said: “",
		`“a ‘b “c” d’ e,” said the the of of Minister`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rs := []rune(text)
		prevEnd := 0
		for _, q := range Find(text) {
			if q.Start < prevEnd || q.Start >= q.End || q.End > len(rs) {
				t.Fatalf("quote [%d,%d) invalid after %d in %d runes", q.Start, q.End, prevEnd, len(rs))
			}
			if string(rs[q.Start:q.End]) != q.Text {
				t.Fatalf("quote text %q != substring %q", q.Text, string(rs[q.Start:q.End]))
			}
			if q.Speaker != "" && (q.SpeakerStart < 0 || q.SpeakerEnd > len(rs) || q.SpeakerStart >= q.SpeakerEnd ||
				string(rs[q.SpeakerStart:q.SpeakerEnd]) != q.Speaker) {
				t.Fatalf("speaker %q not at [%d,%d)", q.Speaker, q.SpeakerStart, q.SpeakerEnd)
			}
			if !utf8.ValidString(q.Key) || q.Key == "" {
				t.Fatalf("key %q", q.Key)
			}
			prevEnd = q.End
		}
	})
}
