package align_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/align"
	"github.com/storydiff/storydiff/diffing"
)

// checkTiles checks the promise of Pair: the A spans of the rows tile A and
// the B spans tile B (each code point in exactly one row), each span's text
// is what it covers, and each row's ops rebuild both its sides.
func checkTiles(t *testing.T, a, b string, rows []align.Row) {
	t.Helper()
	ra, rb := []rune(diffing.Clean(a)), []rune(diffing.Clean(b))
	for _, side := range []struct {
		name string
		rs   []rune
		get  func(align.Row) *align.Span
	}{{"A", ra, func(r align.Row) *align.Span { return r.A }}, {"B", rb, func(r align.Row) *align.Span { return r.B }}} {
		var spans []align.Span
		for _, r := range rows {
			if s := side.get(r); s != nil {
				if s.Start >= s.End || s.End > len(side.rs) || s.Text != string(side.rs[s.Start:s.End]) {
					t.Fatalf("%s span %d-%d %q does not match the text", side.name, s.Start, s.End, s.Text)
				}
				spans = append(spans, *s)
			}
		}
		slices.SortFunc(spans, func(x, y align.Span) int { return x.Start - y.Start })
		at := 0
		for _, s := range spans {
			if s.Start != at {
				t.Fatalf("%s spans leave a gap or overlap at %d (next starts at %d)", side.name, at, s.Start)
			}
			at = s.End
		}
		if at != len(side.rs) {
			t.Fatalf("%s spans end at %d of %d", side.name, at, len(side.rs))
		}
	}
	for k, r := range rows {
		if r.A == nil && r.B == nil {
			t.Fatalf("row %d is empty", k)
		}
		var fromA, fromB strings.Builder
		for _, o := range r.Ops {
			switch o.Kind {
			case "equal":
				fromA.WriteString(o.Text)
				fromB.WriteString(o.Text)
			case "delete":
				fromA.WriteString(o.Text)
			case "insert":
				fromB.WriteString(o.Text)
			default:
				t.Fatalf("row %d: op kind %q", k, o.Kind)
			}
		}
		if text(r.A) != fromA.String() || text(r.B) != fromB.String() {
			t.Fatalf("row %d: ops rebuild %q / %q, want %q / %q", k, fromA.String(), fromB.String(), text(r.A), text(r.B))
		}
	}
}

func text(s *align.Span) string {
	if s == nil {
		return ""
	}
	return s.Text
}

// rowWith finds a row whose A text holds inA and whose B text holds inB.
func rowWith(rows []align.Row, inA, inB string) *align.Row {
	for k, r := range rows {
		if strings.Contains(text(r.A), inA) && strings.Contains(text(r.B), inB) {
			return &rows[k]
		}
	}
	return nil
}

func TestPairSeeds(t *testing.T) {
	s := seeds(t)
	tests := []struct {
		name     string
		a, b     int
		inA, inB string
	}{
		{"003-004 Ryder", 3, 4, "Pentagon spokesman Pat Ryder said", "Patrick Ryder, a Pentagon spokesman"},
		{"003-004 last call", 3, 4, "Sergei Shoigu was still Russian Defense Minister", "was the first since the Russian economist took over"},
		// The last call's date stands in the sentence before, which shares
		// little with 004's but belongs to the same row.
		{"003-004 last call in March 2023", 3, 4, "Austin last spoke to his Russian counterpart on March 15, 2023. At that time", "was the first since the Russian economist took over"},
		{"003-004 lede", 3, 4, "Lloyd Austin has spoken to his Russian counterpart in a rare exchange", "Behind the scenes Defense Secretary Lloyd Austin spoke"},
		// 003 tells Belousov's warning of an escalation in one sentence,
		// 004 over three of one paragraph.
		{"003-004 Belousov on an escalation", 3, 4, "Belousov pointed to the increasing danger of an escalation", "Belousov had warned the US"},
		{"003-004 Belousov on an escalation of tensions", 3, 4, "Belousov pointed to the increasing danger of an escalation", "an escalation of tensions between Moscow and Washington"},
		{"004-003 Belousov on an escalation", 4, 3, "Belousov had warned the US", "Belousov pointed to the increasing danger of an escalation"},
		{"000-001 first since February 18", 0, 1, "for the first time since February 18", "for the first time since February 18"},
		{"000-001 urged a ceasefire", 0, 1, "importance of an immediate ceasefire", "urged an immediate ceasefire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if m := align.Mode(s[tt.a], s[tt.b]); m != align.ModeAligned {
				t.Fatalf("mode %s, want aligned", m)
			}
			rows := align.Pair(s[tt.a], s[tt.b], align.Options{})
			checkTiles(t, s[tt.a], s[tt.b], rows)
			if rowWith(rows, tt.inA, tt.inB) == nil {
				t.Errorf("no row pairs %q with %q", tt.inA, tt.inB)
			}
		})
	}
}

// TestPairSeedsApart: sentences of 003 and 004 that share only a name and
// a title (or the story's topic) report different things and stay apart,
// and a photo caption does not take the place of the body sentence that
// reports the same.
func TestPairSeedsApart(t *testing.T) {
	s := seeds(t)
	rows := align.Pair(s[3], s[4], align.Options{})
	for _, tt := range []struct{ inA, inB string }{
		{"\u201cOur people are home,\u201d Ukrainian President Volodymyr Zelenskyy said", "Zelensky plans to develop an action plan"},
		// 003's photo caption is not 004's lede.
		{"makes a phone call at his desk", "Behind the scenes Defense Secretary Lloyd Austin spoke"},
	} {
		if r := rowWith(rows, tt.inA, tt.inB); r != nil {
			t.Errorf("row pairs %q with %q (score %.2f)", tt.inA, tt.inB, r.Score)
		}
	}
}

// TestPairNameAndTitleOnly: between related versions, a sentence sharing
// with another only a person's name and title is not aligned with it,
// while one sharing what was done is (the verb's stem is enough).
func TestPairNameAndTitleOnly(t *testing.T) {
	a := "Ukrainian President Volodymyr Zelensky thanked the soldiers who came home. " +
		"The exchange was mediated by the Emirates after weeks of talks. " +
		"Defense Secretary Lloyd Austin has spoken at length."
	b := "Ukrainian President Volodymyr Zelensky wants a peace plan ready by November. " +
		"After weeks of talks, the Emirates mediated the exchange. " +
		"Defense Secretary Lloyd Austin spoke on Friday."
	rows := align.Pair(a, b, align.Options{Mode: align.ModeAligned})
	checkTiles(t, a, b, rows)
	if r := rowWith(rows, "thanked the soldiers", "peace plan"); r != nil {
		t.Errorf("sentences sharing only a name and title aligned (score %.2f)", r.Score)
	}
	if rowWith(rows, "mediated by the Emirates", "the Emirates mediated") == nil {
		t.Error("sentences on the mediation not aligned")
	}
	// A name and title with a shared verb, if in another form, is enough.
	if rowWith(rows, "has spoken at length", "spoke on Friday") == nil {
		t.Error("sentences sharing a name, a title and a verb's stem not aligned")
	}
}

// TestPairWindow: a sentence unpaired against any single sentence is
// linked to two sentences of one paragraph that together share with it an
// uncommon name and an uncommon word, but not to two that share a name and
// a common word only, nor when a number in each side differs.
func TestPairWindow(t *testing.T) {
	filler := "The weather in the capital was mild for the season. " +
		"Markets opened higher on the news from abroad. " +
		"Officials declined to comment on the schedule. " +
		"Trains ran late across the north of the country. " +
		"The museum reopened after a long renovation. " +
		"Schools will close early for the holiday.\n\n"
	a := filler + "Kovalenko pointed to the growing danger of an escalation along the river."
	bOf := func(first, second string) string {
		return filler + "Reporters gathered at the ministry in the morning.\n\n" +
			first + " " + second + "\n\n" +
			"Prices of bread rose again at the markets downtown."
	}
	for _, tt := range []struct {
		name          string
		first, second string
		linked        bool
	}{
		{"uncommon name and word", "Days earlier Kovalenko had written to the ministers about the plans.",
			"Otherwise there would have been an escalation between the capitals.", true},
		{"name and common word", "Days earlier Kovalenko had written to the ministers about the plans.",
			"Otherwise there would have been a danger for the people of the town.", false},
		{"numbers that differ", "On May 3 Kovalenko had written to the ministers about the plans.",
			"Otherwise there would have been an escalation between the capitals.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := a
			if tt.name == "numbers that differ" {
				a = strings.Replace(a, "along the river", "along the river on June 9", 1)
			}
			b := bOf(tt.first, tt.second)
			rows := align.Pair(a, b, align.Options{Mode: align.ModeAligned})
			checkTiles(t, a, b, rows)
			r := rowWith(rows, "Kovalenko pointed", "Kovalenko had written")
			if got := r != nil && strings.Contains(text(r.B), tt.second); got != tt.linked {
				t.Errorf("linked %v, want %v (rows %+v)", got, tt.linked, rows)
			}
			for _, r := range rows {
				if r.A != nil && r.B != nil && strings.Contains(text(r.A), "Kovalenko") != strings.Contains(text(r.B), "Kovalenko") {
					t.Errorf("row pairs %q with %q", text(r.A), text(r.B))
				}
			}
		})
	}
}

// TestPairNearDuplicate: a republication with edits and a moved paragraph
// is compared by the plain word diff, cut into rows, with the move marked.
func TestPairNearDuplicate(t *testing.T) {
	a := seeds(t)[3]
	paras := strings.Split(a, "\n\n")
	moved := paras[5]
	rest := append(slices.Clone(paras[:5]), paras[6:]...)
	b := strings.Join(append(rest[:1], append([]string{moved}, rest[1:]...)...), "\n\n")
	b = strings.Replace(b, "Moscow and Kiev are exchanging 180 hostages", "Moscow and Kyiv exchanged 180 prisoners", 1)
	b = strings.Replace(b, "Other issues were also discussed.", "", 1)
	if m := align.Mode(a, b); m != align.ModeDiff {
		t.Fatalf("mode %s, want diff", m)
	}
	rows := align.Pair(a, b, align.Options{})
	checkTiles(t, a, b, rows)
	var got []align.Op
	for _, r := range rows {
		got = append(got, r.Ops...)
	}
	var want []align.Op
	for _, o := range diffing.Diff(a, b, diffing.Options{}).Ops {
		kind := string(o.Op)
		if o.Op == diffing.Move {
			kind = map[string]string{diffing.MoveFrom: "delete", diffing.MoveTo: "insert"}[o.Role]
		}
		want = append(want, align.Op{Kind: kind, Text: o.Text, Minor: o.Minor})
	}
	if g, w := coalesce(got), coalesce(want); !slices.Equal(g, w) {
		t.Errorf("rows' ops differ from the word diff:\n got %v\nwant %v", g, w)
	}
	var from, to bool
	for _, r := range rows {
		if !r.Moved {
			continue
		}
		from = from || (r.B == nil && strings.TrimSpace(text(r.A)) == strings.TrimSpace(moved))
		to = to || (r.A == nil && strings.TrimSpace(text(r.B)) == strings.TrimSpace(moved))
	}
	if !from || !to {
		t.Errorf("moved paragraph not marked at both ends (from %v, to %v)", from, to)
	}
}

// coalesce joins neighbouring ops of one kind, as rows cut unchanged text
// at line breaks.
func coalesce(ops []align.Op) []align.Op {
	var out []align.Op
	for _, o := range ops {
		if n := len(out); n > 0 && out[n-1].Kind == o.Kind && out[n-1].Minor == o.Minor {
			out[n-1].Text += o.Text
			continue
		}
		out = append(out, o)
	}
	return out
}

func TestPairTilesGenerated(t *testing.T) {
	for _, texts := range corpora(t) {
		for k, a := range texts {
			v := gen(t, uint64(k), a, defaultRates)
			for _, mode := range []string{align.ModeAligned, align.ModeDiff} {
				checkTiles(t, v.a, v.b, align.Pair(v.a, v.b, align.Options{Mode: mode}))
			}
		}
	}
}

func FuzzPair(f *testing.F) {
	f.Add("Austin called Shoigu.  The call lasted an hour.\n\n", "  The call lasted an hour. Austin called Shoigu on Friday.")
	f.Add("", "   ")
	f.Add(" \n", "One.\nTwo")
	f.Add("\xff\xfe bad bytes. Fine.", "Fine. \xff")
	f.Add("A b c d e.\n\nF g h i j.\n", "F g h i j.\n\nA b c d e.\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkTiles(t, a, b, align.Pair(a, b, align.Options{Mode: align.ModeAligned}))
		checkTiles(t, a, b, align.Pair(a, b, align.Options{Mode: align.ModeDiff}))
	})
}
