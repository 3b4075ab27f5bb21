package evidence

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
)

// dividend writes a notice from one template, as wire services publish
// hundreds a day: only the company, its people and its numbers change.
func dividend(company, ceo, city string, cents, quarter int, payDay, recordDay int) Input {
	return Input{
		Title: fmt.Sprintf("%s declares quarterly dividend of $0.%02d per share", company, cents),
		Text: fmt.Sprintf(`%s, %s -- %s today announced that its Board of Directors declared a quarterly cash dividend of $0.%02d per share of common stock, payable on March %d to shareholders of record at the close of business on February %d.
"This dividend reflects our confidence in the business," said %s, chief executive officer of %s.
The company has paid a dividend for %d consecutive quarters. Total dividends paid over the last twelve months amounted to $%d.%d million.`,
			city, "Feb. 3", company, cents, payDay, recordDay, ceo, company, quarter, cents*13, quarter%10),
		Lang: "en",
	}
}

func TestTemplateItemsDiffer(t *testing.T) {
	a := NewProfile(dividend("Harrowgate Industries", "Margaret Olufsen", "CLEVELAND", 27, 46, 14, 28))
	b := NewProfile(dividend("Quillon Bancorp", "Dev Ramaswamy", "TULSA", 41, 83, 21, 19))
	e := Score(a, b)
	if e.Score >= 0.5 || e.SameEvent {
		t.Errorf("two dividend notices of different companies: score %.3f, want < 0.5", e.Score)
	}
	// The names and numbers that differ are given as evidence against.
	var against []string
	for _, ev := range e.Evidence {
		if ev.Weight < 0 {
			against = append(against, ev.Kind+":"+ev.AText+"/"+ev.BText)
		}
	}
	joined := strings.Join(against, " ")
	if !strings.Contains(joined, "name:") || !strings.Contains(joined, "number:") {
		t.Errorf("evidence against lacks differing names or numbers: %v", against)
	}
	// The same notice reprinted is one event.
	c := NewProfile(dividend("Harrowgate Industries", "Margaret Olufsen", "CLEVELAND", 27, 46, 14, 28))
	if e := Score(a, c); !e.SameEvent {
		t.Errorf("one notice twice: score %.3f", e.Score)
	}
}

// A report and its rewrite in another language: the names, numbers and
// dates survive, the words around them do not.
func TestTranslationLikeRewrite(t *testing.T) {
	en := NewProfile(Input{
		Title: "Lindqvist resigns as Vattenfors chief after 2.4 billion loss",
		Text: `Gunnar Lindqvist resigned on Tuesday as chief executive of Vattenfors after the utility reported a loss of 2.4 billion kronor for the first quarter.
The board named Annika Strömberg, its finance director, as interim head. Shares in Vattenfors fell 11.6 percent in Stockholm.
"I take full responsibility for the results," Lindqvist said in a statement on March 14. The loss followed write-downs of 1,850 million kronor on wind farms in Norway.`,
		Lang: "en",
	})
	ru := NewProfile(Input{
		Title: "Линдквист ушёл с поста главы Vattenfors после убытка в 2,4 млрд",
		Text: `Гуннар Линдквист во вторник покинул пост генерального директора Vattenfors после того, как компания сообщила об убытке в 2,4 млрд крон за первый квартал.
Совет директоров назначил Аннику Стрёмберг, финансового директора, временным руководителем. Акции Vattenfors в Стокгольме упали на 11,6 процента.
«Я беру на себя полную ответственность за результаты», — заявил Линдквист 14 марта. Убыток последовал за списаниями на 1 850 млн крон по ветровым паркам в Норвегии.`,
		Lang: "ru",
	})
	e := Score(en, ru)
	if !e.SameEvent || e.Score < 0.7 {
		t.Errorf("a report and its Russian rewrite: score %.3f, want ≥ 0.7: %+v", e.Score, e.Evidence)
	}
	found := false
	for _, ev := range e.Evidence {
		if ev.Kind == KindName && ev.AText == "Lindqvist" && ev.BText == "Линдквист" {
			found = true
		}
	}
	if !found {
		t.Errorf("Lindqvist / Линдквист not matched across scripts: %+v", e.Evidence)
	}
}

func TestScriptsAndVariants(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Шойгу", "Shoigu"}, {"绍伊古", "Shoygu"}, {"Зеленский", "Zelenskyy"}, {"Путина", "Putin"},
	} {
		pa := NewProfile(Input{Text: "Minister " + c.a + " spoke."})
		pb := NewProfile(Input{Text: "Minister " + c.b + " spoke."})
		if overlap(pa.Names, pb.Names, KindName, 0, nil) == 0 {
			t.Errorf("%s and %s are not one name: %v / %v", c.a, c.b, pa.Names, pb.Names)
		}
	}
	// Chinese is cut into bigrams, so a shared phrase matches without spaces.
	zh := tokenize("国防部长会谈")
	if len(zh) != 5 || zh[0].key != "国防" {
		t.Errorf("Chinese bigrams: %+v", zh)
	}
	// Arabic letter variants and marks compare equal.
	a, b := tokenize("أحمد"), tokenize("احمد")
	if len(a) != 1 || len(b) != 1 || a[0].key != b[0].key {
		t.Errorf("Arabic alef variants differ: %+v %+v", a, b)
	}
	for in, want := range map[string]string{"1,000": "1000", "1.000": "1000", "3,5": "3.5", "15.8m": "15.8", "2,4": "2.4"} {
		if got, _ := normNumber(in); got != want {
			t.Errorf("normNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRareKeys(t *testing.T) {
	ps := seedProfiles(t, false)
	keys := ps[3].RareKeys()
	shared := map[uint64]bool{}
	for _, k := range keys {
		shared[k] = true
	}
	n := 0
	for _, k := range ps[4].RareKeys() {
		if shared[k] {
			n++
		}
	}
	if n < 5 {
		t.Errorf("003 and 004 share %d rare keys, want several for an index to propose them", n)
	}
}

func BenchmarkProfile(b *testing.B) {
	text := article5KB()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		NewProfile(Input{Title: "A title", Text: text, Lang: "en"})
	}
}

func BenchmarkScore(b *testing.B) {
	ps := seedProfiles(b, true)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Score(ps[3], ps[4])
	}
}

// BenchmarkFeatures is the score without its explanation, what a caller
// filtering many candidate pairs needs.
func BenchmarkFeatures(b *testing.B) {
	ps := seedProfiles(b, true)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Features(ps[3], ps[4])
	}
}

// article5KB builds 5 KB of English-like text with names and numbers.
func article5KB() string {
	rng := rand.New(rand.NewSource(1))
	words := strings.Fields("the minister said on Tuesday that talks with Moscow would continue despite the attack on the port city while officials in Washington and Kyiv declined to comment on the report of 240 casualties")
	var s strings.Builder
	for s.Len() < 5000 {
		for k := 0; k < 15; k++ {
			s.WriteString(words[rng.Intn(len(words))])
			s.WriteByte(' ')
		}
		fmt.Fprintf(&s, "Belousov %d.\n", rng.Intn(5000))
	}
	return s.String()
}

// Evidence for a pair never counts against it, nor evidence against for it.
func TestDefaultWeightsKeepTheirSigns(t *testing.T) {
	for i, w := range DefaultWeights.W {
		if s := FeatureSigns[i]; float64(s)*w < 0 {
			t.Errorf("%s: weight %.3f, sign %d", FeatureNames[i], w, s)
		}
	}
}

// Several shared names count for more than one, and a list that shares
// nothing has no cosine.
func TestNameCountAndCosine(t *testing.T) {
	a := NewProfile(Input{Lang: "en", Text: "Yesterday Ondrej Vavrinec met Kasimir Pellegrin and Ludmila Szabo in Ostrava to discuss the tariff."})
	b := NewProfile(Input{Lang: "en", Text: "In Ostrava, Ludmila Szabo, Kasimir Pellegrin and Ondrej Vavrinec argued about the tariff."})
	c := NewProfile(Input{Lang: "en", Text: "Henrietta Quell opened a bakery in Tallinn selling pastries."})
	ab, ac := Features(a, b), Features(a, c)
	if ab[FNameCount] <= 0.5 || ac[FNameCount] != 0 {
		t.Errorf("names shared: %.3f for five shared names, %.3f for none", ab[FNameCount], ac[FNameCount])
	}
	if ab[FTermCosine] <= 0.3 || ac[FTermCosine] != 0 {
		t.Errorf("term cosine: %.3f for one story, %.3f for two", ab[FTermCosine], ac[FTermCosine])
	}
}

// The features that count shared names give their whole contribution to
// the shared names listed as evidence.
func TestSharedNamesCarryTheirFeatures(t *testing.T) {
	ps := seedProfiles(t, false)
	a, b := ps[3], ps[4]
	x := Features(a, b)
	w := DefaultWeights.W
	want := w[FName]*x[FName] + w[FNameCount]*x[FNameCount] + w[FLeadNameCount]*x[FLeadNameCount]
	if want <= 0 {
		t.Fatalf("no name contribution: %v", x)
	}
	got := 0.0
	for _, ev := range Score(a, b).Evidence {
		if ev.Kind == KindName && ev.Weight > 0 {
			got += ev.Weight
		}
	}
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("shared names carry %.4f, the name features %.4f", got, want)
	}
}

// Across languages one shared name in a short list is not a full match:
// the overlap counts in full only from crossEnough shared names.
func TestCrossLanguageNeedsSeveralNames(t *testing.T) {
	en := NewProfile(Input{Lang: "en", Text: "President Trump spoke with Putin and Merkel in Berlin about Ukraine and the Kremlin's plans for Gazprom."})
	one := NewProfile(Input{Lang: "zh", Text: "特朗普说今天天气很好。"})
	three := NewProfile(Input{Lang: "zh", Text: "特朗普与普京和默克尔通话。"})
	x1, x3 := Features(en, one), Features(en, three)
	if x1[FName] == 0 || x1[FCrossName] > x1[FName]/2 {
		t.Errorf("one shared name: overlap %.3f, across languages %.3f", x1[FName], x1[FCrossName])
	}
	if x3[FCrossName] == 0 || x3[FCrossName] != x3[FName] {
		t.Errorf("three shared names: overlap %.3f, across languages %.3f", x3[FName], x3[FCrossName])
	}
}
