package evidence

import "testing"

func en(title, text string) *Profile {
	return NewProfile(Input{Title: title, Text: text, Lang: "en"})
}

// Two items of one template (a wire's futures reports of two commodities,
// its notices of two companies) share their texts' frame and differ in the
// slot: the frame evidence holds them two events, below the clustering's
// veto, where the fitted evidence held the futures reports one (0.93 on a
// real archive).
func TestTitleFrameSeparatesTemplateItems(t *testing.T) {
	pairs := [][2]*Profile{
		{en("COMEX GOLD FUTURES EXPECTED TO OPEN HIGHER", "Comex gold futures are expected to open\n1.50 to 2.00 dlrs higher following London gold.\n Reuter"),
			en("COMEX COPPER FUTURES EXPECTED TO OPEN HIGHER", "Comex copper futures are expected to\nopen 0.20 to 0.30 cent higher based on London copper prices.\n Reuter")},
		{en("MARINE MIDLAND <MMB> RAISES PRIME RATE", "Marine Midland Banks Inc said it is raising its prime lending rate to 7-3/4 pct from 7-1/2 pct, effective today.\n Reuter"),
			en("FIRST INTERSTATE <I> RAISES PRIME RATE", "First Interstate Bancorp said it raised its prime rate to 7.75 pct from 7.50 pct, effective immediately.\n Reuter")},
		// BANK and BANKING, nearly spelt alike, are the frame's word in
		// two forms, not a typo put right.
		{en("FIRST WISCONSIN NAT'L BANK<FWB> HIKES PRIME RATE", "First Wisconsin National Bank said it\nhas raised its prime rate to 7-3/4 pct from 7-1/2 pct,\neffective today.\n Reuter"),
			en("TCF BANKING AND SAVINGS HIKES PRIME RATE", "TCF Banking and Savings FA said it\nis raising its prime rate to 7-3/4 pct from 7-1/2 pct effective\ntoday.\n Reuter")},
		// LOSS and NET, common words each text uses, are the frame's
		// wording; the companies are the slot.
		{en("LTX CORP <LTXX> 2ND QTR JAN 31 LOSS", "Shr loss 28 cts vs loss 32 cts\n    Net loss 2,585,000 vs loss 2,885,000\n    Sales 27.6 mln vs 23.5 mln\n    Avg shrs 9,352,000 vs 9,049,000\n    NOTE: Prior year net includes tax credits of 1,827,000 dlrs\nin quarter.\n Reuter"),
			en("SUN ELECTRIC CORP <SE> 1ST QTR JAN 31 NET", "Shr profit 15 cts vs loss six cts\n    Net profit 1,051,000 vs loss 381,000\n    Revs 50.8 mln vs 41.8 mln\n    Avg shrs 7,033,00 vs 6,557,000\n    NOTE: 1987 net includes tax credits equal to six cts vs one\ncent in 1986.\n Reuter")},
	}
	for _, p := range pairs {
		if !TitleFrame(p[0], p[1]) {
			t.Errorf("no frame evidence between %q and %q", titleText(p[0]), titleText(p[1]))
		}
		e := Score(p[0], p[1])
		if e.Score >= 0.05 {
			t.Errorf("two items of one template scored %.3f, not below the veto", e.Score)
		}
		found := false
		for _, ev := range e.Evidence {
			found = found || ev.Kind == KindTemplate && ev.AText != "" && ev.BText != "" && ev.Weight == FrameWeight
		}
		if !found {
			t.Errorf("the explanation names no template slot: %+v", e.Evidence)
		}
	}
}

// Versions of one story are not template items: a story filed again with
// a reworded title keeps its sentences, a corrected typo is spelt nearly
// alike, and in German and Spanish a particular cannot be told from a
// reworded verb.
func TestTitleFrameLeavesVersionsAlone(t *testing.T) {
	// Two companies' dividend notices: the titles share no word of what
	// happened, but each one's (DIV, QTLY) is in the other's lede. Once an
	// archive's census marks them as words many of its reports hold,
	// they count as the template's.
	c := en("SOUTHERN NEW ENGLAND TELECOM <SNG> DECLARES DIV", "Qtly div 72 cts vs 72 cts prior\n    Pay April 15\n    Record March 23\n    NOTE: Company's full name is Southern New England\nTelecommunications Corp.\n Reuter")
	d := en("ROWE FURNITURE CORP <ROWE> SETS QTLY DIVIDEND", "Qtly div four cts vs four cts prior\n    Pay April 15\n    Record March 20\n Reuter")
	if x := Features(c, d); x[FTitleRareDiff] == 0 || x[FEvent] == 0 {
		t.Fatalf("the notices' rarest title words missing %.2f, event words found %.2f before the census: want both above 0", x[FTitleRareDiff], x[FEvent])
	}
	for _, p := range []*Profile{c, d} {
		for i := range p.Event {
			p.Event[i].Common = 1
		}
	}
	if x := Features(c, d); x[FEvent] != 0 {
		t.Errorf("two companies' dividend notices share the archive's common event words %.2f, want 0", x[FEvent])
	}

	text := "Budget director James Miller said there would be no compromise with Congress on a tax increase in the 1988 budget, the White House said on Monday.\n Reuter"
	pairs := [][2]*Profile{
		{en("U.S. BUDGET DIRECTOR SAYS NO TAX HIKE COMPROMISE", text), en("U.S. BUDGET DIRECTOR SAYS NO TAX RISE COMPROMISE", text)},
		{en("U.S. HOSUING COMPLETIONS FELL 0.2 PCT IN JANUARY", "Completions of new homes fell 0.2 pct in January, the Commerce Department said."),
			en("U.S. HOUSING COMPLETIONS FELL 0.2 PCT IN JANUARY", "Completions of new homes dropped by 0.2 pct in January, the department reported.")},
		{NewProfile(Input{Lang: "es", Title: "Mueren 30 animales en incendio de zoológico alemán", Text: "Un incendio en el zoológico de Krefeld causó la muerte de más de 30 animales."}),
			NewProfile(Input{Lang: "es", Title: "Incendio en zoológico alemán mata a más de 30 animales", Text: "Más de 30 animales murieron en el fuego del zoológico de Krefeld."})},
	}
	for _, p := range pairs {
		if TitleFrame(p[0], p[1]) {
			t.Errorf("frame evidence between two versions %q and %q", titleText(p[0]), titleText(p[1]))
		}
	}
}

func titleText(p *Profile) string {
	s := ""
	for _, it := range p.Title {
		s += it.Text + " "
	}
	return s
}

// A wire's story opens with its subject's whole name, which a title in
// capitals gives by its first words: the name's first word, capitalised
// only where it opens the sentence, is no word of what happened.
func TestEventWordsLeaveOutANamesFirstWord(t *testing.T) {
	p := en("WESTERN MINING SELLS ACM STAKE", "Western Mining Corp Holdings Ltd\n<WMNG.S> (WMC) said it sold its entire holding of 22.13 mln\nshares in the gold mining company <Australian Consolidated\nMinerals Ltd> (ACM).\n Reuter")
	for _, it := range p.Event {
		if it.Text == "WESTERN" || it.Text == "MINING" {
			t.Errorf("event words %v hold the company's name", p.Event)
		}
	}
	if len(p.Event) == 0 {
		t.Errorf("no event words: SELLS and STAKE say what happened")
	}
}

// An event word is found in the other report as itself or in another
// form of it, not as another word of its stem (stemLen letters).
func TestEventWordsFoundAsThemselves(t *testing.T) {
	for _, c := range []struct {
		x, y string
		same bool
	}{
		{"UNDERWAY", "underwriters", false},
		{"government", "governor", false},
		{"HIKES", "hike", true},
		{"arrested", "arresting", true},
		{"company", "companies", true},
		{"OFFERING", "offering", true},
	} {
		if got := sameWord(c.x, c.y); got != c.same {
			t.Errorf("sameWord(%q, %q) = %v, want %v", c.x, c.y, got, c.same)
		}
	}
}

// Two issuers' filings of one kind share their titles' words of what
// happened (FILES, DEBT, OFFERING) and differ in who: where each title's
// rarest words are missing from the other article, the words the titles
// share are the template's, not the event's, and count as not found, as
// do those of one title in the other's lede that many of the archive's
// reports hold. A story filed again with a reworded title keeps them.
func TestTemplateTitlesShareNoEventWords(t *testing.T) {
	a := en("MORGAN KEEGAN <MOR> FILES FOR DEBT OFFERING", "Morgan Keegan Inc said it filed with the Securities and Exchange Commission for a proposed offering of 50 mln dlrs of convertible subordinated debentures due 2012.\n Reuter")
	b := en("COLONIAL BANCGROUP <CLBGA> FILES DEBT OFFERING", "Colonial BancGroup Inc said it filed a registration statement with the Securities and Exchange Commission covering a proposed offering of 35 mln dlrs of convertible subordinated debentures.\n Reuter")
	if off := eventShared(a, b, 0, nil, eventRule{}); off < 0.5 {
		t.Fatalf("the titles' shared event words found only %.2f without the rule: the test no longer tests it", off)
	}
	x := Features(a, b)
	if x[FTitleRareDiff] == 0 {
		t.Fatalf("each title's rarest words should be missing from the other article")
	}
	if x[FEvent] != 0 {
		t.Errorf("two issuers' filings share event words %.2f, want 0", x[FEvent])
	}
	e := Score(a, b)
	for _, ev := range e.Evidence {
		if ev.Kind == KindEvent {
			t.Errorf("the explanation lists a template's word as the event's: %+v", ev)
		}
	}
	if e.SameEvent {
		t.Errorf("two issuers' filings are one event at %.3f", e.Score)
	}

	// Two companies' dividend notices: the titles share no word of what
	// happened, but each one's (DIV, QTLY) is in the other's lede. Once an
	// archive's census marks them as words many of its reports hold,
	// they count as the template's.
	c := en("SOUTHERN NEW ENGLAND TELECOM <SNG> DECLARES DIV", "Qtly div 72 cts vs 72 cts prior\n    Pay April 15\n    Record March 23\n    NOTE: Company's full name is Southern New England\nTelecommunications Corp.\n Reuter")
	d := en("ROWE FURNITURE CORP <ROWE> SETS QTLY DIVIDEND", "Qtly div four cts vs four cts prior\n    Pay April 15\n    Record March 20\n Reuter")
	if x := Features(c, d); x[FTitleRareDiff] == 0 || x[FEvent] == 0 {
		t.Fatalf("the notices' rarest title words missing %.2f, event words found %.2f before the census: want both above 0", x[FTitleRareDiff], x[FEvent])
	}
	for _, p := range []*Profile{c, d} {
		for i := range p.Event {
			p.Event[i].Common = 1
		}
	}
	if x := Features(c, d); x[FEvent] != 0 {
		t.Errorf("two companies' dividend notices share the archive's common event words %.2f, want 0", x[FEvent])
	}

	text := "Budget director James Miller said there would be no compromise with Congress on a tax increase in the 1988 budget, the White House said on Monday.\n Reuter"
	v, w := en("U.S. BUDGET DIRECTOR SAYS NO TAX HIKE COMPROMISE", text), en("U.S. BUDGET DIRECTOR SAYS NO TAX RISE COMPROMISE", text)
	if x := Features(v, w); x[FEvent] == 0 {
		t.Errorf("a story filed again with a reworded title shares no event words")
	}
}
