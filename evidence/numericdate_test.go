package evidence

import (
	"math/rand"
	"strings"
	"testing"
)

// TestMayHoldNumericDateBeforeEveryMatch checks that the pre-filter never
// turns away a text in which reNumericDate matches, on texts made of the
// pieces that matter (digits, hyphens, 月 and 日, letters and spaces).
func TestMayHoldNumericDateBeforeEveryMatch(t *testing.T) {
	pieces := []string{"2", "0", "24", "-", "07", "27", "月", "日", "a", " ", "é", "x-", "-1", "12", "2024-07-27"}
	r := rand.New(rand.NewSource(1))
	matched, refused := 0, 0
	for range 20000 {
		var b strings.Builder
		for range 1 + r.Intn(12) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		match := reNumericDate().MatchString(text)
		may := mayHoldNumericDate(text)
		if match && !may {
			t.Fatalf("%q holds a numeric date, but mayHoldNumericDate says it cannot", text)
		}
		if match {
			matched++
		}
		if !may {
			refused++
		}
	}
	if matched == 0 || refused == 0 {
		t.Fatalf("the texts tried do not test the filter: %d matched, %d refused", matched, refused)
	}
}
