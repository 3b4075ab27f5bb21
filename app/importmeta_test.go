package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

func writeFile(tb testing.TB, path, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func listAll(tb testing.TB, svc *app.Service) []core.Article {
	tb.Helper()
	page, err := svc.ListArticles(context.Background(), core.ListQuery{Limit: 1000})
	if err != nil {
		tb.Fatal(err)
	}
	return page.Articles
}

// Reuters-21578 as JSONL with its own date field: every article is dated
// from the field, none from its text; briefs with a title and no body are
// kept and counted, not failed; broken records are counted by reason.
func TestImportDatesFromTheRecordsOwnField(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(`{"title":"BAHIA COCOA REVIEW","date":"26-FEB-1987 15:01:01.79","body":"Showers continued in the Bahia cocoa zone.\nMaturity 2017-06-15\n"}` + "\n")
	b.WriteString(`{"title":"BANK OF JAPAN BUYS DOLLARS","date":" 2-MAR-1987 09:11:44.64"}` + "\n")
	b.WriteString(`{"title":"OLD HISTORY","date":"26-FEB-1987 15:02:20.00","body":"The crash of October 29, 1929 was recalled.\n1929-10-28\n"}` + "\n")
	b.WriteString(`{"title":"ODD DATE","date":"sometime in spring","body":"A body whose last line is a date.\n2017-06-15\n"}` + "\n")
	b.WriteString(`{"id":"5"}` + "\n")
	b.WriteString(`{"id":"6"}` + "\n")
	b.WriteString("{broken\n")
	path := filepath.Join(dir, "reuters.jsonl")
	writeFile(t, path, b.String())
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	sum, err := svc.Import(ctx, []string{path}, app.ImportOptions{NoAnalyze: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 4 || sum.NoBody != 1 || sum.Dates[core.DateExact] != 3 || sum.Dates["undated"] != 1 || sum.Dates[core.DateText] != 0 {
		t.Errorf("added %d, no body %d, dates %v; want 4 added, 1 without a body, 3 exact, 1 undated", sum.Added, sum.NoBody, sum.Dates)
	}
	if len(sum.Failed) != 3 || len(sum.FailedByReason) != 2 || sum.FailedByReason[0].Count != 2 ||
		sum.FailedByReason[0].Reason != "record has neither text nor title" || len(sum.FailedByReason[0].Examples) != 2 {
		t.Errorf("failed %v by reason %+v", sum.Failed, sum.FailedByReason)
	}
	if len(sum.Notes) != 1 || !strings.HasSuffix(sum.Notes[0].Path, "#4") || sum.NotesByReason[0].Reason != `date field "date" not understood` {
		t.Errorf("notes %+v", sum.Notes)
	}
	for _, a := range listAll(t, svc) {
		switch a.Title {
		case "ODD DATE":
			if a.Published != nil || a.PublishedRaw != "sometime in spring" {
				t.Errorf("%s: %v %q, want undated with the field's value kept", a.Title, a.Published, a.PublishedRaw)
			}
		default:
			if a.Published == nil || a.Published.Year() != 1987 || a.PublishedFrom != "field:date" || a.PublishedConfidence != core.DateExact {
				t.Errorf("%s: %v from %q (%q), want 1987 from field:date", a.Title, a.Published, a.PublishedFrom, a.PublishedConfidence)
			}
		}
		if a.NoBody != (a.Title == "BANK OF JAPAN BUYS DOLLARS") {
			t.Errorf("%s: no body %v", a.Title, a.NoBody)
		}
	}
	ims, err := svc.Imports(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ims[0].Errors) != 3 || len(ims[0].Notes) != 1 || ims[0].Failed != 3 {
		t.Errorf("import kept %d errors, %d notes, failed %d", len(ims[0].Errors), len(ims[0].Notes), ims[0].Failed)
	}
}

func TestImportOutletRulesFieldsAndCSV(t *testing.T) {
	ctx := context.Background()
	root := filepath.Join(t.TempDir(), "bbc")
	writeFile(t, filepath.Join(root, "business", "001.txt"), "Ad sales boost profits\n\nQuarterly profits at the media giant rose.\n")
	writeFile(t, filepath.Join(root, "sport", "001.txt"), "Wenger hails the win\n\nThe manager praised his side.\n")
	writeFile(t, filepath.Join(root, "readme-notes.txt"), "Loose file\n\nA file directly in the folder given.\n")
	csvPath := filepath.Join(t.TempDir(), "mc", "export.csv")
	writeFile(t, csvPath, "stories_id,pubdate,title,url,media_name,body_text\n"+
		"1,12/07/2024 10h00,Hot line,https://www.example.com/a,Example Times,\"First paragraph.\n\nSecond paragraph.\"\n"+
		"2,13/07/2024 11h30,Brief,https://news.example.org/b,,\n")

	for _, tc := range []struct {
		name string
		opt  app.ImportOptions
		want map[string]string // title -> outlet
	}{
		{"metadata and urls", app.ImportOptions{}, map[string]string{"Ad sales boost profits": "", "Hot line": "Example Times", "Brief": "news.example.org"}},
		{"one name", app.ImportOptions{Outlet: "BBC"}, map[string]string{"Ad sales boost profits": "BBC", "Wenger hails the win": "BBC", "Hot line": "BBC"}},
		{"folder", app.ImportOptions{OutletFrom: "folder"}, map[string]string{"Ad sales boost profits": "business", "Wenger hails the win": "sport", "Loose file": "bbc", "Hot line": "mc"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
			defer svc.Close()
			tc.opt.NoAnalyze = true
			tc.opt.Fields = []string{"date=pubdate", "text=body_text"}
			tc.opt.DateFormat = "%d/%m/%Y %Hh%M"
			sum, err := svc.Import(ctx, []string{root, csvPath}, tc.opt, nil)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Added != 5 || len(sum.Failed) != 0 {
				t.Fatalf("added %d, failed %v", sum.Added, sum.Failed)
			}
			for _, a := range listAll(t, svc) {
				if want, ok := tc.want[a.Title]; ok && a.Outlet != want {
					t.Errorf("%s: outlet %q, want %q", a.Title, a.Outlet, want)
				}
				if a.Title == "Hot line" {
					if a.Published == nil || !a.Published.Equal(time.Date(2024, 7, 12, 10, 0, 0, 0, time.UTC)) || a.Format != "csv" {
						t.Errorf("csv row: %v, format %q", a.Published, a.Format)
					}
				}
				if a.Title == "Brief" && !a.NoBody {
					t.Errorf("csv row without a body not marked")
				}
			}
		})
	}
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	for _, bad := range []app.ImportOptions{{Fields: []string{"colour=x"}}, {DateFormat: "nonsense"}, {OutletFrom: "url"}, {Outlet: "BBC", OutletFrom: "folder"}} {
		if _, err := svc.Import(ctx, []string{root}, bad, nil); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%+v: %v, want invalid", bad, err)
		}
	}
}
