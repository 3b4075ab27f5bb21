package detect_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/detect"
)

func TestIsChrome(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Leave a Reply", true},
		{"Leave a comment", true},
		{"• Read also: War in Ukraine: the tone rises", true},
		{"• To read also: War in Ukraine", true},
		{"Lesen Sie auch: Scholz in Kiew", true},
		{"Leggi anche: la guerra in Ucraina", true},
		{"Lire aussi : la guerre", true},
		{"Читайте также: новости", true},
		{"NEXT NEWS", true},
		{"source site-3", true},
		{"Source: example.com", true},
		{"#Hot #Phones #Russia #Tempo", true},
		{"© Lisa Ferdinando / Imago Images", true},
		{"Photo: Reuters", true},
		{"By John Smith | 21 May 2022, 12:30", true},
		{"Published on 21 May 2022 12:30", true},
		{"2024-07-27 12:30:09", true},
		{"Share this article", true},
		{"Subscribe to our newsletter", true},
		{"Advertisement", true},
		{"1", true},
		{"Austin read also the statement from Moscow.", false},
		{"US Secretary of Defense Lloyd Austin called on Friday.", false},
		{"Share prices fell sharply on Friday after the call.", false},
		{"Sources said the call lasted an hour.", false},
		{"War in Ukraine", false},
		{"By the end of November the plan will be ready.", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := detect.IsChrome(tt.line); got != tt.want {
				t.Errorf("IsChrome(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestParsePatternsRejectsBadPattern(t *testing.T) {
	if _, err := detect.ParsePatterns("# ok\n^fine$\n^(broken\n"); err == nil {
		t.Fatal("ParsePatterns accepted an unbalanced pattern")
	}
}

func TestLineCounts(t *testing.T) {
	chrome := "Follow the Daily Planet on every network"
	article := func(i int) string {
		return fmt.Sprintf("Story number %d about the harbour\n%s\nBody text %d goes here, long enough to be a sentence of news.", i, chrome, i)
	}
	tests := []struct {
		name     string
		articles int
		group    string
		want     bool
	}{
		{"recurs in many articles of the group", 10, "planet", true},
		{"too few articles", 3, "planet", false},
		{"other group", 10, "other", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lc := detect.NewLineCounts()
			for i := 0; i < tt.articles; i++ {
				lc.Add("planet", article(i))
			}
			if got := lc.IsBoilerplate(tt.group, detect.LineHash(chrome)); got != tt.want {
				t.Errorf("IsBoilerplate = %v, want %v", got, tt.want)
			}
			blocks := detect.MarkBlocks(article(99), detect.BlockOptions{Group: tt.group, Lines: lc})
			if got := blocks[1].Kind == detect.KindBoilerplate; got != tt.want {
				t.Errorf("MarkBlocks kind of the chrome line = %q, want boilerplate %v", blocks[1].Kind, tt.want)
			}
			if blocks[2].Kind != detect.KindBody {
				t.Errorf("body line kind = %q, want body", blocks[2].Kind)
			}
		})
	}
}

func TestLineCountsRowsRoundTrip(t *testing.T) {
	lc := detect.NewLineCounts()
	for i := 0; i < 6; i++ {
		lc.Add("g", "Same footer line\nunique line "+strings.Repeat("x", i))
	}
	restored := detect.NewLineCounts()
	restored.Load(lc.Rows(false))
	h := detect.LineHash("Same footer line")
	if !restored.IsBoilerplate("g", h) {
		t.Fatal("restored counts lost the recurring line")
	}
	for i := 0; i < 6; i++ {
		restored.Remove("g", "Same footer line\nunique line "+strings.Repeat("x", i))
	}
	if restored.IsBoilerplate("g", h) {
		t.Fatal("line still boilerplate after every article was removed")
	}
}
