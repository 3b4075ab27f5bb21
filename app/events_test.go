package app_test

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
)

// seedIDs imports files of testdata/seeds (by their three-digit prefixes)
// and returns their article ids by prefix.
func importSeeds(t *testing.T, svc *app.Service, prefixes ...string) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v %v", files, err)
	}
	var paths []string
	for _, f := range files {
		if slices.Contains(prefixes, filepath.Base(f)[:3]) {
			paths = append(paths, f)
		}
	}
	if _, err := svc.Import(ctx, paths, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, f := range files {
		if id, err := svc.ResolveArticle(ctx, filepath.Base(f)); err == nil {
			ids[filepath.Base(f)[:3]] = id
		}
	}
	return ids
}

// eventSets returns every event's members as sorted seed prefixes.
func eventSets(t *testing.T, svc *app.Service, names map[string]int64) []string {
	t.Helper()
	evs, err := svc.Events(context.Background(), "", app.Page{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]string{}
	for n, id := range names {
		byID[id] = n
	}
	var out []string
	for _, e := range evs {
		var m []string
		for _, a := range e.Articles {
			m = append(m, byID[a.ID])
		}
		slices.Sort(m)
		out = append(out, strings.Join(m, ","))
	}
	slices.Sort(out)
	return out
}

// The seeds are three calls between US and Russian defence chiefs: May
// 2022 (000, 001), October 2022 (002) and June 2024 (003, 004), as
// imported: only 002 and 004 carry a date. 000 and 001 give days without
// a year (February 18, February 24), read in the year of the dated report
// they are closest to (002, 2022): their estimated date lies months
// before 002's, so they are another event than 002's, and years before
// 003's (which recounts 15 March 2023) and 004's. Three events of one
// thread; explain 003 004 names the people and the dates.
func TestSeedsAreThreeEvents(t *testing.T) {
	ctx := context.Background()
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ids := importSeeds(t, svc, "000", "001", "002", "003", "004")
	if got, want := eventSets(t, svc, ids), []string{"000,001", "002", "003,004"}; !slices.Equal(got, want) {
		t.Errorf("events %v, want %v", got, want)
	}
	ths, err := svc.Threads(ctx, "", app.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ths) != 1 || len(ths[0].Articles) != 5 {
		t.Errorf("threads %+v, want one holding the five seeds", ths)
	}
	// The estimate is shown beside the undated versions, which stay
	// undated.
	evs, err := svc.Events(ctx, "", app.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		for _, a := range ev.Articles {
			est := a.Estimated
			switch a.ID {
			case ids["000"], ids["001"]:
				if a.Published != nil || est == nil || est.From > "2022-05-13" || est.To < "2022-05-13" || est.To >= "2022-10-21" || est.Anchor != ids["002"] {
					t.Errorf("article %d: published %v, estimated %+v; want undated, estimated around 13 May 2022 from 002", a.ID, a.Published, est)
				}
			default:
				if est != nil {
					t.Errorf("article %d estimated %+v", a.ID, est)
				}
			}
			// The Article view gives the same estimate.
			d, err := svc.GetArticle(ctx, ref(a.ID))
			if err != nil {
				t.Fatal(err)
			}
			if (d.Estimated == nil) != (est == nil) || (est != nil && *d.Estimated != *est) {
				t.Errorf("article %d: GetArticle estimated %+v, the event %+v", a.ID, d.Estimated, est)
			}
		}
	}
	e, err := svc.Explain(ctx, ref(ids["003"]), ref(ids["004"]))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	dated := false
	for _, v := range e.Evidence {
		text.WriteString(v.AText + " " + v.BText + " ")
		if v.Kind == "time" && strings.Contains(v.AText, "2023-03-15") && v.BText == "2024-07-27" {
			dated = true
		}
	}
	for _, w := range []string{"Belousov", "Ryder"} {
		if !strings.Contains(text.String(), w) {
			t.Errorf("explain 003 004 does not name %s: %+v", w, e.Evidence)
		}
	}
	if !dated {
		t.Errorf("explain 003 004 does not give their dates (after 2023-03-15, 2024-07-27): %+v", e.Evidence)
	}
	if !e.SameThread || e.A != ids["003"] || e.B != ids["004"] {
		t.Errorf("explain 003 004: %+v, want one thread", e)
	}
}

// As imported, 003 is undated but recounts 15 March 2023, months after
// 002 was published: it is not 002's event, and it is 004's, though 003
// names Shoigu and shares 002's headline words.
func TestSeedsAsImportedSeparateTheLastCall(t *testing.T) {
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ids := importSeeds(t, svc, "000", "001", "002", "003", "004")
	sets := eventSets(t, svc, ids)
	if !slices.Contains(sets, "003,004") {
		t.Errorf("events %v: 003 and 004 are not one event apart from the rest", sets)
	}
	for _, s := range sets {
		if strings.Contains(s, "000") && !strings.Contains(s, "001") {
			t.Errorf("events %v: 000 and 001 apart", sets)
		}
	}
}

func ref(id int64) string { return strconv.FormatInt(id, 10) }
