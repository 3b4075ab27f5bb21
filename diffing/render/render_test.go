package render_test

import (
	"strings"
	"testing"

	"github.com/storydiff/storydiff/diffing"
	"github.com/storydiff/storydiff/diffing/render"
)

func TestText(t *testing.T) {
	moveA := "Alpha beta gamma delta epsilon.\n\nZeta eta.\n\n"
	moveB := "Zeta eta.\n\nAlpha beta gamma delta epsilon.\n\n"
	cases := []struct {
		name, a, b string
		opts       render.Options
		want       string
	}{
		{"insert and delete", "The quick brown fox.", "The quick red fox.", render.Options{}, "The quick [-brown-]{+red+} fox."},
		{"typo detail", "The goverment said.", "The government said.", render.Options{}, "The gover{+n+}ment said."},
		{"move", moveA, moveB, render.Options{},
			"[-moved to #1: Alpha beta gamma delta epsilon.\n\n-]Zeta eta.\n\n{+moved from #1: Alpha beta gamma delta epsilon.\n\n+}"},
		{"move with changes", "Alpha beta gamma delta epsilon zeta.\n\nEta.\n\n", "Eta.\n\nAlpha beta gamma delta epsilon theta.\n\n", render.Options{},
			"[-moved to #1: Alpha beta gamma delta epsilon zeta.\n\n-]Eta.\n\n{+moved from #1: Alpha beta gamma delta epsilon [-zeta-]{+theta+}.\n\n+}"},
		{"minor shown", "Zelensky said", "Zelenskyy said", render.Options{}, "Zelensky{+y+} said"},
		{"minor hidden", "Zelensky said", "Zelenskyy said", render.Options{HideMinor: true}, "Zelenskyy said"},
		{"colour", "a b", "a c", render.Options{Color: true}, "a \x1b[31;9m[-b-]\x1b[0m\x1b[32m{+c+}\x1b[0m"},
		{"escape sequences defused", "x \x1b[2J y", "x \x1b[2J z", render.Options{}, "x \u241b[2J [-y-]{+z+}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := diffing.Diff(c.a, c.b, diffing.Options{})
			got := render.Text(r, c.opts)
			if got != c.want {
				t.Errorf("Text =\n%q\nwant\n%q", got, c.want)
			}
			var w strings.Builder
			if err := render.WriteText(&w, r, c.opts); err != nil || w.String() != c.want {
				t.Errorf("WriteText = %q, %v\nwant %q", w.String(), err, c.want)
			}
		})
	}
}

func TestHTMLEscapesArticleText(t *testing.T) {
	a := "Hello <b>world</b> & friends.\n\nSafe paragraph with five words here."
	b := "Hello <script>alert('x')</script> & friends.\n\nSafe paragraph with five words here."
	got := render.HTML(diffing.Diff(a, b, diffing.Options{}), render.Options{})
	for _, bad := range []string{"<script", "<b>", "alert('x')"} {
		if strings.Contains(got, bad) {
			t.Errorf("HTML contains unescaped %q:\n%s", bad, got)
		}
	}
	for _, want := range []string{"script&gt;alert(&#39;x&#39;)&lt;/script", "&amp; friends", `<ins class="sd-ins">`, `<del class="sd-del">`} {
		if !strings.Contains(got, want) {
			t.Errorf("HTML lacks %q:\n%s", want, got)
		}
	}
}

func TestHTMLMarksMovesAndMinorWithoutColour(t *testing.T) {
	a := "Alpha beta gamma delta epsilon.\n\nZeta eta.\n\nSaid Zelensky.\n\n"
	b := "Zeta eta.\n\nSaid Zelenskyy.\n\nAlpha beta gamma delta epsilon.\n\n"
	got := render.HTML(diffing.Diff(a, b, diffing.Options{}), render.Options{})
	for _, want := range []string{"[moved to #1]", "[moved from #1]", `href="#sd-move-1-to"`, `id="sd-move-1-to"`, `sd-minor" data-why="variant"`} {
		if !strings.Contains(got, want) {
			t.Errorf("HTML lacks %q:\n%s", want, got)
		}
	}
	hidden := render.HTML(diffing.Diff(a, b, diffing.Options{}), render.Options{HideMinor: true})
	if strings.Contains(hidden, "sd-minor") || !strings.Contains(hidden, "Said Zelenskyy.") {
		t.Errorf("HideMinor HTML still marks the minor edit:\n%s", hidden)
	}
}

// FuzzHTML checks that no article text can open a tag.
func FuzzHTML(f *testing.F) {
	f.Add("a <b>", "a <script>x</script>")
	f.Add("\"'&", "<img src=x onerror=alert(1)>")
	f.Fuzz(func(t *testing.T, a, b string) {
		got := render.HTML(diffing.Diff(a, b, diffing.Options{}), render.Options{})
		inner := strings.TrimSuffix(strings.TrimPrefix(got, `<div class="sd-diff" style="white-space: pre-wrap">`), "</div>")
		for _, tag := range []string{"<del", "</del>", "<ins", "</ins>", "<a ", "</a>"} {
			inner = strings.ReplaceAll(inner, tag, "")
		}
		// What is left of markup are the attributes of our own tags, which
		// end in a quote then '>'; article text can never bring a '<'.
		if strings.Contains(inner, "<") {
			t.Fatalf("unescaped '<' in %q", got)
		}
	})
}
