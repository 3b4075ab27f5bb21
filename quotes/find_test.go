package quotes

import (
	"strings"
	"testing"
)

// one returns the only quote Find gives for text, failing otherwise.
func one(t *testing.T, text string) Quote {
	t.Helper()
	qs := Find(text)
	if len(qs) != 1 {
		t.Fatalf("Find(%q) gave %d quotes, want 1: %+v", text, len(qs), qs)
	}
	return qs[0]
}

func TestFindMarksAndSpeakers(t *testing.T) {
	for _, c := range []struct {
		name, text, quote, speaker, title string
	}{
		{"ascii double", `"We will not back down," Austin said on Friday.`, "We will not back down,", "Austin", ""},
		{"curly double, said X", `“The call was professional,” said Pentagon spokesman Pat Ryder.`, "The call was professional,", "Pat Ryder", "Pentagon spokesman"},
		{"X said colon", `Ryder said: “We remain in contact with our allies.”`, "We remain in contact with our allies.", "Ryder", ""},
		{"apposition", `Patrick Ryder, a Pentagon spokesman, said that Austin “stressed the importance of communication.”`, "stressed the importance of communication.", "Patrick Ryder", "Pentagon spokesman"},
		{"according to", `According to a senior official, "the call did not resolve any acute issues."`, "the call did not resolve any acute issues.", "senior official", ""},
		{"name of organisation", `“The rules are clear,” said Dr Jeremy Philpott of the UK Patent Office.`, "The rules are clear,", "Jeremy Philpott", "Dr"},
		{"told reporters", `“We are watching this closely,” Kirby told reporters on Monday.`, "We are watching this closely,", "Kirby", ""},
		{"plural possessive before the title", `“He is getting there,” Wales' team physiotherapist Mark Davies said.`, "He is getting there,", "Mark Davies", "physiotherapist"},
		{"team role", `“We gave him a chance,” said Ireland coach Eddie O'Sullivan.`, "We gave him a chance,", "Eddie O'Sullivan", "Ireland coach"},
		{"article and lower-case noun", `“It was a learning curve,” said the East Kilbride athlete.`, "It was a learning curve,", "East Kilbride athlete", ""},
		{"article and noun before the verb", `“It was a learning curve,” the East Kilbride athlete said.`, "It was a learning curve,", "East Kilbride athlete", ""},
		{"lead-in word", `However, Bwalya said: “The figures are wrong.”`, "The figures are wrong.", "Bwalya", ""},
		{"lead-in without comma", `“The figures are wrong,” However Bwalya said.`, "The figures are wrong,", "Bwalya", ""},
		{"single curly", `‘It was a very long night,’ said the mayor.`, "It was a very long night,", "mayor", ""},
		{"ascii single", `'We never gave up hope,' Smith said.`, "We never gave up hope,", "Smith", ""},
		{"german", `„Wir lassen die Ukraine nicht im Stich“, sagte Bundeskanzler Olaf Scholz am Montag.`, "Wir lassen die Ukraine nicht im Stich", "Olaf Scholz", "Bundeskanzler"},
		{"german so", `„Das ist eine klare Botschaft an Moskau“, so Baerbock.`, "Das ist eine klare Botschaft an Moskau", "Baerbock", ""},
		{"german erklärte colon", `Der Minister erklärte: „Die Lage bleibt sehr angespannt.“`, "Die Lage bleibt sehr angespannt.", "Minister", ""},
		{"german reversed guillemets", `»Wir verhandeln weiter mit allen Seiten«, sagte Scholz.`, "Wir verhandeln weiter mit allen Seiten", "Scholz", ""},
		{"german single", `‚Das war ein schwerer Fehler‘, sagte Müller.`, "Das war ein schwerer Fehler", "Müller", ""},
		{"spanish dijo", `«No vamos a negociar bajo presión», dijo el ministro Sergio Ramos.`, "No vamos a negociar bajo presión", "Sergio Ramos", "ministro"},
		{"spanish según", `Según Pedro Sánchez, “la situación es muy grave en la frontera”.`, "la situación es muy grave en la frontera", "Pedro Sánchez", ""},
		{"spanish afirmó", `“Es un día histórico para el país”, afirmó López.`, "Es un día histórico para el país", "López", ""},
		{"french", `« Nous ne céderons pas aux menaces », a déclaré Emmanuel Macron.`, "Nous ne céderons pas aux menaces", "Emmanuel Macron", ""},
		{"french selon", `Selon Jean Dupont, « la réforme sera votée avant l'été ».`, "la réforme sera votée avant l'été", "Jean Dupont", ""},
		{"italian", `“Siamo pronti a collaborare con tutti”, ha detto Giorgia Meloni.`, "Siamo pronti a collaborare con tutti", "Giorgia Meloni", ""},
		{"russian", `«Мы готовы к переговорам с Украиной», — заявил Дмитрий Песков.`, "Мы готовы к переговорам с Украиной", "Дмитрий Песков", ""},
		{"russian сказал", `«Это решение окончательное», сказал Лавров.`, "Это решение окончательное", "Лавров", ""},
		{"russian по словам", `По словам Пескова, «контакты продолжаются на разных уровнях».`, "контакты продолжаются на разных уровнях", "Пескова", ""},
		{"swiss single guillemets", `‹Wir bleiben neutral in diesem Konflikt›, sagte Cassis.`, "Wir bleiben neutral in diesem Konflikt", "Cassis", ""},
		{"cjk corner brackets", `「我们将继续对话与合作」`, "我们将继续对话与合作", "", ""},
		{"cjk white corner brackets", `『対話を続けることが大切だ』`, "対話を続けることが大切だ", "", ""},
		{"sloppy reopening mark as closer", `“Putin is preparing for a protracted conflict, “Haynes told lawmakers.`, "Putin is preparing for a protracted conflict,", "Haynes", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			q := one(t, c.text)
			if q.Text != c.quote || q.Speaker != c.speaker || q.Title != c.title {
				t.Errorf("got quote %q speaker %q title %q, want %q %q %q", q.Text, q.Speaker, q.Title, c.quote, c.speaker, c.title)
			}
			checkQuote(t, c.text, q)
		})
	}
}

// checkQuote fails unless the quote's offsets locate its text and speaker.
func checkQuote(t *testing.T, text string, q Quote) {
	t.Helper()
	rs := []rune(text)
	if q.Start < 0 || q.End > len(rs) || q.Start >= q.End || string(rs[q.Start:q.End]) != q.Text {
		t.Fatalf("quote offsets [%d,%d) do not locate %q", q.Start, q.End, q.Text)
	}
	if q.Speaker == "" {
		return
	}
	if q.SpeakerStart < 0 || q.SpeakerEnd > len(rs) || string(rs[q.SpeakerStart:q.SpeakerEnd]) != q.Speaker {
		t.Fatalf("speaker offsets [%d,%d) do not locate %q", q.SpeakerStart, q.SpeakerEnd, q.Speaker)
	}
}

func TestApostrophesAreNotQuotes(t *testing.T) {
	for _, text := range []string{
		"Don't say O'Brien's plan wasn't ready; the dogs' owners weren't told.",
		"Kyiv’s mayor didn’t comment on the ’90s, rock ’n’ roll or the ministers’ meeting.",
		"It's the '90s again and 'em folks ain't coming back.",
	} {
		if qs := Find(text); len(qs) != 0 {
			t.Errorf("Find(%q) = %+v, want no quotes", text, qs)
		}
	}
	q := one(t, `"Don't tell O'Brien it's over," she said.`)
	if q.Text != "Don't tell O'Brien it's over," {
		t.Errorf("apostrophes cut the quote: %q", q.Text)
	}
}

func TestScareQuotes(t *testing.T) {
	// One or two words without a speech verb are emphasis, not speech.
	for _, text := range []string{
		`The officer described the call as “professional”.`,
		`Austin called for an “immediate ceasefire” in Ukraine.`,
		`So-called "experts" disagree.`,
	} {
		if qs := Find(text); len(qs) != 0 {
			t.Errorf("Find(%q) = %+v, want no quotes", text, qs)
		}
	}
	// Attributed, the same short words are a quote.
	for text, speaker := range map[string]string{
		`“Professional,” the officer said.`:             "officer",
		`“Never,” Peskov said.`:                         "Peskov",
		`Asked about talks, Lavrov said: “Impossible.”`: "Lavrov",
	} {
		if q := one(t, text); q.Speaker != speaker {
			t.Errorf("Find(%q) speaker %q, want %q", text, q.Speaker, speaker)
		}
	}
}

func TestPronounSpeakers(t *testing.T) {
	text := "“We are ready,” Zelensky said on Tuesday.\n\nThe talks resumed.\n\n“We will not give up,” he added."
	qs := Find(text)
	if len(qs) != 2 {
		t.Fatalf("got %d quotes: %+v", len(qs), qs)
	}
	if qs[1].Speaker != "Zelensky" || !qs[1].Resolved {
		t.Errorf("he resolved to %q (resolved %v), want Zelensky", qs[1].Speaker, qs[1].Resolved)
	}
	checkQuote(t, text, qs[1])
	// Nobody named before: "he" stays unknown rather than guessed.
	if q := one(t, `“We will not give up,” he added.`); q.Speaker != "" {
		t.Errorf("unresolvable pronoun gave %q", q.Speaker)
	}
	// A named speaker far back is not obvious any more.
	far := "“We are ready,” Zelensky said.\nA.\nB.\nC.\nD.\n“We will not give up,” he said."
	if qs := Find(far); len(qs) != 2 || qs[1].Speaker != "" {
		t.Errorf("distant pronoun resolved: %+v", qs)
	}
}

func TestMultiParagraphQuote(t *testing.T) {
	text := "Ryder said:\n\n“The secretary emphasised the importance of communication.\n\n“He also raised the prisoner exchange,” Ryder said."
	q := one(t, text)
	if !strings.HasPrefix(q.Text, "The secretary") || !strings.HasSuffix(q.Text, "prisoner exchange,") {
		t.Errorf("multi-paragraph quote = %q", q.Text)
	}
	if q.Speaker != "Ryder" {
		t.Errorf("speaker %q", q.Speaker)
	}
	checkQuote(t, text, q)
}

func TestUnbalancedQuote(t *testing.T) {
	// A paragraph that opens a quote and never closes it is quoted to its end.
	text := "“Our assessment is that Putin is preparing for a long war.\n\nMeanwhile, Zelensky spoke."
	q := one(t, text)
	if q.Text != "Our assessment is that Putin is preparing for a long war." {
		t.Errorf("unbalanced quote = %q", q.Text)
	}
	// A stray mark inside a sentence quotes nothing.
	if qs := Find(`The price rose 5" overnight and nobody knew why.`); len(qs) != 0 {
		t.Errorf("stray mark gave %+v", qs)
	}
}

func TestNestedQuoteStaysInside(t *testing.T) {
	q := one(t, `“He told me ‘never again’ and left,” Smith said.`)
	if q.Text != "He told me ‘never again’ and left," || q.Speaker != "Smith" {
		t.Errorf("got %q by %q", q.Text, q.Speaker)
	}
}

func TestSecondQuoteInheritsSpeaker(t *testing.T) {
	qs := Find(`Peskov said: “the Ukrainian side has refused talks,” he emphasized, adding, “That is, the law prohibits any negotiations.”`)
	if len(qs) != 2 || qs[0].Speaker != "Peskov" || qs[1].Speaker != "Peskov" {
		t.Errorf("got %+v", qs)
	}
}

func TestKeyIgnoresMarksCaseAndNameVariants(t *testing.T) {
	a := one(t, `“Zelenskyy’s team is READY,” Smith said.`)
	b := one(t, `"Zelensky's team is ready", said Smith.`)
	if a.Key != b.Key {
		t.Errorf("keys differ: %q vs %q", a.Key, b.Key)
	}
}

func TestAppositions(t *testing.T) {
	for _, text := range []string{
		`“We are monitoring the situation,” Kirby, a spokesman for the Pentagon, said.`,
		`“We are monitoring the situation,” said Kirby, a spokesman for the Pentagon.`,
		`Kirby, a spokesman for the Pentagon, told reporters: “We are monitoring the situation.”`,
	} {
		q := one(t, text)
		if q.Speaker != "Kirby" || q.Title != "spokesman for the Pentagon" {
			t.Errorf("%s: speaker %q title %q", text, q.Speaker, q.Title)
		}
		checkQuote(t, text, q)
	}
}

func TestFollowOnQuoteKeepsSpeaker(t *testing.T) {
	text := "“We let targets limit our flexibility,” said Mr Cescau. “Our objective is to return to growth.”\n\n" +
		"“The economy is slowing,” Smith said.\n\n“Growth appears weaker than expected this year.”\n\nAnalysts disagreed on Monday about the figures and the outlook, as they often do in January when the data is thin.\n\n“Nobody knows,” one trader admitted, and left."
	qs := Find(text)
	want := []string{"Cescau", "Cescau", "Smith", "Smith", "trader"}
	if len(qs) != len(want) {
		t.Fatalf("got %d quotes: %+v", len(qs), qs)
	}
	for i, q := range qs {
		if q.Speaker != want[i] {
			t.Errorf("quote %d %q: speaker %q, want %q", i, q.Text, q.Speaker, want[i])
		}
	}
	// Far from the last attributed quote, an unattributed one has no speaker.
	far := "“The economy is slowing,” Smith said.\n\nAnalysts disagreed on Monday about the figures and the outlook, as they often do.\n\n“Growth appears weaker than expected this year.”"
	if qs := Find(far); len(qs) != 2 || qs[1].Speaker != "" {
		t.Errorf("far quote inherited a speaker: %+v", qs)
	}
}

func TestNameBeforeAffiliation(t *testing.T) {
	q := one(t, `“Costs are the issue,” said analyst Alex Potter at Lehman Brothers.`)
	if q.Speaker != "Alex Potter" || q.Title != "analyst" {
		t.Errorf("speaker %q title %q", q.Speaker, q.Title)
	}
}

func TestColonIntroducesQuotedParagraph(t *testing.T) {
	q := one(t, "In a statement, the ministry said:\n\n“Both sides discussed current issues of international security.”")
	if q.Speaker != "ministry" {
		t.Errorf("speaker %q, want ministry", q.Speaker)
	}
	// Without the colon the paragraph before says nothing about the quote.
	q = one(t, "In a statement, the ministry said so.\n\n“Both sides discussed current issues of international security.”")
	if q.Speaker != "" {
		t.Errorf("speaker %q, want none", q.Speaker)
	}
}

func TestPronounGender(t *testing.T) {
	// "She" cannot be Mr Blair; the woman is not named as a speaker.
	text := "“I am very sorry,” Mr Blair said.\n\nShe said it was a “wonderful feeling to have had the apology”."
	qs := Find(text)
	if len(qs) != 2 || qs[1].Speaker != "" {
		t.Errorf("she resolved to a Mr: %+v", qs)
	}
	text = "“I am very sorry,” Mr Blair said.\n\nHe said it was a “wonderful feeling to have apologised”."
	if qs := Find(text); len(qs) != 2 || qs[1].Speaker != "Blair" {
		t.Errorf("he not resolved to Mr Blair: %+v", qs)
	}
}

func TestNextSentenceIsNoAttribution(t *testing.T) {
	qs := Find(`Galloway spoke on Monday. “I am prepared to do anything I can.” A spokesman later said Mr Galloway had friends in common with her family.`)
	if len(qs) != 1 || qs[0].Speaker == "spokesman" {
		t.Errorf("the next sentence's subject taken for the speaker: %+v", qs)
	}
	if q := one(t, `“I am prepared to do anything I can.” Galloway said.`); q.Speaker != "Galloway" {
		t.Errorf("short attribution after a full stop lost: %q", q.Speaker)
	}
	if q := one(t, `“A deal doesn't seem likely,” Reuters quoted one trader as saying.`); q.Speaker != "trader" {
		t.Errorf("quoted one trader as saying: %q", q.Speaker)
	}
}

func TestPronounsInOtherLanguages(t *testing.T) {
	for _, text := range []string{
		"« Nous ne céderons pas », a déclaré Emmanuel Macron.\n« Nous sommes prêts à discuter », a-t-il ajouté.",
		"„Wir geben nicht auf“, sagte Scholz.\n„Wir verhandeln weiter mit allen“, sagte er.",
		"«Мы готовы к переговорам», — заявил Песков.\n«Контакты продолжаются», — сказал он.",
	} {
		qs := Find(text)
		if len(qs) != 2 || qs[1].Speaker == "" || qs[1].Speaker != qs[0].Speaker || !qs[1].Resolved {
			t.Errorf("%q: %+v", text, qs)
		}
	}
}
