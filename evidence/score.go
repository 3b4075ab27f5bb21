package evidence

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/storydiff/storydiff/textnorm"
)

// Kinds of evidence.
const (
	KindName    = "name"
	KindNumber  = "number"
	KindDate    = "date"
	KindQuote   = "quote"
	KindPlace   = "place"
	KindTerm    = "term"
	KindTitle   = "title"
	KindLede    = "lede"
	KindPassage = "passage"
	KindTime    = "time"
	// KindParts is the share of word parts (see Profile.Grams) two
	// articles share, KindLanguage a pair in two languages, and
	// KindTemplate two items of one template, with the title word each
	// has that the other article never uses (see frame.go).
	KindParts    = "word parts"
	KindLanguage = "language"
	KindTemplate = "template"
	// KindEvent is a title's word of what happened that the other
	// article has in its title or lede (see Profile.Event).
	KindEvent = "event"
)

// Evidence is one reason for (positive weight) or against (negative) two
// articles reporting one event: what it says in each, and how much it adds
// to the log-odds.
type Evidence struct {
	Kind   string  `json:"kind"`
	AText  string  `json:"a_text"`
	BText  string  `json:"b_text"`
	Weight float64 `json:"weight"`
}

// Explanation is a pair's score and its evidence. A and B are left for the
// caller to fill with the articles' references.
type Explanation struct {
	A string `json:"a"`
	B string `json:"b"`
	// Score is the probability that the two articles report one event.
	Score      float64 `json:"score"`
	SameEvent  bool    `json:"same_event"`
	SameThread bool    `json:"same_thread"`
	// Thread is the weaker score of one running topic (see ThreadScore).
	Thread   float64    `json:"thread"`
	Evidence []Evidence `json:"evidence"`
}

// Feature indexes: what Features returns for a pair, and what Weights
// weigh.
const (
	FName = iota
	FNameDiff
	FNumber
	FNumberDiff
	FDate
	FQuote
	FPlace
	FTerm
	FTitle
	FLede
	FPassage
	FCrossLang
	// FCrossName and FCrossNumber are the name and number overlaps again
	// for pairs in different languages, where words rarely match but names
	// and numbers survive translation.
	FCrossName
	FCrossNumber
	// FTemplate is the same wording with other particulars: term, title or
	// lede overlap times name and number disagreement. Items made
	// from one template (dividend notices, market reports, results) share
	// every word but their names and numbers.
	FTemplate
	// FHeadNameDiff is 1 when both titles name someone or something and
	// they share none of those names: two notices headed by two companies.
	FHeadNameDiff
	// FGram is the overlap of the character 5-gram samples (see
	// Profile.Grams).
	FGram
	// FTermCosine is the cosine of the two term lists weighted by rarity
	// and frequency: unlike the overlap coefficient it does not reach 1
	// when a short list falls inside a long one on a few common words.
	FTermCosine
	// FNameCount grows with the number of names shared, up to
	// namesEnough: one shared name (a country, a minister) says little,
	// several say much more than their share of the lists.
	FNameCount
	// FGramJaccard is the share of the two gram samples' union they share
	// (Jaccard), against the overlap of the smaller sample in FGram.
	FGramJaccard
	// FLeadNameCount is FNameCount over the names of either article's
	// title and lede that the other names anywhere: the names of what a
	// report is about, not of its links and its site's footer.
	FLeadNameCount
	// FKeyMissing is the share of one article's key names (see
	// Profile.Key) that the other never names, the larger of the two
	// sides: two calls of one minister with two different counterparts.
	// Pairs of one language only.
	FKeyMissing
	// FDateDiff is 1 when both articles mention dates and none of them is
	// the same: two meetings, each dated in its own text.
	FDateDiff
	// FWeekday is the overlap of the days of the week the two give (on
	// Tuesday, el martes), apart from the dates.
	FWeekday
	// FTitleRareDiff is how far the rarest words of each title are
	// missing from the other article, the lesser of the two sides: two
	// notices "TRINOVA CORP 3RD QTR NET" and "OWENS AND MINOR 3RD QTR NET"
	// share their frame and differ in what each is about, even where the
	// text never names the company again.
	FTitleRareDiff
	// FEvent is how much of each title's event words (see Profile.Event)
	// the other article has in its title or lede, the mean of the two
	// sides: what happened, apart from who, where and how many. Two
	// reports with the same people and places that tell of two happenings
	// (a death and the messages after it, two previews of one final)
	// share their names but not these. Pairs of one language only.
	FEvent
	NumFeatures
)

// FeatureNames names the features in order, for reports.
var FeatureNames = [NumFeatures]string{
	"name", "name differs", "number", "number differs", "date", "quote", "place",
	"term", "title", "lede", "passage", "cross-language", "name across languages", "number across languages", "same wording, other particulars", "title names differ", "word parts", "term cosine", "names shared", "word parts (union)", "lead names shared", "key names missing", "dates differ", "weekday", "title's rarest words missing", "title's event words",
}

// FeatureSigns gives the sign each feature's weight must have: +1 for
// evidence that two articles report one event (what they share), -1 for
// evidence against (what differs), 0 where either may hold. Fitted weights
// keep to them, so that a shared name never counts against a pair however
// its feature correlates with the others.
var FeatureSigns = [NumFeatures]int{
	FName: 1, FNameDiff: -1, FNumber: 1, FNumberDiff: -1, FDate: 1, FQuote: 1, FPlace: 1,
	FTerm: 1, FTitle: 1, FLede: 1, FPassage: 1, FCrossLang: 0, FCrossName: 1, FCrossNumber: 1,
	FTemplate: -1, FHeadNameDiff: -1, FGram: 1, FTermCosine: 1, FNameCount: 1, FGramJaccard: 1, FLeadNameCount: 1,
	FKeyMissing: -1, FDateDiff: -1, FWeekday: 1, FTitleRareDiff: -1, FEvent: 1,
}

// Weights turn features into log-odds: Bias + Σ W[i]·x[i].
type Weights struct {
	Bias float64
	W    [NumFeatures]float64
}

// Score compares two profiles with the default weights.
func Score(a, b *Profile) Explanation { return ScoreWith(a, b, DefaultWeights) }

// Thresholds: a pair is one event at a probability of one half; one thread
// when its thread score (see ThreadLogit) reaches ThreadThreshold. On the
// SemEval pairs (EVAL.md) that joins about 89% of the pairs people rate 2.5
// or closer and 12% of those they rate 3.5 or further apart.
const (
	EventThreshold  = 0.5
	ThreadThreshold = 0.5
)

// ScoreWith compares two profiles with the given weights.
func ScoreWith(a, b *Profile, w Weights) Explanation {
	var ev []Evidence
	x := features(a, b, &ev, w, false)
	logit := w.Bias
	for i, v := range x {
		logit += w.W[i] * v
	}
	thread := ThreadLogit(w, x)
	if t, piece, ok := timeOf(a, b); ok {
		logit += t
		ev = append(ev, piece)
	}
	if f, piece, ok := frameEvidence(a, b); ok {
		logit += f
		ev = append(ev, piece)
	}
	// The evidence is ordered by sorting indexes: sorting Evidence values
	// (through reflection at first) moved three strings per swap, each with
	// a write barrier, and was most of a Score's time.
	order := make([]int32, len(ev))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(x, y int32) int { return cmp.Compare(math.Abs(ev[y].Weight), math.Abs(ev[x].Weight)) })
	sorted := make([]Evidence, len(ev))
	for i, k := range order {
		sorted[i] = ev[k]
	}
	ev = sorted
	e := Explanation{Score: sigmoid(logit), Thread: sigmoid(thread), Evidence: ev}
	e.SameEvent = e.Score >= EventThreshold
	e.SameThread = e.SameEvent || e.Thread >= ThreadThreshold
	return e
}

// ThreadLogit is the log-odds of one running topic: the bias plus only the
// evidence for (shared names, places, terms,
// title and lede words, quotes, numbers, passages), without the evidence
// against and without time, so that successive events with the same
// people stay one thread. The bias is lowered by threadMargin: without the
// evidence against, the shared words of one topic alone would make a
// quarter of the pairs people rate as different stories one thread. The
// margin is chosen on the SemEval pairs (EVAL.md's last two columns) so
// that the thread verdict joins about a tenth of the pairs people rate as
// different stories (3.5 or further apart): 1.5 joined 25%, 2.5 joined 4%
// but only 70% of those rated 2.5 or closer. It follows the bias: the more
// of the fit the evidence against carries, the higher the bias and the
// wider the margin must be (bias -1.77 took a margin of 0.5, -0.28 of 2.0,
// -0.47 with the title's event words of 1.75: same thread for 88% of the
// pairs rated 2.5 or closer and 10% of those rated 3.5 or further).
func ThreadLogit(w Weights, x [NumFeatures]float64) float64 {
	t := w.Bias - threadMargin
	for i, v := range x {
		if c := w.W[i] * v; c > 0 {
			t += c
		}
	}
	return t
}

const threadMargin = 1.75

// Features returns the pair's feature vector, for fitting weights.
func Features(a, b *Profile) [NumFeatures]float64 { return features(a, b, nil, Weights{}, false) }

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// maxPieces bounds the listed pieces of one kind; their weights are shares
// of the kind's whole contribution, shared by the heaviest pieces.
const maxPieces = 16

// features returns the pair's feature vector. With quick, it leaves out the
// features whose weight in w is zero and that no other feature reads
// (Quick's score is the same without them; Score lists every piece of
// evidence and Features feeds the fit, so they compute all).
func features(a, b *Profile, ev *[]Evidence, w Weights, quick bool) [NumFeatures]float64 {
	var x [NumFeatures]float64
	needs := func(f int) bool { return !quick || w.W[f] != 0 }
	cross := a.Lang != "" && b.Lang != "" && a.Lang != b.Lang
	// The lists made for one pair start in buffers on the stack: scoring
	// a candidate allocated them anew, and linking scores a hundred
	// candidates an article.
	var bufLA, bufLB [maxNames]Item
	var bufDA, bufWA, bufDB, bufWB [maxDates]Item
	// The features that count shared names, numbers and terms are
	// computed first; their whole contribution is then shared among the
	// items they rest on, so that the evidence lists every reason.
	la, lb := leadNamesInto(bufLA[:0], a), leadNamesInto(bufLB[:0], b)
	// Across scripts, names written by sound (a Chinese text's runs, a
	// Cyrillic name spelled otherwise) count as the names of the other
	// article they sound like.
	an, bn := a.Names, b.Names
	if cross && (len(a.Sounds) > 0 || len(a.NameSounds) > 0) && (len(b.Sounds) > 0 || len(b.NameSounds) > 0) {
		an, bn, la, lb = soundNames(a, b, la, lb)
	}
	x[FName] = overlap(an, bn, "", 0, nil)
	x[FNameCount] = min(1, math.Log1p(sharedCount(an, bn))/math.Log1p(namesEnough))
	x[FLeadNameCount] = min(1, math.Log1p(leadShared(la, lb, an, bn))/math.Log1p(namesEnough))
	x[FNumber] = overlap(a.Numbers, b.Numbers, "", 0, nil)
	x[FTerm] = overlap(a.Terms, b.Terms, "", 0, nil)
	if needs(FTermCosine) {
		x[FTermCosine] = cosine(a.Terms, b.Terms)
	}
	if cross {
		x[FCrossLang] = 1
		// Across languages a short list (a translation that kept two
		// names) is easily contained in a long one: the overlap counts in
		// full only from crossEnough shared items on.
		x[FCrossName] = x[FName] * min(1, sharedCount(an, bn)/crossEnough)
		x[FCrossNumber] = x[FNumber] * min(1, sharedCount(a.Numbers, b.Numbers)/crossEnough)
	}
	if ev != nil {
		list(an, bn, KindName, x[FName], w.W[FName]*x[FName]+w.W[FNameCount]*x[FNameCount]+w.W[FLeadNameCount]*x[FLeadNameCount]+w.W[FCrossName]*x[FCrossName], ev)
	}
	var against []int // indexes in *ev of the differing names and numbers
	mark := func(from int) {
		if ev != nil {
			for i := from; i < len(*ev); i++ {
				against = append(against, i)
			}
		}
	}
	n0 := evLen(ev)
	// Names differ when those of the titles and ledes do: a long round-up
	// names people of its other stories further down, which says nothing
	// against its lead story being the other article's.
	x[FNameDiff] = differ(la, lb, overlap(la, lb, "", 0, nil), 3, KindName, w.W[FNameDiff], ev)
	mark(n0)
	if ev != nil {
		list(a.Numbers, b.Numbers, KindNumber, x[FNumber], w.W[FNumber]*x[FNumber]+w.W[FCrossNumber]*x[FCrossNumber], ev)
	}
	n0 = evLen(ev)
	x[FNumberDiff] = differ(a.Numbers, b.Numbers, x[FNumber], 2, KindNumber, w.W[FNumberDiff], ev)
	mark(n0)
	da, wa := splitWeekdaysInto(bufDA[:0], bufWA[:0], a.Dates)
	db, wb := splitWeekdaysInto(bufDB[:0], bufWB[:0], b.Dates)
	x[FDate] = overlap(da, db, KindDate, w.W[FDate], ev)
	x[FWeekday] = overlap(wa, wb, KindDate, w.W[FWeekday], ev)
	if needs(FQuote) {
		x[FQuote] = overlap(a.Quotes, b.Quotes, KindQuote, w.W[FQuote], ev)
	}
	x[FPlace] = overlap(a.Places, b.Places, KindPlace, w.W[FPlace], ev)
	if ev != nil {
		list(a.Terms, b.Terms, KindTerm, x[FTerm], w.W[FTerm]*x[FTerm]+w.W[FTermCosine]*x[FTermCosine], ev)
	}
	// An article without a title (a one-line text, a title run into the
	// text) offers its lede in its place.
	ta, tb := a.Title, b.Title
	if len(ta) == 0 && len(tb) > 0 {
		ta = a.Lede
	}
	if len(tb) == 0 && len(ta) > 0 {
		tb = b.Lede
	}
	x[FTitle] = overlap(ta, tb, KindTitle, w.W[FTitle], ev)
	x[FLede] = overlap(a.Lede, b.Lede, KindLede, w.W[FLede], ev)
	if needs(FPassage) {
		x[FPassage] = passage(a, b, w.W[FPassage], ev)
	}
	// The particulars that differ are the names, or else the rarest title
	// words: a notice whose text never names its company again.
	if !cross {
		x[FTitleRareDiff] = titleRareDiff(a, b, w.W[FTitleRareDiff], ev)
	}
	x[FTemplate] = max(x[FTerm], x[FTitle], x[FLede]) * max(x[FNameDiff], x[FTitleRareDiff]) * x[FNumberDiff]
	if ev != nil && x[FTemplate] > 0 && w.W[FTemplate] != 0 {
		// The differing names and numbers are already listed; this part of
		// their weight is added to them rather than listed again.
		for _, i := range against {
			(*ev)[i].Weight += w.W[FTemplate] * x[FTemplate] / float64(len(against))
		}
	}
	x[FHeadNameDiff] = headNamesDiffer(a, b, w.W[FHeadNameDiff], ev)
	x[FGram], x[FGramJaccard] = gramOverlap(a.Grams, b.Grams)
	if c := w.W[FGram]*x[FGram] + w.W[FGramJaccard]*x[FGramJaccard]; ev != nil && c != 0 {
		t := fmt.Sprintf("%.0f%% shared", 100*x[FGram])
		*ev = append(*ev, Evidence{KindParts, t, t, c})
	}
	if ev != nil && cross && w.W[FCrossLang] != 0 {
		*ev = append(*ev, Evidence{KindLanguage, a.Lang, b.Lang, w.W[FCrossLang]})
	}
	// Across languages most names are matched only where the name list
	// knows both forms (Kim, 金正恩), so a name "missing" says little.
	if !cross {
		x[FKeyMissing] = keyMissing(a, b, w.W[FKeyMissing], ev)
	}
	x[FDateDiff] = datesDiffer(da, db, w.W[FDateDiff], ev)
	// Across languages the words of what happened are translated.
	if !cross {
		frame := backgroundWeighs(a.Lang) && backgroundWeighs(b.Lang) && x[FTitleRareDiff] > 0
		x[FEvent] = eventShared(a, b, w.W[FEvent], ev, eventRule{apart: unplaced(a, b), frame: frame})
	}
	return x
}

// eventRule says which of a title's event words count as found in the
// other article.
type eventRule struct {
	// apart: a dated report and an undated one that nothing places near
	// it (see unplaced); the words common in the archive count as not
	// found.
	apart bool
	// frame: two English titles each of whose rarest words the other
	// article never uses (see titleRareDiff). A word the other title has
	// too counts as not found, and so does one only its lede has that
	// many of the archive's reports hold (Common 1). Such titles share
	// their frame (PRIME RATE, QTLY DIV, FILES DEBT OFFERING, FUTURES
	// EXPECTED TO OPEN HIGHER) and differ in who: the frame's words are
	// what every item of the template says happened, and counted as the
	// event's own they made two banks' rate rises, two companies'
	// dividends and two issuers' debentures one event. A rarer word the
	// other's lede has still counts: a rewrite whose title words a new
	// verb ("texting breaks record", "text message record smashed") keeps
	// what happened in its opening lines.
	frame bool
}

// eventShared is the mean, over the two sides, of the share by weight of
// a title's event words that the other article has in its title or lede;
// 0 when either title has none. The rule says which words found count
// (see eventRule). Its evidence lists the words found.
func eventShared(a, b *Profile, wt float64, ev *[]Evidence, r eventRule) float64 {
	if len(a.Event) == 0 || len(b.Event) == 0 {
		return 0
	}
	x := (eventFound(a.Event, b, r) + eventFound(b.Event, a, r)) / 2
	if ev != nil && x > 0 && wt != 0 {
		var pieces []Evidence
		var keys []uint64
		add := func(l []Item, q *Profile, swap bool) {
			for _, it := range l {
				i, other, ok := eventIn(q, it, r)
				if !ok || slices.Contains(keys, it.Key) {
					continue
				}
				keys = append(keys, it.Key)
				p := Evidence{KindEvent, it.Text, other[i].Text, 0}
				if swap {
					p.AText, p.BText = p.BText, p.AText
				}
				pieces = append(pieces, p)
			}
		}
		add(a.Event, b, false)
		add(b.Event, a, true)
		if len(pieces) > maxPieces {
			pieces = pieces[:maxPieces]
		}
		for i := range pieces {
			pieces[i].Weight = wt * x / float64(len(pieces))
		}
		*ev = append(*ev, pieces...)
	}
	return x
}

// eventFound is the share by weight of the event words l that q has in
// its title or lede, as the rule counts them. With r.apart, a word many of
// the archive's reports hold (Common 1, see eventCommon) counts as not
// found: rates rise, oil prices climb and elections are held in every
// year. Between undated 2005 BBC reports and 1987 Reuters stories such
// words ("interest rates", "election", "ministry", "week") carried most of
// the links of one event that the era (Timing.eraFloor) left; what stays
// is the words of fewer reports (a phone call, a recall).
func eventFound(l []Item, q *Profile, r eventRule) float64 {
	var f, t float64
	for _, it := range l {
		t += float64(it.W)
		if _, _, ok := eventIn(q, it, r); ok {
			f += float64(it.W)
		}
	}
	if t == 0 {
		return 0
	}
	return f / t
}

// eventIn finds the event word it in q's title, or else its lede, where
// the rule counts it: its index and the list it is in.
func eventIn(q *Profile, it Item, r eventRule) (int, []Item, bool) {
	if r.apart && it.Common == 1 {
		return 0, nil, false
	}
	if i, ok := findWord(q.Title, it, q.Lang); ok {
		return i, q.Title, !r.frame
	}
	if i, ok := findWord(q.Lede, it, q.Lang); ok {
		return i, q.Lede, !(r.frame && it.Common == 1)
	}
	return 0, nil, false
}

// findWord is find for a word of what happened: the item of l with its
// key, whose text, in English (lang), is the same word (see sameWord),
// not another that begins with the same stemLen letters.
func findWord(l []Item, it Item, lang string) (int, bool) {
	i, ok := find(l, it.Key)
	return i, ok && (!backgroundWeighs(lang) || sameWord(it.Text, l[i].Text))
}

// sameWord reports whether two English words of one stem (see stemLen)
// are forms of one word: past the letters they share, each ends in
// nothing or in an ending of English inflection (hike, hikes; arrested,
// arresting; company, companies). UNDERWAY and underwriters, government
// and governor begin with the same six letters and are other words: a
// title's event word found only so in the other report is not found.
// German and Spanish inflect within their stems and join words
// (Kandidaten, Kandidatin; presuntos, presuntas; Arbeitslosigkeit,
// Arbeitslosenquote), where the stem alone is the better guess; on the
// SemEval pairs this test there took 0.002 off the Pearson correlation.
func sameWord(x, y string) bool {
	if x == y {
		return true
	}
	x, y = textnorm.Fold(x), textnorm.Fold(y)
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	return englishEnding(x[p:]) && englishEnding(y[p:])
}

// englishEnding reports whether s is what English inflection adds to a
// word (or nothing).
func englishEnding(s string) bool {
	switch s {
	case "", "s", "es", "d", "ed", "ing", "e", "er", "ers", "y", "ies", "ied", "ion", "ions", "'s", "s'":
		return true
	}
	return false
}

// soundNames returns the names of a and b, each side's with the names
// of the other it writes by sound in another script (see han.go), and the
// lead names la and lb likewise. A Chinese run of one side (Profile.Sounds)
// whose phonetic key is that of a name of the other side that its names
// lack is added to its names under that name's key; a name in Cyrillic or
// Greek letters whose key is that of a Latin name of the other side
// (Готэм, Gotham) is renamed to it. Keys of three classes count only
// beside one of soundPartMin or more: alone they were shared by chance
// (Achilles and 卡莱斯, K L S; Benazir and 本赛, the start of 本赛季, this
// season; 48 of the 1,560 pairs of han.go's count against 12), where the
// names of one event that the name list lacks are often several and one
// of them long.
func soundNames(a, b *Profile, la, lb []Item) (an, bn, la2, lb2 []Item) {
	addA, longA := runsNamed(a, b)
	addB, longB := runsNamed(b, a)
	renA, longC := renamed(a, b)
	renB, longD := renamed(b, a)
	if !longA && !longB && !longC && !longD {
		return a.Names, b.Names, la, lb
	}
	return withItems(rename(a.Names, renA), addA), withItems(rename(b.Names, renB), addB), rename(la, renA), rename(lb, renB)
}

// runsNamed returns the Chinese runs of p that write a name of q which p's
// names lack, as names of p under that name's key, and whether one of
// their keys is long (soundPartMin classes or more).
func runsNamed(p, q *Profile) (add []Item, long bool) {
	if len(p.Sounds) == 0 {
		return nil, false
	}
	for k, h := range q.NameSounds {
		if h == 0 {
			continue
		}
		i, ok := find(p.Sounds, uint64(h&^soundOther))
		if !ok || hasKey(p.Names, q.Names[k].Key) {
			continue
		}
		add = append(add, Item{Key: q.Names[k].Key, Text: p.Sounds[i].Text, W: p.Sounds[i].W})
		long = long || soundLen(h) >= soundPartMin
	}
	return add, long
}

// renamed returns the names of p in Cyrillic or Greek letters whose
// phonetic key is that of a Latin name of q that p's names lack, as keys
// to rename, and whether one of their keys is long.
func renamed(p, q *Profile) (ren []rekey, long bool) {
	for i, h := range p.NameSounds {
		if h&soundOther == 0 {
			continue
		}
		for j, g := range q.NameSounds {
			if g == h&^soundOther && !hasKey(p.Names, q.Names[j].Key) {
				ren = append(ren, rekey{p.Names[i].Key, q.Names[j].Key})
				long = long || soundLen(h) >= soundPartMin
				break
			}
		}
	}
	return ren, long
}

// rekey renames an item: the key it has, the key it takes.
type rekey struct{ from, to uint64 }

// rename returns l with the items' keys renamed, sorted again.
func rename(l []Item, ren []rekey) []Item {
	if len(ren) == 0 {
		return l
	}
	out := slices.Clone(l)
	for _, r := range ren {
		for i := range out {
			if out[i].Key == r.from {
				out[i].Key = r.to
			}
		}
	}
	sortItems(out)
	return out
}

// withItems returns the sorted list l with the items of add, each key once.
func withItems(l, add []Item) []Item {
	if len(add) == 0 {
		return l
	}
	out := append(slices.Clone(l), add...)
	sortItems(out)
	return slices.CompactFunc(out, func(x, y Item) bool { return x.Key == y.Key })
}

// titleRareDiff is the lesser, over the two sides, of the share of a
// title's rarest words that the other article never uses.
func titleRareDiff(a, b *Profile, wt float64, ev *[]Evidence) float64 {
	ma, ra := rareMissing(a, b)
	mb, rb := rareMissing(b, a)
	x := min(ma, mb)
	if ev != nil && x > 0 && wt != 0 {
		*ev = append(*ev, Evidence{KindTitle, ra, rb, wt * x})
	}
	return x
}

// titleRare words at least are the rarest of a title; titleRareMax at most
// when more lie within titleRareTier of the rarest (rarity is a log of
// frequency: a tier is words within a factor of e). In a language other
// than English most words are unseen by the English background and weigh
// alike, so the tier holds up to titleRareMaxOther of them, the longer
// first: with at most four, which four of a German title's eight words
// were read was chosen by hash ("könnten" where the title's point was
// "Himmelslaternen"). Reading the whole title there, words the
// background knows too (Zoo, Euro, Super Bowl) included, linked more
// different-story pairs (SemEval held out: 0.061 against 0.054).
const (
	titleRare         = 2
	titleRareMax      = 4
	titleRareTier     = 1.0
	titleRareMaxOther = 8
)

// rareMissing returns the share of p's rarest title words (not numbers)
// that q uses nowhere, and the rarest of those missing.
func rareMissing(p, q *Profile) (float64, string) {
	var buf [maxTitle]Item
	rare := buf[:0]
	for _, it := range p.Title {
		if !isNumberText(it.Text) {
			rare = append(rare, it)
		}
	}
	if len(rare) == 0 {
		return 0, ""
	}
	weighed := backgroundWeighs(p.Lang)
	slices.SortStableFunc(rare, func(x, y Item) int {
		if c := cmp.Compare(y.W, x.W); c != 0 || weighed {
			return c
		}
		// Among words the background cannot tell apart the longer go
		// first: in any language longer words are the rarer (Zipf).
		return cmp.Compare(utf8.RuneCountInString(y.Text), utf8.RuneCountInString(x.Text))
	})
	// Words the background has never seen all weigh alike (a company, its
	// ticker, an abbreviation such as QTR): the rarest tier is kept whole,
	// up to titleRareMax words, rather than two of it chosen by hash.
	n, most := 1, titleRareMax
	if !weighed {
		most = titleRareMaxOther
	}
	for n < len(rare) && n < most && rare[n].W >= rare[0].W-titleRareTier {
		n++
	}
	rare = rare[:max(n, min(len(rare), titleRare))]
	missed, first := 0, ""
	for _, it := range rare {
		if !hasKey(q.Title, it.Key) && !hasKey(q.Names, it.Key) && !hasKey(q.Terms, it.Key) && !hasKey(q.Lede, it.Key) && !hasKey(q.Places, it.Key) && !q.uses(it.Key) {
			if missed == 0 {
				first = it.Text
			}
			missed++
		}
	}
	return float64(missed) / float64(len(rare)), first
}

// backgroundWeighs reports whether the English background counts weigh the
// words of an article in language lang (unknown is read as English, as
// rarity reads it).
func backgroundWeighs(lang string) bool { return lang == "" || lang == "en" }

func isNumberText(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

// NotNamed stands in an explanation for the side that never names what
// the other article is about.
const NotNamed = "(not named)"

// keyMissing is the larger share, by weight, of either article's key
// names that the other does not name at all. Its evidence lists them.
func keyMissing(a, b *Profile, wt float64, ev *[]Evidence) float64 {
	if ev == nil {
		return max(missingShare(a.Key, b), missingShare(b.Key, a))
	}
	ma, mb := missing(a.Key, b), missing(b.Key, a)
	x := max(share(ma, a.Key), share(mb, b.Key))
	if ev != nil && x > 0 && wt != 0 {
		var pieces []Evidence
		for _, it := range ma {
			pieces = append(pieces, Evidence{KindName, it.Text, NotNamed, 0})
		}
		for _, it := range mb {
			pieces = append(pieces, Evidence{KindName, NotNamed, it.Text, 0})
		}
		if len(pieces) > 4 {
			pieces = pieces[:4]
		}
		for i := range pieces {
			pieces[i].Weight = wt * x / float64(len(pieces))
		}
		*ev = append(*ev, pieces...)
	}
	return x
}

// missing returns the items of key that p names neither as a name nor as
// a place, nor uses anywhere in its text, heaviest first.
func missing(key []Item, p *Profile) []Item {
	var out []Item
	for _, it := range key {
		if !hasKey(p.Names, it.Key) && !hasKey(p.Places, it.Key) && !p.uses(it.Key) {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(x, y Item) int { return cmp.Compare(y.W, x.W) })
	return out
}

// missingShare is share(missing(key, p), key) without making the list:
// the missing weights are summed heaviest first as share sums them (equal
// weights add alike in any order), so the result is the same to the bit.
func missingShare(key []Item, p *Profile) float64 {
	var buf [maxNames]float32
	ws := buf[:0]
	for _, it := range key {
		if !hasKey(p.Names, it.Key) && !hasKey(p.Places, it.Key) && !p.uses(it.Key) {
			ws = append(ws, it.W)
		}
	}
	slices.SortFunc(ws, func(x, y float32) int { return cmp.Compare(y, x) })
	var m, t float64
	for _, w := range ws {
		m += float64(w)
	}
	for _, it := range key {
		t += float64(it.W)
	}
	if t == 0 {
		return 0
	}
	return m / t
}

// share is the weight of part over that of the list it came from.
func share(part []Item, of []Item) float64 {
	var p, t float64
	for _, it := range part {
		p += float64(it.W)
	}
	for _, it := range of {
		t += float64(it.W)
	}
	if t == 0 {
		return 0
	}
	return p / t
}

// datesDiffer is 1 when both articles mention days (a month and a day)
// and share none. A month alone is as often background as the event.
func datesDiffer(a, b []Item, wt float64, ev *[]Evidence) float64 {
	a, b = dayDates(a), dayDates(b)
	if len(a) == 0 || len(b) == 0 || sharedCount(a, b) > 0 {
		return 0
	}
	if ev != nil && wt != 0 {
		*ev = append(*ev, Evidence{KindDate, a[0].Text, b[0].Text, wt})
	}
	return 1
}

// list adds the items a and b share as evidence of kind, sharing the
// contribution total by their weight; x is their overlap.
func list(a, b []Item, kind string, x, total float64, ev *[]Evidence) {
	if x > 0 && total != 0 {
		overlap(a, b, kind, total/x, ev)
	}
}

// gramOverlap is the share of the smaller sample's grams found in the
// other, counted only below the larger of the two samples' highest hash so
// that the two samples cover the same range of hashes.
func gramOverlap(a, b []uint32) (float64, float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	// One sample ends at the limit; the other is cut there.
	limit := min(a[len(a)-1], b[len(b)-1])
	na, nb := len(a), len(b)
	if a[na-1] > limit {
		na, _ = slices.BinarySearch(a, limit+1)
	}
	if b[nb-1] > limit {
		nb, _ = slices.BinarySearch(b, limit+1)
	}
	// A merge of two sorted samples without branches on their order: the
	// two samples interleave at random, so a branch on it is mispredicted
	// about half the time, and this is scored for every candidate pair.
	n, i, j := 0, 0, 0
	for i < na && j < nb {
		d := int64(a[i]) - int64(b[j])
		le := int(uint64(d-1) >> 63)  // a[i] <= b[j]
		ge := int(uint64(-d-1) >> 63) // a[i] >= b[j]
		n += le & ge
		i += le
		j += ge
	}
	return float64(n) / float64(max(1, min(na, nb))), float64(n) / float64(max(1, na+nb-n))
}

// leadShared counts the keys of la found in nb and of lb found in na,
// each once, as sharedCount does.
func leadShared(la, lb, na, nb []Item) float64 {
	n := sharedCount(la, nb)
	for _, it := range lb {
		if i, ok := find(na, it.Key); ok && !hasKey(la, it.Key) {
			n += float64(1 - max(it.Common, na[i].Common))
		}
	}
	return n
}

// find returns the index of key k in the sorted items.
func find(items []Item, k uint64) (int, bool) {
	i := sort.Search(len(items), func(i int) bool { return items[i].Key >= k })
	return i, i < len(items) && items[i].Key == k
}

// crossEnough shared names or numbers give the cross-language overlaps in
// full.
const crossEnough = 3

// namesEnough shared names make FNameCount full.
const namesEnough = 8

// sharedCount is the number of keys two sorted item lists share, each
// counted less by what the archive's census took from it (see Discount).
func sharedCount(a, b []Item) float64 {
	n, i, j := 0.0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].Key < b[j].Key:
			i++
		case a[i].Key > b[j].Key:
			j++
		default:
			n += float64(1 - max(a[i].Common, b[j].Common))
			i++
			j++
		}
	}
	return n
}

// cosine is the cosine of two sorted item lists as vectors of their
// weights.
func cosine(a, b []Item) float64 {
	var na, nb, dot float64
	for _, it := range a {
		na += float64(it.W) * float64(it.W)
	}
	for _, it := range b {
		nb += float64(it.W) * float64(it.W)
	}
	if na == 0 || nb == 0 {
		return 0
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].Key < b[j].Key:
			i++
		case a[i].Key > b[j].Key:
			j++
		default:
			dot += float64(a[i].W) * float64(b[j].W)
			i++
			j++
		}
	}
	return dot / math.Sqrt(na*nb)
}

// leadNamesInto appends the names of p found in its title or lede to out.
func leadNamesInto(out []Item, p *Profile) []Item {
	// The three lists are sorted by key: one walk along each.
	i, j := 0, 0
	for _, n := range p.Names {
		for i < len(p.Title) && p.Title[i].Key < n.Key {
			i++
		}
		for j < len(p.Lede) && p.Lede[j].Key < n.Key {
			j++
		}
		if i < len(p.Title) && p.Title[i].Key == n.Key || j < len(p.Lede) && p.Lede[j].Key == n.Key {
			out = append(out, n)
		}
	}
	return out
}

// uses reports whether p, in a language the English background does not
// weigh, holds a word of key k anywhere in its text. Its capped lists keep
// its rarest items, and where its words all weigh alike they are cut by
// chance: a title word or key name of the other report counted as missing
// from one that uses it. In English the lists' cut is by rarity, and a
// word below it is used in passing: that it is missing from them is
// evidence (read against the whole text, pairs of BBC reports of one
// running topic, an election or a tournament, no longer differed, and
// the largest events of an archive of them grew by a tenth).
func (p *Profile) uses(k uint64) bool {
	if backgroundWeighs(p.Lang) {
		return false
	}
	_, ok := slices.BinarySearch(p.Words, uint32(k))
	return ok
}

func hasKey(items []Item, k uint64) bool {
	i := sort.Search(len(items), func(i int) bool { return items[i].Key >= k })
	return i < len(items) && items[i].Key == k
}

// headNamesInto appends the title words of p that are also among its names
// to out.
func headNamesInto(out []Item, p *Profile) []Item {
	j := 0
	for _, t := range p.Title {
		for j < len(p.Names) && p.Names[j].Key < t.Key {
			j++
		}
		if j < len(p.Names) && p.Names[j].Key == t.Key {
			out = append(out, p.Names[j])
		}
	}
	return out
}

func headNamesDiffer(a, b *Profile, wt float64, ev *[]Evidence) float64 {
	var bufA, bufB [maxTitle]Item
	ha, hb := headNamesInto(bufA[:0], a), headNamesInto(bufB[:0], b)
	if len(ha) == 0 || len(hb) == 0 || overlap(ha, hb, "", 0, nil) > 0 {
		return 0
	}
	if ev != nil && wt != 0 {
		*ev = append(*ev, Evidence{KindTitle, ha[0].Text, hb[0].Text, wt})
	}
	return 1
}

func evLen(ev *[]Evidence) int {
	if ev == nil {
		return 0
	}
	return len(*ev)
}

// overlap is the weighted overlap coefficient of two item lists: the weight
// they share over the smaller list's weight, so that a short report fully
// contained in a long one scores 1. If ev is not nil the shared items are
// added as evidence, sharing the contribution wt·x by their weight.
func overlap(a, b []Item, kind string, wt float64, ev *[]Evidence) float64 {
	var sa, sb, shared float64
	for _, it := range a {
		sa += float64(it.W)
	}
	for _, it := range b {
		sb += float64(it.W)
	}
	if sa == 0 || sb == 0 {
		return 0
	}
	// Shared pairs are kept as indexes and sorted so: sorting Evidence
	// values moves three strings each, with a write barrier apiece.
	type hit struct {
		i, j int32
		w    float64
	}
	var hits []hit
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].Key < b[j].Key:
			i++
		case a[i].Key > b[j].Key:
			j++
		default:
			m := float64(min(a[i].W, b[j].W))
			shared += m
			if ev != nil {
				hits = append(hits, hit{int32(i), int32(j), m})
			}
			i++
			j++
		}
	}
	x := shared / min(sa, sb)
	if ev != nil && shared > 0 {
		slices.SortStableFunc(hits, func(p, q hit) int { return cmp.Compare(q.w, p.w) })
		// The listed pieces share the whole contribution: the heaviest
		// maxPieces stand for the rest.
		kept := shared
		if len(hits) > maxPieces {
			hits = hits[:maxPieces]
			kept = 0
			for _, h := range hits {
				kept += h.w
			}
		}
		for _, h := range hits {
			*ev = append(*ev, Evidence{kind, a[h.i].Text, b[h.j].Text, wt * x * h.w / kept})
		}
	}
	return x
}

// differ measures how far two articles that both carry several items of a
// kind disagree on them: (1 - overlap) scaled up to full once the smaller
// list has `enough` items, so that one stray name says little. Its evidence
// pairs the heaviest items each side has that the other lacks.
func differ(a, b []Item, ov float64, enough int, kind string, wt float64, ev *[]Evidence) float64 {
	n := min(len(a), len(b))
	if n == 0 {
		return 0
	}
	// They differ only where each has items the other lacks: one list
	// inside the other (with other weights) is agreement, not difference.
	if ev == nil {
		if !lacksSome(a, b) || !lacksSome(b, a) {
			return 0
		}
		return (1 - ov) * min(1, float64(n)/float64(enough))
	}
	ua, ub := unshared(a, b), unshared(b, a)
	if len(ua) == 0 || len(ub) == 0 {
		return 0
	}
	x := (1 - ov) * min(1, float64(n)/float64(enough))
	if x > 0 {
		k := min(len(ua), len(ub), 3)
		for i := 0; i < k; i++ {
			*ev = append(*ev, Evidence{kind, ua[i].Text, ub[i].Text, wt * x / float64(k)})
		}
	}
	return x
}

// lacksSome reports whether b lacks the key of one of a's items (whether
// unshared(a, b) holds any), without making the list.
func lacksSome(a, b []Item) bool {
	j := 0
	for _, it := range a {
		for j < len(b) && b[j].Key < it.Key {
			j++
		}
		if j >= len(b) || b[j].Key != it.Key {
			return true
		}
	}
	return false
}

// unshared returns a's items whose key b lacks, heaviest first.
func unshared(a, b []Item) []Item {
	var out []Item
	j := 0
	for _, it := range a {
		for j < len(b) && b[j].Key < it.Key {
			j++
		}
		if j < len(b) && b[j].Key == it.Key {
			continue
		}
		out = append(out, it)
	}
	slices.SortStableFunc(out, func(x, y Item) int { return cmp.Compare(y.W, x.W) })
	return out
}

// passage scores the word runs two articles share: 0 for none, 1 from
// passageFull runs (a shared paragraph) on, logarithmic between.
func passage(a, b *Profile, wt float64, ev *[]Evidence) float64 {
	n := 0
	i, j := 0, 0
	for i < len(a.Runs) && j < len(b.Runs) {
		switch {
		case a.Runs[i] < b.Runs[j]:
			i++
		case a.Runs[i] > b.Runs[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	if n == 0 {
		return 0
	}
	x := min(1, math.Log1p(float64(n))/math.Log1p(passageFull))
	if ev != nil {
		var pieces []Evidence
		j := 0
		for _, it := range a.RunText {
			for j < len(b.RunText) && b.RunText[j].Key < it.Key {
				j++
			}
			if j < len(b.RunText) && b.RunText[j].Key == it.Key && len(pieces) < 3 {
				pieces = append(pieces, Evidence{KindPassage, it.Text, b.RunText[j].Text, 0})
			}
		}
		for k := range pieces {
			pieces[k].Weight = wt * x / float64(len(pieces))
		}
		*ev = append(*ev, pieces...)
	}
	return x
}

const passageFull = 30

// timeEvidence weighs the days between two dated articles. The SemEval
// pairs the other weights were fitted on carry no dates, so these values
// are set by hand, not fitted: reports of one event fall within days of each
// other (a small bonus), follow-ups within a month are neutral, and the
// odds fall with the log of the gap beyond (three months: about -2.7, two
// years: about -7), which is what keeps successive events with the same
// people apart.
func timeEvidence(a, b int32) (float64, Evidence, bool) {
	if a == 0 || b == 0 {
		return 0, Evidence{}, false
	}
	gap := math.Abs(float64(a - b))
	var w float64
	switch {
	case gap <= 3:
		w = 0.5
	case gap <= 30:
		w = 0
	default:
		w = -2.5 * math.Log(gap/30)
	}
	return w, Evidence{KindTime, dayText(a), dayText(b), w}, true
}

// splitWeekdaysInto parts a profile's dates into dates proper and days of
// the week (see weekdayWeight), appended to dates and weekdays.
func splitWeekdaysInto(dates, weekdays, l []Item) ([]Item, []Item) {
	for _, it := range l {
		if it.W == weekdayWeight {
			weekdays = append(weekdays, it)
		} else {
			dates = append(dates, it)
		}
	}
	return dates, weekdays
}

// dayDates keeps the dates given to the day (see dayWeight).
func dayDates(l []Item) []Item {
	var out []Item
	for _, it := range l {
		if it.W == dayWeight {
			out = append(out, it)
		}
	}
	return out
}

// unplaced reports whether one of a and b is dated and the other is not
// placed near that date by anything its own text says: the latest full
// date it recounts (Profile.Bound) is none or more than yearlessReach days
// from the other's date. An estimated date (Profile.Estimate) does not
// place it: it is read from the article's own strongest links, this one
// among them. Such a pair may be years apart, so what the two share must
// say more than what the archive's reports of any year say.
func unplaced(a, b *Profile) bool {
	if (a.Day != 0) == (b.Day != 0) {
		return false
	}
	u, day := a, b.Day
	if u.Day != 0 {
		u, day = b, a.Day
	}
	return u.Bound == 0 || u.Bound < day-yearlessReach || u.Bound > day+yearlessReach
}
