package evidence

import (
	"reflect"
	"testing"
)

func TestPhoneticKeys(t *testing.T) {
	for _, c := range []struct{ latin, han string }{
		{"baharvand", "巴哈万德"},
		{"baharvand", "巴哈尔万德"}, // the closing r written 尔
		{"rakitic", "拉基蒂奇"},
		{"mohsen", "穆赫森"},
		{"donald", "唐纳德"},
		{"narendra", "纳伦德拉"},
		{"betis", "贝蒂斯"},
	} {
		l, h := latinKey(c.latin), hanKey([]rune(c.han))
		if l == "" || l != h {
			t.Errorf("%s: %q, %s: %q; want one key", c.latin, l, c.han, h)
		}
	}
	if k := hanKey([]rune("巴哈万德敦")); k == latinKey("baharvand") {
		t.Errorf("巴哈万德敦 has the key of Baharvand: %q", k)
	}
	if k := hanKey([]rune("巴哈x")); k != "" {
		t.Errorf("a run with a character outside the table has a key: %q", k)
	}
}

// hasName reports whether the evidence pairs the name a with the Chinese
// text b.
func hasName(e Explanation, a, b string) bool {
	for _, ev := range e.Evidence {
		if ev.Kind == KindName && ev.AText == a && ev.BText == b {
			return true
		}
	}
	return false
}

// A Chinese report writes foreign names by sound; the name list knows none
// of them, and the report shares little else with the English one but
// the places the name list knows.
func TestHanNamesMatchLatinNames(t *testing.T) {
	en := NewProfile(Input{
		Lang:  "en",
		Title: "Iran protests to Swiss envoy",
		Text: `An assistant to the foreign minister, Mohsen Baharvand, met the Swiss envoy in Tehran on Wednesday.
Baharvand said the protest would be passed on to Washington. A lawyer, Narendra Ostrovic, called the meeting routine.`,
	})
	zh := NewProfile(Input{
		Lang:  "zh",
		Title: "伊朗向瑞士特使提出抗议",
		Text:  "外长助理穆赫森·巴哈万德周三在德黑兰会见了瑞士特使。巴哈万德敦促瑞士将抗议转达给华盛顿。律师纳伦德拉说会见是例行的。",
	})
	e := Score(en, zh)
	if !hasName(e, "Baharvand", "巴哈万德") || !hasName(e, "Mohsen", "穆赫森") || !hasName(e, "Narendra", "纳伦德拉") {
		t.Errorf("names written by sound not matched: %+v", e.Evidence)
	}
	// The run 巴哈万德敦 ("Baharvand urged") holds the name: the whole run
	// does not sound like it, its first four characters do.
	if !hasKey(zh.Sounds, uint64(soundHash("PHPNT"))) {
		t.Errorf("巴哈万德 not among the runs: %+v", zh.Sounds)
	}
	x := Features(en, zh)
	if x[FNameCount] == 0 || x[FCrossName] == 0 {
		t.Errorf("names shared %.3f, across languages %.3f", x[FNameCount], x[FCrossName])
	}
	// Within one script sounds are not compared: a Chinese text against
	// another shares bigrams or nothing.
	zh2 := NewProfile(Input{Lang: "zh", Text: "巴哈万德在华盛顿。"})
	if x := Features(zh2, NewProfile(Input{Lang: "zh", Text: "巴哈尔万德在北京。"})); x[FName] != 0 {
		t.Errorf("two Chinese texts share a name by sound: %.3f", x[FName])
	}
}

// Runs of transliteration characters that are common words (本赛季, this
// season) or whose keys are short match names of another report by
// chance; alone they count for nothing.
func TestHanRunsThatAreNotNamesDoNotMatch(t *testing.T) {
	en := NewProfile(Input{Lang: "en", Text: "Reporters met Benazir and Vidal Ostrovic about the harvest."})
	zh := NewProfile(Input{Lang: "zh", Text: "本赛季卡莱斯表现很好，比赛多次获胜。"})
	// Benazir and 本赛 (P N S), the start of 本赛季: three classes, with
	// no longer key beside them.
	if len(zh.Sounds) == 0 || len(en.NameSounds) == 0 {
		t.Fatalf("no keys to compare: %v / %v", zh.Sounds, en.NameSounds)
	}
	shared := 0
	for _, h := range en.NameSounds {
		if h != 0 && hasKey(zh.Sounds, uint64(h)) {
			shared++
		}
	}
	if shared == 0 {
		t.Fatalf("the keys this test is about are not shared: %v / %v", zh.Sounds, en.NameSounds)
	}
	if x := Features(en, zh); x[FName] != 0 || x[FNameCount] != 0 {
		t.Errorf("short keys alone count as names: overlap %.3f, count %.3f: %+v", x[FName], x[FNameCount], Score(en, zh).Evidence)
	}
	// An English word written with a capital (Fund, Close) is no name the
	// Chinese text could write by sound.
	fund := NewProfile(Input{Lang: "en", Text: "The Monetary Fund and the Winter Support Agency met in Narendra."})
	for i, n := range fund.Names {
		if n.Text == "Fund" && fund.NameSounds[i] != 0 {
			t.Errorf("Fund has a phonetic key")
		}
	}
}

// A name in Cyrillic letters whose transliteration is spelled otherwise
// than the Latin name (Готэм, gotem; Gotham) is the Latin name where their
// phonetic keys agree.
func TestCyrillicNamesBySound(t *testing.T) {
	en := NewProfile(Input{Lang: "en", Text: "The comic moves from Gotham to a city Hickman invented, where Ostrovic rules."})
	ru := NewProfile(Input{Lang: "ru", Text: "Комикс переносится из города Готэм в город, который придумал Хикман, где правит Острович."})
	e := Score(en, ru)
	if !hasName(e, "Gotham", "Готэм") {
		t.Errorf("Gotham and Готэм not one name: %+v", e.Evidence)
	}
	// Within one script no name is renamed.
	en2 := NewProfile(Input{Lang: "en", Text: "The comic moves from Gotem to a city Hikman invented."})
	if x := Features(en, en2); x[FName] != 0 {
		t.Errorf("two English texts share a name by sound: %.3f", x[FName])
	}
}

func TestSoundsRoundTrip(t *testing.T) {
	zh := NewProfile(Input{Lang: "zh", Text: "外长助理穆赫森·巴哈万德周三在德黑兰会见了瑞士特使。"})
	en := NewProfile(Input{Lang: "en", Text: "Mohsen Baharvand met the Swiss envoy in Tehran on Wednesday."})
	if len(zh.Sounds) == 0 || len(en.NameSounds) == 0 {
		t.Fatalf("no sounds: %v / %v", zh.Sounds, en.NameSounds)
	}
	var quick [2]Profile
	for i, p := range []*Profile{zh, en} {
		b, _ := p.MarshalBinary()
		var q Profile
		if err := q.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(p, &q) {
			t.Errorf("profile %d changed in a round trip: %v", i, err)
		}
		if err := quick[i].UnmarshalForQuick(b); err != nil {
			t.Fatal(err)
		}
	}
	ev, th := Quick(&quick[0], &quick[1])
	if e := Score(zh, en); ev != e.Score || th != e.Thread {
		t.Errorf("Quick without texts %.4f %.4f, Score %.4f %.4f", ev, th, e.Score, e.Thread)
	}
}
