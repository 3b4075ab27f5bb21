package evidence

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

func profileOf(title, text string, published string) *Profile {
	in := Input{Title: title, Text: text, Lang: "en"}
	if published != "" {
		d, _ := time.Parse("2006-01-02", published)
		in.Published = &d
	}
	return NewProfile(in)
}

// The day of a written date is the date's, not a number the two reports
// share: "February 18" and "October 18" have nothing in common.
func TestDaysOfDatesAreNotNumbers(t *testing.T) {
	a := profileOf("Talks resume", "The ministers last spoke on February 18, the ministry said, and 4,200 troops moved.", "")
	b := profileOf("Talks resume", "The ministers spoke again on October 18, the ministry said.", "")
	for _, n := range append(a.Numbers, b.Numbers...) {
		if n.Text == "18" {
			t.Errorf("the day of a date counted as a number: %+v", n)
		}
	}
	if len(a.Numbers) != 1 || a.Numbers[0].Text != "4,200" {
		t.Errorf("numbers of a: %+v, want 4,200 alone", a.Numbers)
	}
	if x := Features(a, b); x[FNumber] != 0 || x[FDateDiff] != 1 {
		t.Errorf("number overlap %.2f, dates differ %.0f; want 0 and 1", x[FNumber], x[FDateDiff])
	}
}

// An undated report that recounts a full date is weighed against a dated
// one published well before it; one that recounts an earlier date, or a
// month alone, is not.
func TestRecountedDateBoundsAnUndatedReport(t *testing.T) {
	dated := profileOf("Ministers speak", "Minister Alvarez spoke to Minister Okafor.", "2022-10-21")
	later := profileOf("Ministers speak", "Minister Alvarez spoke to Minister Okafor after the strike of March 15, 2023.", "")
	earlier := profileOf("Ministers speak", "Minister Alvarez spoke to Minister Okafor after the strike of October 2, 2022.", "")
	month := profileOf("Ministers speak", "Minister Alvarez spoke to Minister Okafor before the vote in November 2023.", "")
	if later.Bound == 0 || month.Bound != 0 {
		t.Fatalf("bounds: %d for a full date, %d for a month", later.Bound, month.Bound)
	}
	w, e, ok := timeOf(dated, later)
	if !ok || w >= -2 || e.BText != "mentions 2023-03-15" {
		t.Errorf("a date 145 days after publication recounted: %v %.2f %+v", ok, w, e)
	}
	if w2, e2, ok := timeOf(later, dated); !ok || w2 != w || e2.AText != "mentions 2023-03-15" {
		t.Errorf("the other way round: %v %.2f %+v", ok, w2, e2)
	}
	for _, p := range []*Profile{earlier, month} {
		if w, e, ok := timeOf(dated, p); ok && w != 0 {
			t.Errorf("time evidence without cause: %+v", e)
		}
	}
}

// Days given without a year are read in the year of an anchor (the dated
// report an undated one is closest to): the undated report was written in
// the months after the latest of them, and a dated report months later is
// weighed against it. Without an anchor they place nothing.
func TestYearlessDaysEstimateAnUndatedReport(t *testing.T) {
	dated := profileOf("Ministers speak", "Minister Alvarez spoke to Minister Okafor on October 18, 2022.", "2022-10-21")
	spring := profileOf("Ministers speak", "Minister Alvarez spoke to Minister Okafor, the first time since February 18. The offensive began on February 24.", "")
	autumn := profileOf("Ministers speak", "Minister Alvarez spoke to Minister Okafor, the first time since October 2; talks are set for November 5.", "")
	if want := []uint16{2<<5 | 18, 2<<5 | 24}; !slices.Equal(spring.Yearless, want) || dated.Yearless != nil {
		t.Fatalf("yearless days %v and %v, want %v and none", spring.Yearless, dated.Yearless, want)
	}
	if w, _, ok := timeOf(dated, spring); ok && w != 0 {
		t.Errorf("without an estimate the yearless days weigh %.2f", w)
	}
	est, ok := spring.EstimateIn(dated.Day)
	if !ok || dayText(est.Lo) != "2021-11-24" || dayText(est.Hi) != "2022-05-27" {
		t.Fatalf("estimate %v %s to %s, want 2021-11-24 to 2022-05-27", ok, dayText(est.Lo), dayText(est.Hi))
	}
	spring.Estimate = est
	w, e, ok := timeOf(dated, spring)
	if !ok || w > -3 || e.BText != "estimated 2021-11-24 to 2022-05-27" {
		t.Errorf("a report of the spring against one of late October: %v %.2f %+v", ok, w, e)
	}
	// A day a few weeks after the anchor is a plan of the anchor's year,
	// not a day of the year before.
	est, ok = autumn.EstimateIn(dated.Day)
	if !ok || dayText(est.Hi) != "2023-02-05" {
		t.Fatalf("estimate %v to %s, want to 2023-02-05", ok, dayText(est.Hi))
	}
	autumn.Estimate = est
	if w, _, _ := timeOf(dated, autumn); w != 0 {
		t.Errorf("a report of the same weeks weighs %.2f", w)
	}
	if _, ok := dated.EstimateIn(dated.Day); ok {
		t.Error("a dated report was estimated")
	}
	// Kept through the stored form; the estimate is not stored.
	b, _ := spring.MarshalBinary()
	var q Profile
	if err := q.UnmarshalBinary(b); err != nil || !slices.Equal(q.Yearless, spring.Yearless) || !q.Estimate.IsZero() {
		t.Errorf("read back: %v %v %v", err, q.Yearless, q.Estimate)
	}
}

// Two calls of one minister with two different counterparts: the names
// each report is about and the other never names count against them.
func TestKeyNamesTheOtherLacks(t *testing.T) {
	a := profileOf("Defence chiefs speak by phone", "Minister Halvorsen spoke by phone with Minister Brandauer. Halvorsen urged Brandauer to keep talking. Brandauer agreed, Halvorsen said.", "")
	b := profileOf("Defence chiefs speak by phone", "Minister Halvorsen spoke by phone with Minister Quennell. Halvorsen urged Quennell to keep talking. Quennell agreed, Halvorsen said.", "")
	c := profileOf("Defence chiefs speak by phone", "Minister Halvorsen spoke by phone with his counterpart Brandauer on Friday. Halvorsen and Brandauer agreed to talk again.", "")
	ab, ac := Features(a, b), Features(a, c)
	if ab[FKeyMissing] < 0.3 || ac[FKeyMissing] != 0 {
		t.Errorf("key names missing: %.2f for two counterparts, %.2f for one; want >= 0.3 and 0", ab[FKeyMissing], ac[FKeyMissing])
	}
	e := Score(a, b)
	named := false
	for _, v := range e.Evidence {
		if v.Kind == KindName && v.Weight < 0 && ((v.AText == "Brandauer" && v.BText == NotNamed) || (v.AText == NotNamed && v.BText == "Quennell")) {
			named = true
		}
	}
	if !named {
		t.Errorf("the explanation does not name the missing counterpart: %+v", e.Evidence)
	}
	if Score(a, b).Score >= Score(a, c).Score {
		t.Errorf("two counterparts score %.3f, one %.3f", Score(a, b).Score, Score(a, c).Score)
	}
}

// Two results notices of one wire: the frame is shared, the company each
// is about is named only in its title.
func TestTitlesRarestWordsDiffer(t *testing.T) {
	a := profileOf("TRINOVA CORP <TNV> 3RD QTR NET", "Shr 52 cts vs 43 cts\nNet 17.7 mln vs 14.2 mln\nSales 413.1 mln vs 361.6 mln\nAvg shrs 34.3 mln vs 30.3 mln", "1987-10-19")
	b := profileOf("LYPHOMED INC <LMED.O> 3RD QTR NET", "Shr 18 cts vs 13 cts\nNet 5,436,000 vs 3,888,000\nSales 43.9 mln vs 31.5 mln\nAvg shrs 30,145,000 vs 28,976,000", "1987-10-19")
	c := profileOf("Trinova quarterly profit rises", "Trinova Corp said third quarter net rose to 17.7 mln dlrs from 14.2 mln, on sales of 413.1 mln.", "1987-10-19")
	// Each title's rarest tier is its company, its ticker and QTR.
	if x := Features(a, b); x[FTitleRareDiff] < 0.6 || x[FTemplate] == 0 {
		t.Errorf("two companies' notices: title's rarest words missing %.2f, template %.2f; want 2/3 and more than 0", x[FTitleRareDiff], x[FTemplate])
	}
	if ab, ac := Features(a, b), Features(a, c); ac[FTitleRareDiff] >= ab[FTitleRareDiff] {
		t.Errorf("title's rarest words missing: %.2f for a notice and a report of it, %.2f for two companies", ac[FTitleRareDiff], ab[FTitleRareDiff])
	}
	if Score(a, c).Score <= Score(a, b).Score {
		t.Errorf("a notice and a report of it %.3f, two companies' notices %.3f", Score(a, c).Score, Score(a, b).Score)
	}
	if e := Score(a, b); e.SameEvent {
		t.Errorf("two companies' notices scored %.3f, one event", e.Score)
	}
}

// The explanation accounts for the whole score: the bias and the weights
// of the listed evidence add up to its log-odds, for every pair of seeds
// (dated, as imported, undated), of one template's items, and of an
// article and its translation.
func TestEvidenceAddsUpToTheScore(t *testing.T) {
	var pairs [][2]*Profile
	for _, dates := range [][]string{nil, importedDates, seedDates} {
		ps := seedProfilesDated(t, dates)
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				pairs = append(pairs, [2]*Profile{ps[i], ps[j]})
			}
		}
	}
	notice := func(firm, ticker string, n int) *Profile {
		return profileOf(firm+" <"+ticker+"> 3RD QTR NET", fmt.Sprintf("Shr %d cts vs %d cts\nNet %d.1 mln vs %d.4 mln\nRevs %d.2 mln vs %d.9 mln", n, n+3, n*7, n*5, n*40, n*38), "1987-10-19")
	}
	pairs = append(pairs, [2]*Profile{notice("TRINOVA CORP", "TNV", 52), notice("LYPHOMED INC", "LMED.O", 18)})
	en := NewProfile(Input{Title: "Russia and Ukraine exchange prisoners", Text: "Russia and Ukraine exchanged 180 prisoners on Tuesday, Moscow said.", Lang: "en"})
	ru := NewProfile(Input{Title: "Россия и Украина обменялись пленными", Text: "Россия и Украина во вторник обменялись 180 пленными, сообщила Москва.", Lang: "ru"})
	pairs = append(pairs, [2]*Profile{en, ru})
	for k, p := range pairs {
		e := Score(p[0], p[1])
		sum := DefaultWeights.Bias
		for _, v := range e.Evidence {
			sum += v.Weight
		}
		if logit := math.Log(e.Score / (1 - e.Score)); math.Abs(sum-logit) > 1e-6 {
			t.Errorf("pair %d: evidence and bias add up to %.6f, the score's log-odds are %.6f", k, sum, logit)
		}
	}
}

// In a language the English background does not weigh, a title word the
// other report uses is not missing from it, however far down its text and
// however many words crowd it out of its lists of names and terms: a long
// report keeps only its rarest items there, and its words all weigh alike.
// In English the lists keep the rarest by weight, and a title word the
// other uses only below them, in passing, still counts as missing.
func TestTitleWordsAreLookedUpInTheWholeText(t *testing.T) {
	var long []string
	for i := 0; i < 120; i++ {
		w := fmt.Sprintf("%c%czorbl", 'a'+i%26, 'a'+i/26)
		long = append(long, w, w)
	}
	of := func(lang, title, text string) *Profile {
		return NewProfile(Input{Title: title, Text: text, Lang: lang})
	}
	a := of("de", "Himmelslaternen quemaduras", "Himmelslaternen caused quemaduras at the zoo.")
	b := of("de", "Fire at the zoo", strings.Join(long, " ")+" and the himmelslaternen and quemaduras were blamed.")
	if hasKey(b.Terms, a.Title[0].Key) && hasKey(b.Terms, a.Title[1].Key) {
		t.Fatal("the test needs b's terms to leave out the title's words")
	}
	if share, word := rareMissing(a, b); share != 0 {
		t.Errorf("%.2f of a's rarest title words missing from b (%q), which uses both", share, word)
	}
	if share, _ := rareMissing(of("en", a.Title[0].Text+" quemaduras", "x"), of("en", "Fire", strings.Join(long, " ")+" and the himmelslaternen and quemaduras.")); share != 1 {
		t.Errorf("English: %.2f of the title's words missing from a text naming them in passing, want 1", share)
	}
	// Key names likewise: d names Okonkwo once, past its 48 rarest names.
	var names []string
	for i := 0; i < 60; i++ {
		n := fmt.Sprintf("Q%c%carlin", 'a'+i%26, 'a'+i/26)
		names = append(names, "met "+n+" and "+n)
	}
	c := of("es", "Okonkwo visits", "The minister Okonkwo arrived, and later Okonkwo spoke.")
	d := of("es", "Visits", "The envoy "+strings.Join(names, ", ")+", then Okonkwo.")
	if len(c.Key) == 0 || hasKey(d.Names, c.Key[0].Key) {
		t.Fatalf("the test needs a key name (%+v) left out of d's names", c.Key)
	}
	if got := missing(c.Key, d); len(got) != 0 {
		t.Errorf("key names missing from a text that names them: %+v", got)
	}
	if got := missingShare(c.Key, d); got != 0 {
		t.Errorf("Quick's share of key names missing from a text that names them: %.2f", got)
	}
	if ev, _ := Quick(c, d); ev != Score(c, d).Score {
		t.Errorf("Quick %.6f, Score %.6f", ev, Score(c, d).Score)
	}
}

// German and Spanish modal and auxiliary verbs are function words: the
// English background has never seen them, so without the stop list they
// weigh as the rarest words of a title and count as missing from every
// report that does not repeat them ("könnten" against "Himmelslaternen").
func TestModalVerbsOfOtherLanguagesAreNotTitleWords(t *testing.T) {
	for _, c := range []struct{ lang, title, modal string }{
		{"de", "Himmelslaternen könnten Ursache von Zoo-Brand sein", "könnten"},
		{"es", "El incendio podría haber empezado con farolillos", "podría"},
	} {
		p := NewProfile(Input{Title: c.title, Text: c.title + ".", Lang: c.lang})
		for _, it := range p.Title {
			if it.Text == c.modal {
				t.Errorf("%s: %q is a title word", c.lang, c.modal)
			}
		}
	}
}
