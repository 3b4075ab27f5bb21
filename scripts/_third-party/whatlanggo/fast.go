package whatlanggo

// Added by StoryDiff's scripts/patch-third-party.sh: DetectScript and
// detectLangInProfiles give what upstream's give (detectScriptUpstream and
// detectLangInProfilesUpstream, kept for fast_test.go), with less work:
// an ASCII letter is known to be Latin without asking 23 range tables, the
// text's trigrams are looked up as one word each in an index of every
// language's profile, built on first use, instead of being made into strings
// and counted in a map in which each profile trigram is then looked up (40
// languages x 300 lookups); trigrams no profile holds are not kept.

import (
	"reflect"
	"sync"
	"unicode"
	"unicode/utf8"
)

// DetectScript returns only the script of the given text.
func DetectScript(text string) *unicode.RangeTable {
	halfLen := len(text) / 2

	scriptCounter := []scriptCounter{
		{isLatin, unicode.Latin, 0},
		{isCyrillic, unicode.Cyrillic, 0},
		{isArabic, unicode.Arabic, 0},
		{isDevanagari, unicode.Devanagari, 0},
		{isHiraganaKatakana, _HiraganaKatakana, 0},
		{isEthiopic, unicode.Ethiopic, 0},
		{isHebrew, unicode.Hebrew, 0},
		{isBengali, unicode.Bengali, 0},
		{isGeorgian, unicode.Georgian, 0},
		{isHan, unicode.Han, 0},
		{isHangul, unicode.Hangul, 0},
		{isGreek, unicode.Greek, 0},
		{isKannada, unicode.Kannada, 0},
		{isTamil, unicode.Tamil, 0},
		{isThai, unicode.Thai, 0},
		{isGujarati, unicode.Gujarati, 0},
		{isGurmukhi, unicode.Gurmukhi, 0},
		{isTelugu, unicode.Telugu, 0},
		{isMalayalam, unicode.Malayalam, 0},
		{isOriya, unicode.Oriya, 0},
		{isMyanmar, unicode.Myanmar, 0},
		{isSinhala, unicode.Sinhala, 0},
		{isKhmer, unicode.Khmer, 0},
	}

	for _, ch := range text {
		if ch < utf8.RuneSelf {
			// Of ASCII, only letters count, and only as Latin (every other
			// table starts above ASCII): upstream's loop found exactly that.
			if !('a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z') {
				continue
			}
			i := 0
			for scriptCounter[i].script != unicode.Latin {
				i++
			}
			scriptCounter[i].count++
			if scriptCounter[i].count > halfLen {
				return unicode.Latin
			}
			if i > 0 {
				scriptCounter[i], scriptCounter[i-1] = scriptCounter[i-1], scriptCounter[i]
			}
			continue
		}
		if isStopChar(ch) {
			continue
		}

		for i, sc := range scriptCounter {
			if sc.checkFunc(ch) {
				scriptCounter[i].count++
				if scriptCounter[i].count > halfLen {
					return sc.script
				}

				//if script is found, move it closer to the front so that it be checked first.
				if i > 0 {
					scriptCounter[i], scriptCounter[i-1] = scriptCounter[i-1], scriptCounter[i]
				}
			}
		}
	}

	//find the script that occurs the most in the text and return it.
	jpCount := 0
	max := 0
	maxScript := &unicode.RangeTable{}
	for _, script := range scriptCounter {
		if script.count > max {
			max = script.count
			maxScript = script.script
			if script.script == _HiraganaKatakana {
				jpCount = max
			}
		}
	}

	switch {
	case max == 0:
		//if no valid script is detected, return nil.
		return nil
	case max != 0 && (maxScript == unicode.Han && jpCount > 0):
		return _HiraganaKatakana
	default:
		return maxScript
	}
}

// trigramKey packs a trigram's three runes (each below 1<<21) into one word.
func trigramKey(r1, r2, r3 rune) uint64 {
	return uint64(r1)<<42 | uint64(r2)<<21 | uint64(r3)
}

// posting is one language's profile holding a trigram at a rank.
type posting struct {
	lang   int32 // index into profileIndex.slot's values
	weight int32 // maxTrigramDistance - rank
}

// profileIndex is every trigram of a script's profiles, each with the
// languages that hold it.
type profileIndex struct {
	slot     map[Lang]int32
	ids      map[uint64]int32 // trigram -> index into postings
	postings [][]posting
	counts   sync.Pool // *[]int32, one per trigram id, all zero between uses
}

var profileIndexes sync.Map // the profile map's pointer -> *profileIndex

func indexOf(list langProfileList) *profileIndex {
	key := reflect.ValueOf(list).UnsafePointer()
	if ix, ok := profileIndexes.Load(key); ok {
		return ix.(*profileIndex)
	}
	ix := &profileIndex{slot: map[Lang]int32{}, ids: map[uint64]int32{}}
	for lang, trigrams := range list {
		n := int32(len(ix.slot))
		ix.slot[lang] = n
		for i, t := range trigrams {
			var r [3]rune
			j := 0
			for _, c := range t {
				if j == 3 {
					j = 4
					break
				}
				r[j] = c
				j++
			}
			if j != 3 {
				continue // never equal to a text's trigram
			}
			k := trigramKey(r[0], r[1], r[2])
			id, ok := ix.ids[k]
			if !ok {
				id = int32(len(ix.postings))
				ix.ids[k] = id
				ix.postings = append(ix.postings, nil)
			}
			ix.postings[id] = append(ix.postings[id], posting{n, int32(maxTrigramDistance - i)})
		}
	}
	nIDs := len(ix.postings)
	ix.counts.New = func() interface{} { c := make([]int32, nIDs); return &c }
	actual, _ := profileIndexes.LoadOrStore(key, ix)
	return actual.(*profileIndex)
}

// distances is what count and calculateDistance give for every profile:
// each trigram of the text (as count makes them) that some profile holds is
// counted, and each profile adds (maxTrigramDistance - rank) times that
// count and one trigram found. Trigrams no profile holds are not kept.
func (ix *profileIndex) distances(input string) (dist, num []int) {
	cp := ix.counts.Get().(*[]int32)
	counts := *cp
	var touched []int32
	var r1, r2 rune = ' ', 0
	first := true
	step := func(r3 rune) {
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			if id, ok := ix.ids[trigramKey(r1, r2, r3)]; ok {
				if counts[id] == 0 {
					touched = append(touched, id)
				}
				counts[id]++
			}
		}
		r1 = r2
		r2 = r3
	}
	for _, ir := range input {
		r := unicode.ToLower(toTrigramChar(ir))
		if first {
			r2, first = r, false
			continue
		}
		step(r)
	}
	if !first {
		step(' ') // the space count puts after the last rune
	}
	dist = make([]int, len(ix.slot))
	num = make([]int, len(ix.slot))
	for _, id := range touched {
		w := int(counts[id])
		for _, p := range ix.postings[id] {
			dist[p.lang] += int(p.weight) * w
			num[p.lang]++
		}
		counts[id] = 0
	}
	ix.counts.Put(cp)
	return dist, num
}

func detectLangInProfiles(text string, options Options, langProfileList langProfileList) (Lang, float64) {
	ix := indexOf(langProfileList)
	dist, num := ix.distances(text)
	langDistances := []langDistance{}

	for lang := range langProfileList {
		if len(options.Whitelist) != 0 {
			//Skip non-whitelisted languages.
			if _, ok := options.Whitelist[lang]; !ok {
				continue
			}
		} else if len(options.Blacklist) != 0 {
			//skip blacklisted languages.
			if _, ok := options.Blacklist[lang]; ok {
				continue
			}
		}
		s := ix.slot[lang]
		langDistances = append(langDistances, langDistance{lang, dist[s], num[s]})
	}

	switch len(langDistances) {
	case 0:
		return -1, 0
	case 1:
		return langDistances[0].lang, 1
	default:
		return calculateConfidence(langDistances)
	}
}
