package diffing_test

import (
	"github.com/storydiff/storydiff/core"
	"testing"

	"github.com/storydiff/storydiff/diffing"
)

func TestMinorEdits(t *testing.T) {
	cases := []struct {
		name, a, b string
		opts       diffing.Options
		want       string // Why of the changed ops; "" for not minor
	}{
		{"white space", "the  call was made", "the call was made", diffing.Options{}, "space"},
		{"line break for space", "the call\nwas made", "the call was made", diffing.Options{}, "space"},
		{"case", "the Call was made", "the call was made", diffing.Options{}, "case"},
		{"curly quotes", "an “immediate” ceasefire", "an \"immediate\" ceasefire", diffing.Options{}, "typography"},
		{"apostrophe", "Russia’s war", "Russia's war", diffing.Options{}, "typography"},
		{"dash", "support – primarily", "support - primarily", diffing.Options{}, "typography"},
		{"comma removed", "Austin, the secretary, said", "Austin the secretary said", diffing.Options{}, "punctuation"},
		{"transliteration", "said Zelensky today", "said Zelenskyy today", diffing.Options{}, "variant"},
		{"german spelling", "said Zelensky today", "said Selenskyj today", diffing.Options{}, "variant"},
		{"kiev and kyiv", "talks in Kiev ended", "talks in Kyiv ended", diffing.Options{}, "variant"},
		{"different word", "talks in Kyiv ended", "talks in Moscow ended", diffing.Options{}, ""},
		{"joined words are no space edit", "a black bird", "a blackbird", diffing.Options{}, ""},
		{"word added", "the call was made", "the first call was made", diffing.Options{}, ""},
		{"kind turned off", "the Call was made", "the call was made", diffing.Options{Minor: diffing.MinorSpace}, ""},
		{"boilerplate line", "Story text.\n\nRead also: one\n", "Story text.\n\nRead also: two\n",
			diffing.Options{BoilerplateA: []core.Span{{Start: 13, End: 27}}, BoilerplateB: []core.Span{{Start: 13, End: 27}}}, "boilerplate"},
		{"boilerplate line removed", "Story text.\n\nRead also: one\n\nMore story.\n", "Story text.\n\nMore story.\n",
			diffing.Options{BoilerplateA: []core.Span{{Start: 13, End: 27}}}, "boilerplate"},
		{"boilerplate spans elsewhere", "Story text.\n\nRead also: one\n", "Story text.\n\nRead also: two\n",
			diffing.Options{BoilerplateA: []core.Span{{Start: 0, End: 5}}, BoilerplateB: []core.Span{{Start: 0, End: 5}}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := diffing.Diff(c.a, c.b, c.opts)
			checkApply(t, c.a, c.b, r)
			changed := 0
			for _, o := range r.Ops {
				if o.Op == diffing.Equal {
					continue
				}
				changed++
				if o.Why != c.want || o.Minor != (c.want != "") {
					t.Errorf("op %s %q: minor %v why %q, want why %q", o.Op, o.Text, o.Minor, o.Why, c.want)
				}
			}
			if changed == 0 {
				t.Fatalf("no change found")
			}
			wantEdits := 0
			if c.want != "" {
				wantEdits = 1
			}
			if r.Stats.MinorEdits < wantEdits || (wantEdits == 0 && r.Stats.MinorEdits != 0) {
				t.Errorf("MinorEdits = %d, want %d", r.Stats.MinorEdits, wantEdits)
			}
		})
	}
}
