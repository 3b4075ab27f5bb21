package evidence

import "testing"

// A profile's era is the median of the years its text names, alone or in a
// full date; counts that look like years are not years, and one year alone
// makes no era. The era survives the codec.
func TestEraIsTheMedianYearNamed(t *testing.T) {
	for _, c := range []struct {
		text string
		want int16
	}{
		{"Labour won in 1997 and 2001, and the election of 5 May 2005 is near.", 2001},
		{"Shares rose in 1986 and 1987; the 1990s will tell.", 1987},
		{"The plant employs 2,004 people and made 1987.5 tonnes, up from 2010 units.", 0},
		{"By the year 2000 the line will be finished.", 0},
		{"No years at all.", 0},
	} {
		p := NewProfile(Input{Title: "A report", Text: c.text})
		if p.Era != c.want {
			t.Errorf("%q: era %d, want %d", c.text, p.Era, c.want)
		}
		b, _ := p.MarshalBinary()
		var q Profile
		if err := q.UnmarshalBinary(b); err != nil || q.Era != p.Era {
			t.Errorf("%q: era %d after the codec (%v), want %d", c.text, q.Era, err, p.Era)
		}
	}
	day := func(y int) int32 { return int32((y-1970)*365+(y-1969)/4) + 1 }
	if !(Timing{Era: 1997}).EraAllows(day(1987)) || (Timing{Era: 1998}).EraAllows(day(1987)) || !(Timing{}).EraAllows(day(1987)) {
		t.Errorf("EraAllows: a 1987 anchor must hold for an era up to %d and without one", 1987+eraGrace)
	}
}

// An undated report that names the years of its era is not written years
// before them: against a report dated more than eraGrace years earlier the
// time evidence weighs the two as far apart, as a recounted date would.
// Within the grace, or without an era, the time says nothing.
func TestEraFloorsAnUndatedReport(t *testing.T) {
	text := "Saudi Arabia's oil ministry said output in 2004 rose, and will rise again in 2005, the minister Ali al-Naimi said."
	undated := profileOf("Saudi output to rise", text, "")
	if undated.Era != 2004 {
		t.Fatalf("era %d, want 2004", undated.Era)
	}
	old := profileOf("SAUDI OUTPUT TO RISE", text, "1987-03-02")
	near := profileOf("SAUDI OUTPUT TO RISE", text, "1995-03-02")
	w, piece, ok := timeOf(undated, old)
	if !ok || w > -5 {
		t.Errorf("an undated report naming 2004 against a 1987 one: time %.2f (%v), want far apart", w, ok)
	}
	if piece.AText != "names years around 2004" {
		t.Errorf("evidence %+v: the undated side should say what placed it", piece)
	}
	if w, _, _ := timeOf(undated, near); w != 0 {
		t.Errorf("within the grace (1995 against an era of 2004): time %.2f, want 0", w)
	}
	plain := profileOf("Saudi output to rise", "Saudi Arabia's oil ministry said output rose.", "")
	if w, _, ok := timeOf(plain, old); ok || w != 0 {
		t.Errorf("without an era: time %.2f (%v), want none", w, ok)
	}
}

// Between a dated report and an undated one that nothing places near it,
// a word of what happened that many of the archive's reports hold does not
// count; within one time, and for words few reports hold, it does.
func TestCommonEventWordsDoNotSpanTheYears(t *testing.T) {
	text := "The central bank raised interest rates by half a point on Tuesday, its governor said."
	undated := profileOf("Interest rates raised", text, "")
	dated := profileOf("INTEREST RATES RAISED", text, "1987-03-02")
	alsoDated := profileOf("INTEREST RATES RAISED", text, "1987-03-03")
	if len(undated.Event) == 0 {
		t.Fatal("the title has no event words: the test proves nothing")
	}
	before := Features(undated, dated)[FEvent]
	if before == 0 {
		t.Fatal("no event words shared: the test proves nothing")
	}
	// An archive of 10,000 where each of the title's words is held by 100
	// articles (1%, more than eventShare, less than commonShare).
	c := Census{Articles: 10000, Holding: func(uint64) int { return 100 }}
	for _, p := range []*Profile{undated, dated, alsoDated} {
		p.Discount(c)
	}
	if got := Features(undated, dated)[FEvent]; got != 0 {
		t.Errorf("common event words across an undated and a dated report: %.2f, want 0", got)
	}
	if got := Features(dated, alsoDated)[FEvent]; got != before {
		t.Errorf("common event words between two dated reports: %.2f, want %.2f as without the census", got, before)
	}
	// A recounted date near the other's places the undated report.
	placed := profileOf("Interest rates raised", text+" The last rise was on 1 March 1987.", "")
	placed.Discount(c)
	if got := Features(placed, dated)[FEvent]; got == 0 {
		t.Error("an undated report recounting a date two days before the other's: event words not counted")
	}
	few := Census{Articles: 10000, Holding: func(uint64) int { return 30 }}
	rare, rareDated := profileOf("Interest rates raised", text, ""), profileOf("INTEREST RATES RAISED", text, "1987-03-02")
	rare.Discount(few)
	rareDated.Discount(few)
	if got := Features(rare, rareDated)[FEvent]; got != before {
		t.Errorf("event words few reports hold: %.2f, want %.2f", got, before)
	}
}
