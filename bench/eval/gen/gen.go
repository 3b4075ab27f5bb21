// Package gen generates synthetic news corpora with known answers, to
// measure duplicate, repeated-passage and story detection: wire stories
// republished by several outlets with small edits, several independent
// write-ups of each event, later events with the same people (the hard case
// of the seed articles), and unrelated distractors.
package gen

import (
	"fmt"
	"math/rand"
	"strings"
	"time"
)

// Options size a corpus. Zero values take the defaults of Default.
type Options struct {
	Seed int64
	// Events is the number of news events; each gets Wires independent
	// write-ups (1..Wires), each republished by up to Reprints outlets.
	Events   int
	Wires    int
	Reprints int
	// Sequels is the share of events that have a later, different event
	// with the same people and places.
	Sequels float64
	// Distractors are single articles about unrelated events; Topical is
	// the share of them on the same subject as an earlier event, days apart.
	Distractors int
	Topical     float64
	// Outlets is the number of outlets, each with its own chrome lines.
	Outlets int
}

// Default is a corpus of about a thousand articles.
func Default() Options {
	return Options{Seed: 1, Events: 120, Wires: 3, Reprints: 4, Sequels: 0.3, Distractors: 300, Topical: 0.5, Outlets: 12}
}

// Article is one generated article and its ground truth.
type Article struct {
	ID        int64
	Text      string
	Title     string
	Outlet    string
	Published time.Time
	// Story numbers the event; Wire numbers the write-up the text copies
	// (unique across the corpus); Exact numbers the exact-copy class (0 if
	// the article has no exact copy) and ExactKind says which kind of copy.
	Story, Wire, Exact int
	ExactKind          string
	// Repeat, if set, is the text repeated twice inside the article
	// (headline and lede, as scrapers do); RepeatAt are its two starts in runes.
	Repeat   string
	RepeatAt []int
	// Body is the text without the outlet's chrome: same Body, same article.
	Body string
}

// Corpus is a generated corpus.
type Corpus struct {
	Articles []Article
}

type event struct {
	id      int
	names   []string
	places  []string
	numbers []string
	topic   []string
	quotes  []string
	date    time.Time
}

type generator struct {
	r       *rand.Rand
	opt     Options
	outlets []outlet
	zipf    *rand.Zipf
	vocab   []string
	nextID  int64
	wire    int
	exact   int
	events  []*event
}

type outlet struct {
	name           string
	header, footer []string
}

// Generate builds a corpus. The same options give the same corpus.
func Generate(opt Options) Corpus {
	d := Default()
	if opt.Events == 0 {
		opt.Events = d.Events
	}
	if opt.Wires == 0 {
		opt.Wires = d.Wires
	}
	if opt.Reprints == 0 {
		opt.Reprints = d.Reprints
	}
	if opt.Outlets == 0 {
		opt.Outlets = d.Outlets
	}
	g := &generator{r: rand.New(rand.NewSource(opt.Seed)), opt: opt}
	g.vocab = append(append([]string(nil), common...), g.contentWords(6000)...)
	g.zipf = rand.NewZipf(g.r, 1.07, 2, uint64(len(g.vocab)-1))
	for i := 0; i < opt.Outlets; i++ {
		g.outlets = append(g.outlets, g.newOutlet(i))
	}
	var c Corpus
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	story := 0
	for e := 0; e < opt.Events; e++ {
		story++
		ev := g.newEvent(story, base.Add(time.Duration(g.r.Intn(300*24))*time.Hour))
		g.eventArticles(&c, ev)
		if g.r.Float64() < opt.Sequels {
			story++
			seq := g.newEvent(story, ev.date.Add(time.Duration(60+g.r.Intn(200))*24*time.Hour))
			seq.names, seq.places = ev.names, ev.places // same people, another event
			g.eventArticles(&c, seq)
		}
	}
	events := g.events
	for i := 0; i < opt.Distractors; i++ {
		story++
		ev := g.newEvent(story, base.Add(time.Duration(g.r.Intn(300*24))*time.Hour))
		if len(events) > 0 && g.r.Float64() < opt.Topical {
			// Same subject, another event: the topic words of an earlier
			// event (as "French economy" articles share theirs), published
			// within days of it, but other people, places and numbers.
			other := events[g.r.Intn(len(events))]
			ev.topic = other.topic
			ev.date = other.date.Add(time.Duration(g.r.Intn(96)) * time.Hour)
		}
		w := g.writeUp(ev)
		c.Articles = append(c.Articles, g.publish(ev, w, g.outlets[g.r.Intn(len(g.outlets))], ev.date, edits{}))
	}
	return c
}

func (g *generator) word() string { return g.vocab[g.zipf.Uint64()] }

func (g *generator) pseudo(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syllables[g.r.Intn(len(syllables))])
	}
	return b.String()
}

func (g *generator) contentWords(n int) []string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		w := g.pseudo(2 + g.r.Intn(2))
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func (g *generator) newOutlet(i int) outlet {
	name := capital(g.pseudo(2)) + " " + []string{"Times", "Post", "News", "Herald", "Daily", "Tribune"}[i%6]
	o := outlet{name: name}
	o.header = []string{name + " | " + capital(g.pseudo(2)) + " edition"}
	o.footer = []string{
		"Follow " + name + " on social media for more " + g.pseudo(2),
		"© " + name + " all rights reserved",
	}
	if i%3 == 0 {
		o.footer = append(o.footer, "Leave a Reply")
	}
	if i%4 == 1 {
		o.footer = append(o.footer, "#"+capital(g.pseudo(2))+" #"+capital(g.pseudo(2)))
	}
	return o
}

func (g *generator) newEvent(id int, date time.Time) *event {
	ev := &event{id: id, date: date}
	for i := 0; i < 3; i++ {
		ev.names = append(ev.names, capital(g.pseudo(2))+" "+capital(g.pseudo(3)))
	}
	for i := 0; i < 2; i++ {
		ev.places = append(ev.places, capital(g.pseudo(3)))
	}
	for i := 0; i < 3; i++ {
		ev.numbers = append(ev.numbers, fmt.Sprintf("%d", 10+g.r.Intn(9990)))
	}
	for i := 0; i < 12; i++ {
		ev.topic = append(ev.topic, g.vocab[len(common)+g.r.Intn(len(g.vocab)-len(common))])
	}
	for i := 0; i < 2; i++ {
		ev.quotes = append(ev.quotes, g.plainSentence(ev, 8+g.r.Intn(8), 0.25))
	}
	return ev
}

// plainSentence draws n words, a share of them from the event.
func (g *generator) plainSentence(ev *event, n int, eventShare float64) string {
	ws := make([]string, n)
	for i := range ws {
		switch x := g.r.Float64(); {
		case x < eventShare*0.5:
			ws[i] = ev.topic[g.r.Intn(len(ev.topic))]
		case x < eventShare*0.75:
			ws[i] = strings.Fields(ev.names[g.r.Intn(len(ev.names))])[1]
		case x < eventShare*0.9:
			ws[i] = ev.places[g.r.Intn(len(ev.places))]
		case x < eventShare:
			ws[i] = ev.numbers[g.r.Intn(len(ev.numbers))]
		default:
			ws[i] = g.word()
		}
	}
	return strings.Join(ws, " ")
}

// writeUp is one agency's independent text about an event: a headline and
// paragraphs of sentences, names, numbers and quotes from the event.
type writeUp struct {
	wire     int
	headline string
	paras    [][]string
}

func (g *generator) writeUp(ev *event) writeUp {
	g.wire++
	w := writeUp{wire: g.wire}
	w.headline = capital(g.plainSentence(ev, 6+g.r.Intn(5), 0.5))
	np := 5 + g.r.Intn(6)
	quoted := map[int]bool{} // each quote once: a quote twice is a real repeat
	for p := 0; p < np; p++ {
		var para []string
		for s := 0; s < 1+g.r.Intn(3); s++ {
			var sent string
			switch {
			case p == 0 && s == 0:
				sent = ev.names[0] + " " + g.plainSentence(ev, 14+g.r.Intn(10), 0.35)
			case g.r.Float64() < 0.15 && len(quoted) < len(ev.quotes):
				q := g.r.Intn(len(ev.quotes))
				for quoted[q] {
					q = (q + 1) % len(ev.quotes)
				}
				quoted[q] = true
				sent = fmt.Sprintf("%q %s said", capital(ev.quotes[q])+",", ev.names[g.r.Intn(len(ev.names))])
			default:
				sent = capital(g.plainSentence(ev, 10+g.r.Intn(16), 0.1))
			}
			para = append(para, sent+".")
		}
		w.paras = append(w.paras, para)
	}
	return w
}

// edits is how an outlet changes a write-up when it republishes it.
type edits struct {
	typos, inserts, deletes int
	newHeadline, move       bool
	repeatLede              bool
}

func (g *generator) eventArticles(c *Corpus, ev *event) {
	g.events = append(g.events, ev)
	nw := 1 + g.r.Intn(g.opt.Wires)
	for k := 0; k < nw; k++ {
		w := g.writeUp(ev)
		day := ev.date.Add(time.Duration(g.r.Intn(48)) * time.Hour)
		first := g.publish(ev, w, g.outlets[g.r.Intn(len(g.outlets))], day, edits{})
		c.Articles = append(c.Articles, first)
		nr := g.r.Intn(g.opt.Reprints + 1)
		for i := 0; i < nr; i++ {
			o := g.outlets[g.r.Intn(len(g.outlets))]
			when := day.Add(time.Duration(g.r.Intn(72)) * time.Hour)
			switch x := g.r.Float64(); {
			case x < 0.1: // the same file again
				a := first
				g.nextID++
				a.ID = g.nextID
				c.Articles = append(c.Articles, g.markExact(&c.Articles[len(c.Articles)-1-i], a, "bytes"))
			case x < 0.2: // the same text, another layout
				a := first
				g.nextID++
				a.ID = g.nextID
				a.Text = strings.ReplaceAll(a.Text, "\n", "\r\n") + "\n\n"
				a.RepeatAt = findAll(a.Text, a.Repeat)
				c.Articles = append(c.Articles, g.markExact(&c.Articles[len(c.Articles)-1-i], a, "text"))
			default:
				e := edits{
					typos:       g.r.Intn(4),
					inserts:     g.r.Intn(3),
					deletes:     g.r.Intn(3),
					newHeadline: g.r.Float64() < 0.5,
					move:        g.r.Float64() < 0.3,
					repeatLede:  g.r.Float64() < 0.1,
				}
				a := g.publish(ev, w, o, when, e)
				if a.Body == first.Body {
					// Unchanged text under another outlet's chrome.
					a = g.markExact(&c.Articles[len(c.Articles)-1-i], a, "body")
				}
				c.Articles = append(c.Articles, a)
			}
		}
	}
}

// markExact gives an original and its copy one exact class.
func (g *generator) markExact(orig *Article, cp Article, kind string) Article {
	if orig.Exact == 0 {
		g.exact++
		orig.Exact = g.exact
		orig.ExactKind = kind
	}
	cp.Exact = orig.Exact
	cp.ExactKind = kind
	return cp
}

func (g *generator) typo(s string) string {
	ws := strings.Fields(s)
	i := g.r.Intn(len(ws))
	w := []rune(ws[i])
	if len(w) > 3 {
		j := 1 + g.r.Intn(len(w)-2)
		w[j], w[j+1] = w[j+1], w[j]
		ws[i] = string(w)
	}
	return strings.Join(ws, " ")
}

func (g *generator) publish(ev *event, w writeUp, o outlet, when time.Time, e edits) Article {
	g.nextID++
	a := Article{ID: g.nextID, Outlet: o.name, Published: when, Story: ev.id, Wire: w.wire}
	paras := make([][]string, len(w.paras))
	for i, p := range w.paras {
		paras[i] = append([]string(nil), p...)
	}
	for i := 0; i < e.deletes; i++ {
		p := 1 + g.r.Intn(len(paras)-1)
		if len(paras[p]) > 1 {
			s := g.r.Intn(len(paras[p]))
			paras[p] = append(paras[p][:s], paras[p][s+1:]...)
		}
	}
	for i := 0; i < e.inserts; i++ {
		p := g.r.Intn(len(paras))
		paras[p] = append(paras[p], capital(g.plainSentence(ev, 10+g.r.Intn(10), 0.2))+".")
	}
	for i := 0; i < e.typos; i++ {
		p := g.r.Intn(len(paras))
		s := g.r.Intn(len(paras[p]))
		paras[p][s] = g.typo(paras[p][s])
	}
	if e.move && len(paras) > 3 {
		i := 1 + g.r.Intn(len(paras)-2)
		m := paras[i]
		paras = append(paras[:i], paras[i+1:]...)
		paras = append(paras, m)
	}
	a.Title = w.headline
	if e.newHeadline {
		a.Title = capital(g.plainSentence(ev, 6+g.r.Intn(5), 0.5))
	}
	var lines []string
	lines = append(lines, o.header...)
	lines = append(lines, a.Title)
	body := make([]string, len(paras))
	for i, p := range paras {
		body[i] = strings.Join(p, " ")
	}
	if e.repeatLede {
		// The scraper caught headline and lede twice.
		a.Repeat = a.Title + "\n\n" + body[0]
		lines = append(lines, body[0], a.Title)
	}
	lines = append(lines, body...)
	a.Body = strings.Join(lines[len(o.header):], "\n\n")
	lines = append(lines, "Published "+when.Format("2 January 2006 15:04"))
	lines = append(lines, o.footer...)
	a.Text = strings.Join(lines, "\n\n") + "\n"
	a.RepeatAt = findAll(a.Text, a.Repeat)
	return a
}

// findAll returns the rune offsets at which sub starts in s (none if sub is
// empty). Headline and lede are separated by a blank line, which a CRLF copy
// writes differently, so that gap matches any white space.
func findAll(s, sub string) []int {
	if sub == "" {
		return nil
	}
	head, lede, _ := strings.Cut(sub, "\n\n")
	rs := []rune(s)
	var out []int
	for i := 0; i < len(rs); i++ {
		if !strings.HasPrefix(string(rs[i:min(len(rs), i+len([]rune(head)))]), head) {
			continue
		}
		j := i + len([]rune(head))
		for j < len(rs) && (rs[j] == '\n' || rs[j] == '\r') {
			j++
		}
		if strings.HasPrefix(string(rs[j:]), lede) {
			out = append(out, i)
		}
	}
	return out
}
