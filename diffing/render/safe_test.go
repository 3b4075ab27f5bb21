package render

import (
	"strings"
	"testing"
)

// writeSafeByRune is writeSafe without its shortcut: the reference it must
// agree with.
func writeSafeByRune(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r >= 0x80 && r < 0xa0:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestWriteSafeWritesTextAsIsOnlyWhenNothingNeedsReplacing(t *testing.T) {
	for _, s := range []string{
		"", "plain text\nwith a tab\tand é, ñ, 中文, 🙂",
		"bell\a", "escape \x1b[31m", "del\x7f", "c1 \u0085 next line", "c1 \u009b csi",
		"\xc2", "bad \xff byte", "cut \xe4\xb8", "\u00a0 no-break space stays", "\u00c2\u0080",
	} {
		var b strings.Builder
		writeSafe(&b, s)
		if got, want := b.String(), writeSafeByRune(s); got != want {
			t.Errorf("writeSafe(%q) = %q, want %q", s, got, want)
		}
	}
}
