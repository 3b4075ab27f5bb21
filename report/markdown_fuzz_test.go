package report_test

import (
	"strings"
	"testing"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/report"
)

// ownLine reports whether a line outside code fences is one the Markdown
// writer makes itself; article text outside a fence means it broke out.
func ownLine(l string) bool {
	if l == "" {
		return true
	}
	for _, p := range []string{"#", "- ", "  - ", "|", "A ", "Marks:", "StoryDiff ", "Minor edits", "Coarser than", "The two articles", "The articles are"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// FuzzMarkdownFences checks that no article text, title or passage can
// close the code fence it sits in or start a line of its own, neither from
// the word diff nor from a cell of the aligned table.
func FuzzMarkdownFences(f *testing.F) {
	f.Add("a\n```\nb", "a\n````\n# x", "t```")
	f.Add("~~~\n", "    ```x\n", "<b>\n# h")
	f.Fuzz(func(t *testing.T, a, b, title string) {
		m := pairModel()
		m.A.Title, m.B.Byline = title, title
		m.Diff.Result = diffing.Diff(a, b, diffing.Options{})
		al := align.Compare(1, 2, a, b, align.Options{})
		m.Alignment = &al
		m.Diff.Passages[0].Text = b
		md := string(write(t, m, report.Markdown))
		fence := 0 // length of the open fence, 0 outside
		for _, l := range strings.Split(md, "\n") {
			ticks := len(l) - len(strings.TrimLeft(l, "`"))
			switch {
			case fence == 0 && ticks >= 3:
				fence = ticks
			case fence > 0 && ticks >= fence && strings.TrimSpace(l[ticks:]) == "":
				fence = 0
			case fence == 0 && !ownLine(l):
				t.Fatalf("article text outside a fence: %q\n%s", l, md)
			}
		}
		if fence != 0 {
			t.Fatalf("a fence is left open:\n%s", md)
		}
	})
}
