package evidence

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/textnorm"
)

// Input is one article as NewProfile needs it.
type Input struct {
	Title string
	Text  string
	// Lang is an ISO 639-1 code, "" if unknown; two articles in different
	// known languages are compared as a translation would be.
	Lang string
	// Published, if known, lets the time between two articles count.
	Published *time.Time
}

// Item is one piece of an article's evidence: the hash of the key it is
// matched by, the text it was written as, and its weight (its rarity).
type Item struct {
	Key  uint64
	Text string
	W    float32
	// Common is the share of its weight the archive's census took away
	// (see Discount): 0 for a key few of its articles hold. It is not
	// stored; profiles are discounted as they are read.
	Common float32
}

// Profile is what one article contributes to pair scores, read once.
// Every list is sorted by Key.
type Profile struct {
	Lang string
	// Day is the publication date in days since 1970-01-01 plus one, 0 if
	// unknown.
	Day     int32
	Names   []Item
	Places  []Item
	Numbers []Item
	Dates   []Item
	Quotes  []Item
	Terms   []Item
	Title   []Item
	Lede    []Item
	// Key holds the names an article is about: those its title or lede
	// carries and its text repeats, or that it repeats three times.
	Key []Item
	// Bound is the latest full date (day, month and year) the text
	// mentions, in days since 1970-01-01 plus one, 0 if none: an undated
	// report was most likely written after the dates it recounts.
	Bound int32
	// Yearless holds the days the text gives without a year, as
	// month<<5 | day, sorted, at most maxDates: news style gives the year
	// only for days of other years, so they are days of the months before
	// the report (see EstimateIn).
	Yearless []uint16
	// Era is the median of the years the text names (four digits from
	// 1900 to 2099, alone or in a full date) when it names at least
	// eraMentions, else 0. A report names mostly the years it recounts,
	// which are not after its own: an undated report whose years lie well
	// after an anchor's date is of another era (see EraAllows).
	Era int16
	// Estimate is when an undated article was most likely written, set by
	// the caller from EstimateIn; it is not stored with the profile, since
	// it depends on the archive's other articles.
	Estimate Span
	// Runs holds the hashes of every run of runLen words, for shared
	// passages; RunText a sample of them with their words, to show.
	Runs    []uint32
	RunText []Item
	// Grams is a sample (the smallest hashes) of the character 5-grams of
	// the content words: inflections and compounds (Regierung,
	// Bundesregierung, Regierungssprecher) share them where whole words
	// share nothing.
	Grams []uint32
	// Words holds, for an article in a language other than English, the
	// low 32 bits of the key of every word it uses (stems, and the
	// lexicon's keys), sorted, at most maxWords (the smallest): the lists
	// above keep only its rarest items, chosen by chance among words the
	// English background has never seen, so a title word or key name
	// missing from them may still be in its text (see Profile.uses).
	Words []uint32
	// Sounds holds the runs of a Chinese text written in the characters
	// that transliterate foreign names (巴哈万德, Baharvand), which the name
	// list cannot all hold, each under the number of its phonetic key (see
	// han.go and soundHash), sorted by Key.
	Sounds []Item
	// NameSounds holds, for each of Names in order, the number of its
	// phonetic key when it is written in Latin, Cyrillic or Greek letters
	// and rare in English, else 0; nil if none has one. Runs and names
	// are matched by them in pairs of two scripts only (see soundNames).
	NameSounds []uint32
	// Event holds the title's words of what happened (found dead,
	// arrested, preview), apart from who, where and how many: its words
	// that are no names, places or numbers (see eventWords). The census
	// does not weigh them (see Discount): a word of what happened says
	// which event however many reports of others use it, in reports of
	// one time. It marks (Common 1) those many of the archive's reports
	// hold, which do not count between a dated report and an undated one
	// that nothing places near it (see eventFound).
	Event []Item
	// discounted is set once Discount has weighed the lists.
	discounted bool
}

// Caps on each list keep a profile to a few kilobytes whatever the
// article's length: the rarest items carry the evidence.
const (
	maxNames   = 48
	maxPlaces  = 24
	maxNumbers = 32
	maxDates   = 16
	maxQuotes  = 32
	maxTerms   = 80
	maxTitle   = 24
	maxLede    = 40
	maxRuns    = 4000
	maxWords   = 4000
	maxSounds  = 64
	maxRunText = 64
	// runLen words in a row shared by two articles are a passage one took
	// from the other or both from a wire: chance rarely repeats six words.
	runLen = 6
	// runSample: one run in runSample keeps its text for explanations.
	runSample = 8
	ledeWords = 40
)

// NewProfile reads one article. It is deterministic and safe for
// concurrent use.
func NewProfile(in Input) *Profile {
	p := &Profile{Lang: in.Lang}
	if in.Published != nil {
		p.Day = int32(in.Published.Unix()/86400) + 1
	}
	text := stripChrome(in.Text)
	toks := tokenize(text)
	titleToks := tokenize(in.Title)
	names, places, numbers, quotes, terms := newBag(), newBag(), newBag(), newBag(), newBag()
	mentions := findDates(text, toks)
	// The day and year of a written-out date are the date's, not numbers
	// of their own: "February 18" and "October 18" share no number.
	inDate := map[int]bool{}
	for _, d := range mentions {
		for i := d.from; i >= 0 && i <= d.to; i++ {
			inDate[i] = true
		}
	}
	words := map[uint32]bool{}
	keepWords := !backgroundWeighs(in.Lang)
	var years []int
	for i, t := range toks {
		if t.num {
			if y, ok := yearOf(t.text); ok {
				years = append(years, y)
			}
		}
		if keepWords && !t.num && !t.stop {
			words[uint32(hashKey(t.stem))] = true
			if e, ok := lookupLex(toks, i); ok {
				words[uint32(hashKey(e.key))] = true
			}
		}
		switch {
		case t.num && inDate[i]:
			continue
		case t.num:
			if w := numberWeight(t.key); w > 0 {
				numbers.add(t.key, t.text, w)
			}
			continue
		case t.stop:
			continue
		}
		w := rarity(t.key)
		if t.cjk {
			w = cjkRarity
		}
		terms.add(t.stem, t.text, w)
		if t.quoted {
			quotes.add(t.stem, t.text, w)
		}
		if e, ok := lookupLex(toks, i); ok {
			if e.place {
				places.add(e.key, t.text, w)
			} else {
				names.add(e.key, t.text, w)
			}
			continue
		}
		if !t.cjk && ((t.capital && !t.sentStart) || isAcronym(t.text)) && !isCalendarWord(t.folded) {
			names.add(t.stem, t.text, w)
		}
	}
	var cjkForms []string // the name list's forms the text has
	for _, f := range lexicon().cjk {
		if strings.Contains(text, f.form) {
			cjkForms = append(cjkForms, f.form)
			if f.entry.place {
				places.add(f.entry.key, f.form, cjkRarity)
			} else {
				names.add(f.entry.key, f.form, cjkRarity)
			}
		}
	}
	p.Names = names.top(maxNames)
	p.Places = places.top(maxPlaces)
	p.Numbers = numbers.top(maxNumbers)
	p.Quotes = quotes.top(maxQuotes)
	p.Terms = terms.top(maxTerms)

	p.Dates = dateItems(mentions)
	for _, d := range mentions {
		p.Bound = max(p.Bound, d.day)
		if d.monthDay != 0 && !slices.Contains(p.Yearless, d.monthDay) && len(p.Yearless) < maxDates {
			p.Yearless = append(p.Yearless, d.monthDay)
		}
	}
	slices.Sort(p.Yearless)
	p.Era = era(years)

	title := newBag()
	for i, t := range titleToks {
		if t.stop {
			continue
		}
		if e, ok := lookupLex(titleToks, i); ok {
			title.add(e.key, t.text, rarity(t.key))
			continue
		}
		w := rarity(t.key)
		if t.cjk {
			w = cjkRarity
		}
		if t.num {
			w = numberWeight(t.key)
		}
		title.add(t.stem, t.text, w)
	}
	p.Title = title.top(maxTitle)
	lede := newBag()
	for i, t := range toks {
		if lede.n >= ledeWords {
			break
		}
		if t.stop || (t.num && numberWeight(t.key) == 0) {
			continue
		}
		// Names of the lexicon go by its key, as in the title and the
		// names, so that a lede's Шойгу is the Shoigu of the names.
		if e, ok := lookupLex(toks, i); ok {
			lede.add(e.key, t.text, rarity(t.key))
			continue
		}
		w := rarity(t.key)
		if t.cjk {
			w = cjkRarity
		}
		lede.add(t.stem, t.text, w)
	}
	p.Lede = lede.top(maxLede)
	p.Key = keyNames(names, p)
	p.Event = eventWords(titleToks, names, nameLeads(toks), in.Lang)
	p.Sounds = hanRuns(in.Title, text, cjkForms)
	p.NameSounds = nameSounds(p.Names)
	p.Runs, p.RunText = wordRuns(text, toks)
	p.Grams = charGrams(toks)
	if len(words) > 0 {
		p.Words = make([]uint32, 0, len(words))
		for w := range words {
			p.Words = append(p.Words, w)
		}
		slices.Sort(p.Words)
		if len(p.Words) > maxWords {
			p.Words = p.Words[:maxWords]
		}
	}
	return p
}

// hanRuns returns the runs of a Chinese title and text that may write
// names by sound (see hanNames), at most maxSounds, as items keyed by
// their phonetic keys and weighed as other Chinese names, by how often the
// text has them. inText holds the name list's forms the text has.
func hanRuns(title, text string, inText []string) []Item {
	if !strings.ContainsFunc(title, isCJK) && !strings.ContainsFunc(text, isCJK) {
		return nil
	}
	keys, texts := hanNames(maskForms(title, formsIn(title))+"\n"+maskForms(text, inText), maxSounds)
	text = title + "\n" + text
	if len(keys) == 0 {
		return nil
	}
	out := make([]Item, len(keys))
	for i, k := range keys {
		tf := max(strings.Count(text, texts[i]), 1)
		out[i] = Item{Key: uint64(soundHash(k)), Text: texts[i], W: float32(cjkRarity * (1 + logf(float64(tf))))}
	}
	sortItems(out)
	return out
}

// nameSounds returns the phonetic key of each of names (see latinKey), 0
// where it has none: where it is written in another script, is common in
// English (see soundBackgroundMax) or its key is too short to count; nil
// if none has one.
func nameSounds(names []Item) []uint32 {
	var out []uint32
	for i, n := range names {
		f := textnorm.Fold(n.Text)
		if f == "" || isCJK([]rune(f)[0]) || capitals(n.Text) > 1 {
			continue // an acronym (ICBMs, PFDs) is spelled, not sounded
		}
		t := transliterate(f)
		if detect.BackgroundCount(textnorm.VariantKey(t)) > soundBackgroundMax {
			continue
		}
		k := latinKey(t)
		if len(k) < soundKeyMin {
			continue
		}
		if out == nil {
			out = make([]uint32, len(names))
		}
		out[i] = soundHash(k)
		if !isLatin(f) {
			out[i] |= soundOther
		}
	}
	return out
}

// capitals counts the capital letters of s.
func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// keyNames returns the names of p that its text repeats and its title or
// lede carries, or that its text repeats keyRepeats times: who the report
// is about, as against the people a paragraph of background names once.
func keyNames(names *bag, p *Profile) []Item {
	tf := make(map[uint64]int, len(names.m))
	for k, it := range names.m {
		tf[hashKey(k)] = it.tf
	}
	var out []Item
	for _, it := range p.Names {
		n := tf[it.Key]
		lead := hasKey(p.Title, it.Key) || hasKey(p.Lede, it.Key)
		if (lead && n >= 2) || n >= keyRepeats {
			out = append(out, it)
		}
	}
	return out
}

const keyRepeats = 3

// dateItems turns date mentions into items, one per date, weighed by
// what kind of date it is alone (dayWeight, 1 for a month,
// weekdayWeight), however often it recurs: the weight tells the kinds
// apart. The earliest mentions are kept first.
func dateItems(mentions []dateMention) []Item {
	seen := map[string]bool{}
	var out []Item
	for _, d := range mentions {
		if seen[d.key] || len(out) == maxDates {
			continue
		}
		seen[d.key] = true
		w := float32(1)
		switch {
		case d.hasDay:
			w = dayWeight
		case d.weekday:
			w = weekdayWeight
		}
		out = append(out, Item{Key: hashKey(d.key), Text: d.text, W: w})
	}
	sortItems(out)
	return out
}

// dayWeight is the weight of a date given to the day, against 1 for a
// month: sharing "18 February" says more than sharing "February 2022".
const dayWeight = 2

// weekdayWeight: a day of the week is shared by any two reports of one
// week, so it weighs least.
const weekdayWeight = 0.5

// stripChrome drops the lines of site chrome (share buttons, "read also"
// links, cookie notices; see detect.IsChrome): every article of a site
// carries them, and they would make two of its articles share names.
func stripChrome(text string) string {
	if !strings.Contains(text, "\n") {
		if detect.IsChrome(text) {
			return ""
		}
		return text
	}
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !detect.IsChrome(l) {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// gramLen and maxGrams: five letters is about a word stem; the sample's
// size keeps a profile small while its overlap stays a steady estimate.
const (
	gramLen  = 5
	maxGrams = 400
)

// charGrams hashes the character gramLen-grams of the content words and
// keeps the maxGrams smallest distinct hashes, a sample two profiles draw
// alike.
func charGrams(toks []token) []uint32 {
	var out []uint32
	var rs []rune
	for _, t := range toks {
		if t.stop || t.num || t.cjk {
			continue
		}
		rs = append(rs[:0], []rune(t.folded)...)
		for i := 0; i+gramLen <= len(rs); i++ {
			// FNV-1a of the gram's UTF-8, as hash/fnv gives it, without
			// making the gram a string.
			h := uint32(fnv32Offset)
			for _, r := range rs[i : i+gramLen] {
				var b [utf8.UTFMax]byte
				for _, c := range utf8.AppendRune(b[:0], r) {
					h = (h ^ uint32(c)) * fnv32Prime
				}
			}
			out = append(out, h)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > maxGrams {
		out = out[:maxGrams]
	}
	return out
}

// cjkRarity stands for the rarity of a Chinese or Japanese bigram, which the
// English background cannot judge: about that of an uncommon English word.
const cjkRarity = 9

// numberWeight: small whole numbers (days, counts up to a dozen) say little,
// years a little more, long or exact numbers (15.8, 1250) much more.
func numberWeight(n string) float64 {
	if !strings.Contains(n, ".") {
		v := atoi(n)
		switch {
		case v >= 0 && v <= 12:
			return 0
		case v >= 1900 && v <= 2100:
			return 4
		}
	}
	return 5 + float64(min(len(n), 6))
}

// lookupLex finds the lexicon entry of the word at i, alone or joined with
// the next word (United States, Nueva York).
func lookupLex(toks []token, i int) (lexEntry, bool) {
	t := toks[i]
	if t.num || t.cjk {
		return lexEntry{}, false
	}
	words := lexicon().words
	if i+1 < len(toks) && !toks[i+1].num && !toks[i+1].cjk {
		if e, ok := words[joinKey(t.folded+toks[i+1].folded)]; ok {
			return e, true
		}
	}
	// An inflected form (Putina, Putins, Moskau's) is found by its key
	// without up to two final letters (cut from the string: a lookup by a
	// slice of it allocates nothing).
	key, n := t.key, utf8.RuneCountInString(t.key)
	for cut := 0; cut <= 2 && n-cut >= 4; cut++ {
		if e, ok := words[key]; ok {
			return e, true
		}
		_, size := utf8.DecodeLastRuneInString(key)
		key = key[:len(key)-size]
	}
	return lexEntry{}, false
}

// bag accumulates items by key: the first text seen, the highest weight,
// and a count.
type bag struct {
	m map[string]*bagItem
	n int
}

type bagItem struct {
	key, text string
	w         float64
	tf        int
}

func newBag() *bag { return &bag{m: map[string]*bagItem{}} }

func (b *bag) add(key, text string, w float64) {
	if it := b.m[key]; it != nil {
		it.tf++
		it.w = max(it.w, w)
		return
	}
	b.m[key] = &bagItem{key, text, w, 1}
	b.n++
}

// top returns the n heaviest items, weighted by rarity × (1 + ln tf), sorted
// by key hash.
func (b *bag) top(n int) []Item {
	all := make([]*bagItem, 0, len(b.m))
	for _, it := range b.m {
		all = append(all, it)
	}
	weight := func(it *bagItem) float64 { return it.w * (1 + logf(float64(it.tf))) }
	sort.Slice(all, func(i, j int) bool {
		wi, wj := weight(all[i]), weight(all[j])
		if wi != wj {
			return wi > wj
		}
		return all[i].key < all[j].key
	})
	if len(all) > n {
		all = all[:n]
	}
	if len(all) == 0 {
		return nil // as a stored profile reads back
	}
	out := make([]Item, len(all))
	for i, it := range all {
		out[i] = Item{Key: hashKey(it.key), Text: it.text, W: float32(weight(it))}
	}
	sortItems(out)
	return out
}

func sortItems(s []Item) {
	sort.Slice(s, func(i, j int) bool { return s[i].Key < s[j].Key })
}

// hashKey is the 64-bit FNV-1a hash of s (hash/fnv's New64a, written out so
// that hashing a word allocates nothing).
func hashKey(s string) uint64 {
	return fnv64Add(fnv64Offset, s)
}

// FNV-1a's constants (see hash/fnv).
const (
	fnv32Offset = 2166136261
	fnv32Prime  = 16777619
	fnv64Offset = 14695981039346656037
	fnv64Prime  = 1099511628211
)

// fnv64Add continues the 64-bit FNV-1a hash h with the bytes of s.
func fnv64Add(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnv64Prime
	}
	return h
}

// wordRuns hashes every run of runLen word keys that holds a name or a
// number, and keeps the text of a deterministic sample of them. Runs of
// common words alone are what items made from one template share ("declared
// a quarterly cash dividend of"); a passage copied from one report into
// another carries its particulars.
func wordRuns(text string, toks []token) ([]uint32, []Item) {
	if len(toks) < runLen {
		return nil, nil
	}
	rs := []rune(normArabic(text))
	runs := make([]uint32, 0, len(toks)-runLen+1)
	var sample []Item
	seen := map[uint32]bool{}
	particular := make([]bool, len(toks))
	for i, t := range toks {
		particular[i] = (t.num && numberWeight(t.key) > 0) || (t.capital && !t.sentStart && !t.stop) || t.cjk
	}
	for i := 0; i+runLen <= len(toks); i++ {
		has := false
		for _, p := range particular[i : i+runLen] {
			has = has || p
		}
		if !has {
			continue
		}
		h := uint64(fnv64Offset)
		for _, t := range toks[i : i+runLen] {
			h = fnv64Add(h, t.key)
			h = (h ^ 0) * fnv64Prime
		}
		v := uint32(h >> 32)
		if seen[v] {
			continue
		}
		seen[v] = true
		runs = append(runs, v)
		if v%runSample == 0 && len(sample) < maxRunText {
			sample = append(sample, Item{Key: uint64(v), Text: string(rs[toks[i].pos:toks[i+runLen-1].end]), W: 1})
		}
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i] < runs[j] })
	if len(runs) > maxRuns {
		// Keep the smallest hashes: a uniform sample both sides share.
		runs = runs[:maxRuns]
	}
	sortItems(sample)
	return runs, sample
}

// RareKeys returns the keys of the profile's names, places, numbers, dates
// and rare terms: two articles about one event share some of them, so an
// inverted index on them proposes the candidate pairs worth scoring.
func (p *Profile) RareKeys() []uint64 {
	var out []uint64
	for _, l := range [][]Item{p.Names, p.Places, p.Numbers, p.Dates, p.Terms} {
		for _, it := range l {
			out = append(out, it.Key)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	w := 0
	for i, k := range out {
		if i == 0 || k != out[w-1] {
			out[w] = k
			w++
		}
	}
	return out[:w]
}

// capitalNouns reports whether language lang capitalises every noun
// (German), so that a capital there does not make a word a name.
func capitalNouns(lang string) bool { return lang == "de" }

// eventWords returns the words of a title that say what happened rather
// than who, where or how many: not numbers, not the name list's names and
// places, and, but in German, not a capitalised word within a sentence
// nor an acronym. A capital opening a sentence, or in a title written in
// capitals or title case, says nothing: there a word is a name when the
// text writes it capitalised within a sentence (names), or opens a
// sentence with it as the first word of a name (leads, see nameLeads).
func eventWords(title []token, names *bag, leads map[string]bool, lang string) []Item {
	b := newBag()
	cased := casedThroughout(title)
	for i, t := range title {
		if t.stop || t.num || t.cjk {
			continue
		}
		if _, ok := lookupLex(title, i); ok {
			continue
		}
		switch {
		case capitalNouns(lang):
		case cased || t.sentStart:
			if t.capital && (names.m[t.stem] != nil || leads[t.stem]) {
				continue
			}
		case t.capital || isAcronym(t.text):
			continue
		}
		b.add(t.stem, t.text, rarity(t.key))
	}
	return b.top(maxTitle)
}

// nameLeads returns the stems of the capitalised words that open a
// sentence of text and run, with nothing but spaces between, into a word
// capitalised within it: the first word of a many-word name ("Western
// Mining Corp Holdings Ltd said", "First Wisconsin National Bank
// raised"). A wire's story opens with its subject's full name, and a
// title in capitals names it by its first words ("WESTERN MINING SELLS
// ACM STAKE"); the opening capital alone says nothing, so without this
// the name's first word was read as a word of what happened, and two
// announcements of one company shared it. Words of the lexicon are its
// names already.
func nameLeads(toks []token) map[string]bool {
	var out map[string]bool
	for i := 0; i+1 < len(toks); i++ {
		t, n := toks[i], toks[i+1]
		if !t.sentStart || !t.capital || t.stop || t.num || t.cjk {
			continue
		}
		if !n.spaced || n.sentStart || !n.capital || n.stop || n.num || n.cjk {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[t.stem] = true
	}
	return out
}

// casedThroughout reports whether three in four or more of the content
// words of a title are capitalised: a title in capitals or in title case.
func casedThroughout(toks []token) bool {
	c, n := 0, 0
	for _, t := range toks {
		if t.stop || t.num || t.cjk {
			continue
		}
		n++
		if t.capital {
			c++
		}
	}
	return n >= 3 && 4*c >= 3*n
}
