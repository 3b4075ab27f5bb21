package whatlanggo

// Added by StoryDiff's scripts/patch-third-party.sh: the faster detector
// must give what upstream's code gives.

import (
	"encoding/json"
	"math/rand"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestFastDetectorGivesUpstreamResults(t *testing.T) {
	var texts []string
	b, err := os.ReadFile("testdata/examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples map[string]string
	if err := json.Unmarshal(b, &examples); err != nil {
		t.Fatal(err)
	}
	for _, text := range examples {
		texts = append(texts, text, text[:len(text)/3])
	}
	if len(examples) < 50 {
		t.Fatalf("%d examples, want the package's test texts", len(examples))
	}
	for _, lang := range []langProfileList{latinLangs(), cyrillicLangs(), arabicLangs(), devanagariLangs(), ethiopicLangs(), hebrewLangs()} {
		var langs []int
		for l := range lang {
			langs = append(langs, int(l))
		}
		sort.Ints(langs)
		for _, l := range langs {
			texts = append(texts, strings.Join(lang[Lang(l)][:120], ""), strings.Join(lang[Lang(l)][40:], " "))
		}
	}
	// Mixed scripts, digits, punctuation, controls and invalid bytes.
	alphabet := []rune("abcdefghxyzXYZ ÄÖüßçé .,;1239\t\n\x01ЖЗИклмابتשלוםनमस्ते日本語ひらがなカタカナ한국어ΑΒΓ")
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for j := rng.Intn(300); j > 0; j-- {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		if i%10 == 0 {
			b.WriteString("\xff\xfe")
		}
		texts = append(texts, b.String())
	}
	texts = append(texts, "", " ", "a", "ab", "The", "123 !!", "\xff")
	for _, text := range texts {
		if got, want := DetectScript(text), detectScriptUpstream(text); got != want {
			t.Fatalf("DetectScript(%q) = %v, upstream %v", text, got, want)
		}
		for _, list := range []langProfileList{latinLangs(), cyrillicLangs(), arabicLangs()} {
			gl, gc := detectLangInProfiles(text, Options{}, list)
			wl, wc := detectLangInProfilesUpstream(text, Options{}, list)
			// Languages at equal distance come in map order upstream: only
			// the confidence is then certain.
			if gc != wc || (gl != wl && !tied(text, list, gl, wl)) {
				t.Fatalf("detectLangInProfiles(%q) = %v %v, upstream %v %v", text, gl, gc, wl, wc)
			}
		}
		opt := Options{Whitelist: map[Lang]bool{Eng: true, Fra: true}}
		gl, gc := detectLangInProfiles(text, opt, latinLangs())
		wl, wc := detectLangInProfilesUpstream(text, opt, latinLangs())
		if gc != wc || (gl != wl && !tied(text, latinLangs(), gl, wl)) {
			t.Fatalf("with a whitelist, detectLangInProfiles(%q) = %v %v, upstream %v %v", text, gl, gc, wl, wc)
		}
	}
}

func tied(text string, list langProfileList, a, b Lang) bool {
	w := count(text)
	da, _ := calculateDistance(list[a], w)
	db, _ := calculateDistance(list[b], w)
	return da == db
}
