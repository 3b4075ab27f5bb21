package app_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

func str(s string) *string { return &s }

// A researcher's edits, tags and note survive importing the same files
// again, and the edited values are what lists, filters, search and events
// use; a revert brings the imported values back.
func TestCurationSurvivesReimportAndDrivesQueries(t *testing.T) {
	ctx := context.Background()
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ids := importSeeds(t, svc, "000", "001", "002", "003", "004")
	id := ids["003"]
	before, err := svc.GetArticle(ctx, ref(id))
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.EditArticle(ctx, ref(id), app.EditRequest{Title: str("Zanzibarian headline"), Date: str("1999-12-31"), Outlet: str("Reuters")})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Zanzibarian headline" || a.Outlet != "Reuters" || a.Published.Format("2006-01-02") != "1999-12-31" || a.PublishedFrom != core.DateEdited {
		t.Fatalf("edited article: %q %q %v %q", a.Title, a.Outlet, a.Published, a.PublishedFrom)
	}
	if e := a.EditOf(core.FieldOutlet); e == nil || e.Imported != before.Outlet {
		t.Errorf("outlet edit %+v, want imported %q kept", e, before.Outlet)
	}
	if _, err := svc.TagItem(ctx, app.Item{Kind: core.ItemArticle, Ref: ref(id)}, []string{"verified"}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetNote(ctx, app.Item{Ref: ref(id)}, "Date from the agency's log"); err != nil {
		t.Fatal(err)
	}

	// Import the same files again: nothing of the researcher's is lost.
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	if _, err := svc.Import(ctx, files, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	a, _ = svc.GetArticle(ctx, ref(id))
	if a.Title != "Zanzibarian headline" || len(a.Edits) != 3 || !slices.Equal(a.Tags, []string{"verified"}) || a.Note == nil {
		t.Fatalf("after re-import: %q edits %+v tags %v note %v", a.Title, a.Edits, a.Tags, a.Note)
	}

	page, err := svc.ListArticles(ctx, core.ListQuery{Sort: "published"})
	if err != nil {
		t.Fatal(err)
	}
	// Undated articles sort first in ascending order; the first dated one
	// is the one a researcher dated 1999.
	for _, a := range page.Articles {
		if a.Published != nil {
			if a.ID != id {
				t.Errorf("the earliest by the edited date is %d, want %d", a.ID, id)
			}
			break
		}
	}
	q, _ := app.ListRequest{Tag: "Verified"}.Query()
	if page, _ = svc.ListArticles(ctx, q); page.Total != 1 || page.Articles[0].ID != id {
		t.Errorf("list --tag verified: %+v", page)
	}
	opt, err := app.SearchRequest{Tag: "verified", Outlet: "Reuters", To: "2000-01-01"}.Options()
	if err != nil {
		t.Fatal(err)
	}
	sp, err := svc.SearchPage(ctx, "zanzibarian", opt)
	if err != nil || sp.Total != 1 || sp.Hits[0].Article.ID != id || !slices.Equal(sp.Hits[0].Article.Tags, []string{"verified"}) {
		t.Errorf("search by the edited title, outlet, date and tag: %+v %v", sp, err)
	}
	if ev := eventOf(t, svc, id); ev.Earliest != id {
		t.Errorf("event %d's earliest is %d; the version dated 1999 by a researcher is %d", ev.ID, ev.Earliest, id)
	}

	a, err = svc.RevertArticle(ctx, ref(id), []string{"all"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != before.Title || a.Outlet != before.Outlet || a.PublishedFrom != before.PublishedFrom || len(a.Edits) != 0 {
		t.Errorf("after revert all: %q %q %q %+v", a.Title, a.Outlet, a.PublishedFrom, a.Edits)
	}
	if sp, _ := svc.SearchPage(ctx, "zanzibarian", core.SearchOptions{Limit: 5}); sp.Total != 0 {
		t.Errorf("the reverted title is still found: %+v", sp.Hits)
	}
}

// An event's tags and note are kept when it merges into another: the old
// id leads to the new one, which carries them.
func TestEventTagsAndNoteFollowAMerge(t *testing.T) {
	ctx := context.Background()
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ids := importSeeds(t, svc, "000", "001", "002", "003", "004")
	a, b := eventOf(t, svc, ids["000"]).ID, eventOf(t, svc, ids["004"]).ID
	if a == b {
		t.Fatalf("seeds 000 and 004 already share event %d", a)
	}
	survivor, retired := min(a, b), max(a, b)
	ev := app.Item{Kind: core.ItemEvent, Ref: ref(retired)}
	if _, err := svc.TagItem(ctx, ev, []string{"ceasefire"}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetNote(ctx, ev, "Check the timeline"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Correct(ctx, core.Correction{Kind: core.CorrectMerge, Event: a, Other: b}); err != nil {
		t.Fatal(err)
	}
	e, err := svc.Event(ctx, retired)
	if err != nil || e.ID != survivor {
		t.Fatalf("event %d leads to %v %v", retired, e, err)
	}
	if !slices.Equal(e.Tags, []string{"ceasefire"}) || e.Note == nil || e.Note.Text != "Check the timeline" {
		t.Errorf("merged event: tags %v note %+v", e.Tags, e.Note)
	}
	// Tagging through the retired id tags the event it leads to.
	tags, err := svc.TagItem(ctx, ev, []string{"follow up"}, false)
	if err != nil || !slices.Equal(tags, []string{"ceasefire", "follow up"}) {
		t.Errorf("tags through the retired id: %v %v", tags, err)
	}
	evs, err := svc.EventsTagged(ctx, "ceasefire")
	if err != nil || len(evs) != 1 || evs[0].ID != survivor {
		t.Errorf("events tagged ceasefire: %+v %v", evs, err)
	}
	counts, _ := svc.Tags(ctx)
	if len(counts) != 2 || counts[0].Events != 1 {
		t.Errorf("tags: %+v", counts)
	}
}

func TestBadCurationIsRefusedNamingTheArticle(t *testing.T) {
	ctx := context.Background()
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	ids := importSeeds(t, svc, "000")
	r := ref(ids["000"])
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"no field", func() error { _, err := svc.EditArticle(ctx, r, app.EditRequest{}); return err }(), "nothing to edit"},
		{"empty title", func() error { _, err := svc.EditArticle(ctx, r, app.EditRequest{Title: str("  ")}); return err }(), "cannot be empty"},
		{"bad date", func() error { _, err := svc.EditArticle(ctx, r, app.EditRequest{Date: str("31/12/1999")}); return err }(), "is not a date"},
		{"missing article", func() error { _, err := svc.EditArticle(ctx, "999", app.EditRequest{Title: str("x")}); return err }(), "999"},
		{"revert byline", func() error { _, err := svc.RevertArticle(ctx, r, []string{"byline"}); return err }(), `cannot revert "byline"`},
		{"empty tag", func() error {
			_, err := svc.TagItem(ctx, app.Item{Ref: r}, []string{" "}, false)
			return err
		}(), "tag cannot be empty"},
		{"missing event", func() error {
			_, err := svc.SetNote(ctx, app.Item{Kind: core.ItemEvent, Ref: "4242"}, "x")
			return err
		}(), "no event 4242"},
	}
	for _, tc := range cases {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error saying %q", tc.name, tc.err, tc.want)
		}
		if tc.name != "missing article" && tc.name != "missing event" && tc.err != nil && !strings.Contains(tc.err.Error(), r) {
			t.Errorf("%s: %v does not name article %s", tc.name, tc.err, r)
		}
	}
}

// Every report kind states the edits (with the imported values), tags and
// notes on the articles and events it covers, in every format.
func TestReportsCarryCuration(t *testing.T) {
	ctx := context.Background()
	ra := newReportArchive(t)
	svc := ra.svc
	id, err := svc.Resolve(ctx, "004_crlf.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.EditArticle(ctx, ref(id), app.EditRequest{Outlet: str("Curated outlet")}); err != nil {
		t.Fatal(err)
	}
	svc.TagItem(ctx, app.Item{Ref: ref(id)}, []string{"<script>alert(1)</script>"}, false)
	svc.SetNote(ctx, app.Item{Ref: ref(id)}, "A note on the copy")
	story := ra.storyOf(t, "004_crlf.txt")
	svc.TagItem(ctx, app.Item{Kind: core.ItemEvent, Ref: ref(story)}, []string{"event-tag"}, false)
	reqs := map[string]app.ReportRequest{
		"pair":       {Kind: "pair", Refs: []string{"004_crlf.txt", "004_0cbc97742eea5343.txt"}},
		"story":      {Kind: "story", StoryID: story},
		"duplicates": {Kind: "duplicates"},
		"archive":    {Kind: "archive"},
	}
	for name, req := range reqs {
		for _, f := range []string{"html", "md", "csv", "json"} {
			req.Format = f
			var buf strings.Builder
			if err := svc.Report(ctx, req, &buf); err != nil {
				t.Fatalf("%s %s: %v", name, f, err)
			}
			out := buf.String()
			wants := []string{"Curated outlet", "A note on the copy", "imported"}
			if name == "story" || name == "archive" {
				wants = append(wants, "event-tag")
			}
			for _, w := range wants {
				if !strings.Contains(out, w) {
					t.Errorf("%s report in %s lacks %q", name, f, w)
				}
			}
			if f == "html" && strings.Contains(out, "<script>alert(1)") {
				t.Errorf("%s report in HTML carries a tag as markup", name)
			}
		}
	}
}
