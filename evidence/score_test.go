package evidence

import (
	"fmt"
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
