package detect_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/detect"
)

// seed is one of the five seed articles, with the publication date its text
// gives, if any (002 is dated 10/21/2022, 004 stamped 2024-07-27; 003 reports
// Tuesday's call on the Wednesday, 2024-06-26; 000 and 001 carry no date).
type seed struct {
	name, text string
	published  *time.Time
}

func loadSeeds(t testing.TB) []seed {
	t.Helper()
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("want the 5 seed articles in testdata/seeds, got %d (%v)", len(files), err)
	}
	sort.Strings(files)
	dates := []string{"", "", "2022-10-21", "2024-06-26", "2024-07-27"}
	out := make([]seed, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = seed{name: filepath.Base(f), text: string(b)}
		if d, err := time.Parse("2006-01-02", dates[i]); err == nil {
			out[i].published = &d
		}
	}
	return out
}

// seedIndex indexes the seeds under ids 0..4, with dates if dated.
func seedIndex(t testing.TB, dated bool) (*detect.Index, []seed) {
	t.Helper()
	ss := loadSeeds(t)
	p := detect.DefaultParams()
	ix, err := detect.NewIndex(p, detect.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range ss {
		in := detect.Input{Text: s.text}
		if dated {
			in.Published = s.published
		}
		if err := ix.Add(int64(i), detect.ComputeFeatures(in, p)); err != nil {
			t.Fatal(err)
		}
	}
	return ix, ss
}

func TestSeedRepeatedHeadlineAndLede(t *testing.T) {
	ss := loadSeeds(t)
	got := detect.RepeatedPassages(ss[1].text)
	if len(got) != 1 {
		t.Fatalf("seed 001: got %d repeated passages, want 1: %+v", len(got), got)
	}
	r := got[0]
	if len(r.Occurrences) != 2 {
		t.Fatalf("seed 001: got %d occurrences, want 2", len(r.Occurrences))
	}
	rs := []rune(ss[1].text)
	for i, o := range r.Occurrences {
		if s := string(rs[o.Start:o.End]); !strings.HasPrefix(s, "The United States calls for a ceasefire") || !strings.HasSuffix(s, "said announced the Pentagon.") {
			t.Errorf("occurrence %d = %q, want headline through the end of the lede", i, s)
		}
	}
	for i, s := range ss {
		if i == 1 {
			continue
		}
		if got := detect.RepeatedPassages(s.text); len(got) != 0 {
			t.Errorf("seed %s: got repeated passages %+v, want none", s.name, got)
		}
	}
}

func TestSeedsNoNearDuplicates(t *testing.T) {
	ix, _ := seedIndex(t, true)
	pairs, err := ix.Pairs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pairs {
		if p.IsDuplicate() {
			t.Errorf("seeds %d and %d reported as %s duplicates (Jaccard %.3f)", p.A, p.B, p.Kind, p.Jaccard)
		}
	}
}

func TestSeedStories(t *testing.T) {
	ix, ss := seedIndex(t, true)
	pairs, err := ix.Pairs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stories := detect.Stories(pairs, nil, func(id int64) (time.Time, bool) {
		if d := ss[id].published; d != nil {
			return *d, true
		}
		return time.Time{}, false
	})
	storyOf := map[int64]int64{}
	for _, s := range stories {
		for _, a := range s.Members {
			storyOf[a] = s.ID
		}
	}
	for _, s := range stories {
		if s.Members[0] == 3 && s.Earliest != 3 {
			t.Errorf("story %+v: earliest = %d, want 003 (dated before 004)", s, s.Earliest)
		}
	}
	tests := []struct {
		name string
		a, b int64
		same bool
	}{
		{"000 and 001 report the May 2022 call", 0, 1, true},
		{"003 and 004 report the June 2024 call", 3, 4, true},
		{"000 and 003 are two years apart", 0, 3, false},
		{"002 is the October 2022 call", 2, 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa, sb := storyOf[tt.a], storyOf[tt.b]
			if got := sa != 0 && sa == sb; got != tt.same {
				t.Errorf("same story = %v, want %v (stories %+v)", got, tt.same, stories)
			}
		})
	}
}

// Without dates, content alone must still tie 003 to 004 more strongly than
// to 000 (plain TF-IDF over the seeds does the opposite).
func TestSeedStoryScoresWithoutDates(t *testing.T) {
	ix, _ := seedIndex(t, false)
	score := func(a, b int64) float64 {
		for _, p := range ix.Compare(a) {
			if p.A == min(a, b) && p.B == max(a, b) {
				return p.Score
			}
		}
		return 0
	}
	if s34, s03 := score(3, 4), score(0, 3); s34 <= s03 {
		t.Errorf("story score 003-004 = %.3f, 000-003 = %.3f; want 003-004 higher", s34, s03)
	}
	if s01, s03 := score(0, 1), score(0, 3); s01 <= s03 {
		t.Errorf("story score 000-001 = %.3f, 000-003 = %.3f; want 000-001 higher", s01, s03)
	}
}

func TestSeedBoilerplateMarked(t *testing.T) {
	ss := loadSeeds(t)
	tests := []struct {
		seed int
		line string
		kind string
	}{
		{0, "Leave a Reply", detect.KindBoilerplate},
		{1, "• Read also: A separatist region of Georgia will organize a referendum on integration with Russia", detect.KindBoilerplate},
		{1, "NEXT NEWS", detect.KindBoilerplate},
		{1, "1", detect.KindBoilerplate},
		{3, "source site-3", detect.KindBoilerplate},
		{3, "© Lisa Ferdinando / Imago Images", detect.KindBoilerplate},
		{4, "#Hot #Phones #Russia #Tempo", detect.KindBoilerplate},
		{4, "2024-07-27 12:30:09", detect.KindBoilerplate},
		{0, "Ukraine war: Pentagon chief talks with Russian counterpart", detect.KindTitle},
		{1, "The United States calls for a ceasefire from Russia, but in vain", detect.KindTitle},
		{3, "The Russian Defense Ministry announced on Wednesday night that both sides had exchanged views on the war in Ukraine. Belousov pointed to the increasing danger of an escalation of the situation in the country in connection with the ongoing US arms deliveries to Ukraine. Other issues were also discussed. The ministry in Moscow did not provide any details.", detect.KindBody},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			rs := []rune(ss[tt.seed].text)
			found := false
			for _, b := range detect.MarkBlocks(ss[tt.seed].text, detect.BlockOptions{}) {
				if string(rs[b.Start:b.End]) == tt.line {
					found = true
					if b.Kind != tt.kind {
						t.Errorf("kind = %q, want %q", b.Kind, tt.kind)
					}
					break
				}
			}
			if !found {
				t.Fatalf("line not found as a block in seed %d", tt.seed)
			}
		})
	}
}
