package report_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/report"
)

// bigArchive is an archive of n articles in 60 outlets and 5 languages,
// with n/30 duplicate groups of growing size and n/30 stories.
func bigArchive(n int, full bool) *report.Archive {
	m := &report.Archive{Provenance: prov(), Full: full}
	for i := 1; i <= n; i++ {
		a := article(int64(i), fmt.Sprintf("Title of article %05d", i))
		pub := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		a.Published, a.Outlet, a.Language = &pub, fmt.Sprintf("outlet%02d", i%60), []string{"en", "de", "fr", "ru", "uk"}[i%5]
		m.Articles = append(m.Articles, a)
	}
	for g := 0; g < n/30; g++ {
		grp := report.Group{Kind: "near", Similarity: 0.8}
		for k := 0; k < 2+g%7; k++ {
			grp.Members = append(grp.Members, m.Articles[(g*10+k)%n])
		}
		m.Groups = append(m.Groups, grp)
		m.Stories = append(m.Stories, report.StorySummary{ID: int64(g + 1), Label: fmt.Sprintf("Story %d", g+1), Versions: 2 + g%11, Earliest: int64(g + 1)})
	}
	return m
}

func pdfPages(b []byte) int { return len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(b, -1)) }

// TestArchiveReportSummarises checks that an archive report gives the
// figures and the largest groups and stories by default, and every article
// only when asked for the full listing, so that its size does not grow with
// the archive.
func TestArchiveReportSummarises(t *testing.T) {
	const n = 3000
	var doc struct {
		Full   bool `json:"full"`
		Totals struct {
			Articles, Outlets, Languages, Stories int
			NearGroups                            int        `json:"near_groups"`
			First                                 *time.Time `json:"first_published"`
			Last                                  *time.Time `json:"last_published"`
		} `json:"totals"`
		ByOutlet []report.Count        `json:"by_outlet"`
		ByMonth  []report.Count        `json:"by_month"`
		Groups   []report.Group        `json:"groups"`
		Stories  []report.StorySummary `json:"stories"`
		Articles []report.Article      `json:"articles"`
	}
	if err := json.Unmarshal(write(t, bigArchive(n, false), report.JSON), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Full || len(doc.Articles) != 0 || doc.Articles == nil {
		t.Errorf("summary: full %v, %d articles listed, want none (an empty list)", doc.Full, len(doc.Articles))
	}
	if doc.Totals.Articles != n || doc.Totals.Outlets != 60 || doc.Totals.Languages != 5 || doc.Totals.NearGroups != n/30 || doc.Totals.Stories != n/30 {
		t.Errorf("totals: got %+v, want the whole archive's", doc.Totals)
	}
	if doc.Totals.First == nil || doc.Totals.Last == nil || doc.Totals.First.Format("2006-01-02") != "2020-01-02" || doc.Totals.Last.Format("2006-01-02") != "2028-03-19" {
		t.Errorf("date range: got %v to %v", doc.Totals.First, doc.Totals.Last)
	}
	if len(doc.ByMonth) < 90 {
		t.Errorf("by month: got %d months, want every month (the chart's)", len(doc.ByMonth))
	}
	if len(doc.ByOutlet) != report.TopN || len(doc.Groups) != report.TopN || len(doc.Stories) != report.TopN {
		t.Errorf("top lists: %d outlets, %d groups, %d stories, want %d each", len(doc.ByOutlet), len(doc.Groups), len(doc.Stories), report.TopN)
	}
	for i := 1; i < len(doc.Groups); i++ {
		if len(doc.Groups[i].Members) > len(doc.Groups[i-1].Members) {
			t.Fatalf("groups not largest first: %d members after %d", len(doc.Groups[i].Members), len(doc.Groups[i-1].Members))
		}
	}
	if len(doc.Groups[0].Members) != 8 || doc.Stories[0].Versions != 12 {
		t.Errorf("largest: a group of %d, a story of %d versions, want 8 and 12", len(doc.Groups[0].Members), doc.Stories[0].Versions)
	}
	for i := 1; i < len(doc.Stories); i++ {
		if doc.Stories[i].Versions > doc.Stories[i-1].Versions {
			t.Fatalf("stories not largest first")
		}
	}

	// Every format: the summary stays small whatever the archive's size,
	// says how to get the rest, and the full listing names every article.
	last := "Title of article 02999"
	for _, f := range report.Formats {
		t.Run(string(f), func(t *testing.T) {
			sum, full := write(t, bigArchive(n, false), f), write(t, bigArchive(n, true), f)
			// A PDF embeds its fonts whatever its length: its pages say it.
			if f != report.PDF && len(sum)*5 > len(full) {
				t.Errorf("summary %d bytes, full %d: want the summary far smaller", len(sum), len(full))
			}
			switch f {
			case report.PDF:
				if ps, pf := pdfPages(sum), pdfPages(full); ps > 8 || pf < 40 {
					t.Errorf("summary %d pages, full %d", ps, pf)
				}
			case report.CSV:
				rows, err := csv.NewReader(strings.NewReader(string(sum))).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if strings.Join(rows[0][:3], ",") != "section,name,value" || len(rows) > 200 {
					t.Errorf("summary CSV: header %v, %d rows", rows[0], len(rows))
				}
				if !strings.Contains(string(sum), "totals,articles,3000") {
					t.Errorf("summary CSV lacks the article count")
				}
				if !strings.Contains(string(full), last) || !strings.HasPrefix(string(full), "group,group_kind,") {
					t.Errorf("full CSV is not one row per article")
				}
			default:
				if strings.Contains(string(sum), last) || !strings.Contains(string(full), last) {
					t.Errorf("the last article: in summary %v, in full %v; want only in full", strings.Contains(string(sum), last), strings.Contains(string(full), last))
				}
				if f != report.JSON && (!strings.Contains(string(sum), "--full") || !strings.Contains(string(sum), "Largest duplicate groups")) {
					t.Errorf("summary does not say how to get every article, or lacks the largest groups")
				}
			}
		})
	}
}
