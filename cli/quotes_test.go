package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type quoteEntry struct {
	ID      int64  `json:"id"`
	Quote   string `json:"quote"`
	Speaker string `json:"speaker"`
	First   struct {
		Article   int64   `json:"article"`
		Published *string `json:"published"`
		Title     string  `json:"title"`
	} `json:"first"`
	Count    int `json:"count"`
	Articles []struct {
		Article   int64   `json:"article"`
		Text      string  `json:"text"`
		Speaker   string  `json:"speaker"`
		Start     int     `json:"start"`
		End       int     `json:"end"`
		Published *string `json:"published"`
		Title     string  `json:"title"`
		Outlet    string  `json:"outlet"`
	} `json:"articles"`
}

func carriers(q quoteEntry) []int64 {
	var ids []int64
	for _, a := range q.Articles {
		ids = append(ids, a.Article)
	}
	return ids
}

func withQuote(qs []quoteEntry, words string) *quoteEntry {
	for i := range qs {
		if strings.Contains(qs[i].Quote, words) {
			return &qs[i]
		}
	}
	return nil
}

// Pentagon spokesman Pat Ryder's readout of the call is quoted by 002
// (October 2022) and, reworded, by 004 (July 2024).
func TestQuotesFollowsRydersReadoutAcrossTheSeeds(t *testing.T) {
	db := seedsArchive(t)
	var qs []quoteEntry
	mustJSON(t, run(t, db, "quotes", "--json", "5"), &qs)
	q := withQuote(qs, "lines of communication")
	if q == nil {
		t.Fatalf("quotes 5: no quote on the lines of communication: %+v", qs)
	}
	if got := carriers(*q); len(got) != 2 || got[0] != 3 || got[1] != 5 || q.Count != 2 {
		t.Errorf("Ryder's readout is carried by %v (count %d), want 3 then 5", got, q.Count)
	}
	if q.First.Article != 3 || q.First.Published == nil || !strings.HasPrefix(*q.First.Published, "2022-10-21") {
		t.Errorf("first = %+v, want article 3 of 2022-10-21", q.First)
	}
	if !strings.Contains(q.Speaker, "Ryder") || !strings.Contains(q.Articles[1].Speaker, "Ryder") {
		t.Errorf("speaker = %q / %q, want Ryder", q.Speaker, q.Articles[1].Speaker)
	}
	// The spans locate each article's own wording in its stored text.
	for _, a := range q.Articles {
		var art struct {
			Text string `json:"text"`
		}
		mustJSON(t, run(t, db, "show", "--json", itoa64(a.Article)), &art)
		if rs := []rune(art.Text); a.End > len(rs) || string(rs[a.Start:a.End]) != a.Text {
			t.Errorf("article %d: span %d-%d does not hold %q", a.Article, a.Start, a.End, a.Text)
		}
	}
	// 004's quotes of its own alone (Belousov's "secret operation") are
	// listed too, carried by it alone.
	if s := withQuote(qs, "secret operation"); s == nil || len(s.Articles) != 1 || s.First.Article != 5 {
		t.Errorf("quotes 5: the secret operation quote = %+v", s)
	}

	// The story (event) of 003 lists Ryder's quote with the same carriers.
	var events []struct {
		ID       int64 `json:"id"`
		Articles []struct {
			ID int64 `json:"id"`
		} `json:"articles"`
	}
	mustJSON(t, run(t, db, "stories", "--json"), &events)
	storyOf4 := ""
	for _, e := range events {
		for _, a := range e.Articles {
			if a.ID == 4 {
				storyOf4 = itoa64(e.ID)
			}
		}
	}
	var story []quoteEntry
	mustJSON(t, run(t, db, "quotes", "--json", "--story", storyOf4), &story)
	if q := withQuote(story, "lines of communication"); q == nil || q.First.Article != 3 {
		t.Errorf("quotes --story %s (the event of 003): %+v", storyOf4, q)
	}
	// Text output marks the first.
	r := run(t, db, "quotes", "5")
	if r.code != 0 || !strings.Contains(r.stdout, "first in 3") || !strings.Contains(r.stdout, "*") {
		t.Errorf("quotes 5 (text): %d %q", r.code, r.stdout)
	}
}

func itoa64(n int64) string {
	var b []byte
	for n >= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(append([]byte{byte('0' + n)}, b...))
}

func writeArticle(t *testing.T, dir, name, title, published, body string) {
	t.Helper()
	front := "---\ntitle: " + title + "\noutlet: Gazette " + name + "\n"
	if published != "" {
		front += "published: " + published + "\n"
	}
	if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(front+"---\n\n"+body+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A quote is followed through its variants and through later imports, the
// first printer is the earliest dated one whatever the import order, and
// the archive-wide listing pages the quotes carried most.
func TestQuotesOnConstructedArticles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	one, two := t.TempDir(), t.TempDir()
	writeArticle(t, one, "a", "Harbour to be rebuilt", "2024-03-05",
		`“We will rebuild the harbour before winter, whatever it costs the city,” Mayor Jane Holt said on Monday.

The council meets again in April. "Nobody should lose a boat to this storm again," said harbour master Tom Reyes.`)
	writeArticle(t, one, "b", "Storm damage: the mayor's promise", "2024-03-04",
		`Mayor Jane Holt said: "We will rebuild the harbour before the winter, whatever it costs."

Fishermen were sceptical. "We have heard promises about the sea wall for twenty years," one of them said.`)
	writeArticle(t, two, "c", "Holt repeats pledge", "",
		`“We will rebuild the harbour before winter, whatever it costs the city,” Holt told reporters.

“Nobody should lose a boat to this storm again,” Reyes added.`)
	writeArticle(t, two, "d", "Train timetable changes", "2024-03-01",
		`"The new timetable adds six trains a day between the two towns," a railway spokeswoman said.`)
	if r := run(t, db, "import", one); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	// The second import is analysed on its own: its quotes are linked to
	// the archive's through the key index.
	if r := run(t, db, "import", two); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	ids := map[string]int64{}
	var list []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	}
	mustJSON(t, run(t, db, "list", "--json"), &list)
	for _, a := range list {
		ids[a.Title[:5]] = a.ID
	}
	a, b, c, d := ids["Harbo"], ids["Storm"], ids["Holt "], ids["Train"]

	var all []quoteEntry
	mustJSON(t, run(t, db, "quotes", "--json"), &all)
	if len(all) < 4 {
		t.Fatalf("quotes: %d, want the four quotes: %+v", len(all), all)
	}
	top := all[0]
	if !strings.Contains(top.Quote, "rebuild the harbour") || top.Count != 3 {
		t.Fatalf("the most carried quote = %+v, want the pledge in 3 articles", top)
	}
	// b is dated before a; c has no date, so it comes last.
	if got := carriers(top); len(got) != 3 || got[0] != b || got[1] != a || got[2] != c || top.First.Article != b {
		t.Errorf("pledge carriers = %v, first %d; want %d, %d, %d, first %d", got, top.First.Article, b, a, c, b)
	}
	if !strings.Contains(top.Speaker, "Holt") {
		t.Errorf("pledge speaker = %q", top.Speaker)
	}
	if all[1].Count != 2 || !strings.Contains(all[1].Quote, "lose a boat") {
		t.Errorf("second most carried = %+v, want the harbour master's in 2 articles", all[1])
	}
	// Paged.
	var page []quoteEntry
	mustJSON(t, run(t, db, "quotes", "--json", "--offset", "1", "--limit", "1"), &page)
	if len(page) != 1 || page[0].ID != all[1].ID {
		t.Errorf("quotes --offset 1 --limit 1 = %+v, want %d", page, all[1].ID)
	}
	// The railway quote is nobody else's.
	var rail []quoteEntry
	mustJSON(t, run(t, db, "quotes", "--json", itoa64(d)), &rail)
	if len(rail) != 1 || rail[0].Count != 1 || rail[0].First.Article != d || !strings.Contains(rail[0].Quote, "timetable") {
		t.Errorf("quotes %d = %+v", d, rail)
	}
	// A full analysis finds every quote again and links them the same way.
	if r := run(t, db, "analyze"); r.code != 0 {
		t.Fatalf("analyze: %d %s", r.code, r.stderr)
	}
	var again []quoteEntry
	mustJSON(t, run(t, db, "quotes", "--json", "--limit", "1"), &again)
	if len(again) != 1 || again[0].Count != 3 || !slicesEqual(carriers(again[0]), carriers(top)) {
		t.Errorf("after a full analysis the most carried quote = %+v, want %v", again, carriers(top))
	}
	for _, bad := range [][]string{{"quotes", "1", "--story", "1"}, {"quotes", "--limit", "-1"}, {"quotes", "1", "2"}} {
		if r := run(t, db, bad...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, r.code)
		}
	}
	if r := run(t, db, "quotes", "999"); r.code == 0 {
		t.Errorf("quotes 999: exit 0")
	}
}

func slicesEqual(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
