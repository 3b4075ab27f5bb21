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
