package app_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

var seeds = filepath.Join("..", "testdata", "seeds")

// newUI opens a fresh archive, holding the five seed articles (imported and
// analysed) when seeded, served to an interface whose job:done events
// arrive on the returned channel.
func newUI(t *testing.T, seeded bool) (*app.UI, chan app.JobDone) {
	t.Helper()
	svc := openService(t, filepath.Join(t.TempDir(), "archive.db"))
	t.Cleanup(func() { svc.Close() })
	if seeded {
		if _, err := svc.Import(context.Background(), []string{seeds}, app.ImportOptions{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan app.JobDone, 4)
	ui := app.NewUI(svc)
	ui.SetEmitter(emitFunc(func(event string, data any) {
		if event == "job:done" {
			done <- data.(app.JobDone)
		}
	}))
	return ui, done
}

type emitFunc func(string, any)

func (f emitFunc) Emit(event string, data any) { f(event, data) }

func badged(t *testing.T, ui *app.UI, badge string) []int64 {
	t.Helper()
	page, err := ui.ListArticles(context.Background(), app.ListRequest{Badge: badge, Sort: "id"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range page.Articles {
		ids = append(ids, a.ID)
	}
	return ids
}

// The badge cache is filled by the first list; a job that ends (here an
// import, which analyses what it adds) must drop it, or the library keeps
// showing the findings from before.
func TestBadgesFollowTheEndOfAJob(t *testing.T) {
	ui, done := newUI(t, false)
	if ids := badged(t, ui, app.BadgeStory); len(ids) != 0 {
		t.Fatalf("in an empty archive: %v in a story, want none", ids)
	}
	job, err := ui.StartImport([]string{seeds})
	if err != nil {
		t.Fatal(err)
	}
	if d := <-done; d.JobID != job.JobID || d.Error != "" {
		t.Fatalf("the import ended with %+v", d)
	}
	if ids := badged(t, ui, app.BadgeStory); len(ids) == 0 {
		t.Fatal("after importing the seeds: no article in a story, want the versions of their stories")
	}
}

// A verdict changes the events at once, with no job: the cache must be
// dropped by Judge itself.
func TestJudgeDropsTheBadges(t *testing.T) {
	ui, _ := newUI(t, true)
	ctx := context.Background()
	before := badged(t, ui, app.BadgeStory)
	stories, err := ui.Stories(ctx, app.Page{})
	if err != nil || len(stories) < 2 {
		t.Fatalf("got %+v, %v; want two events or more", stories, err)
	}
	// The two versions of an event of two, said to be two events: both
	// leave every story at once.
	i := slices.IndexFunc(stories, func(e app.Story) bool { return len(e.Articles) == 2 })
	if i < 0 {
		t.Fatalf("events %+v: want one of two articles", stories)
	}
	pair := stories[i]
	a, b := pair.Articles[0].ID, pair.Articles[1].ID
	if !slices.Contains(before, a) || !slices.Contains(before, b) {
		t.Fatalf("articles %d and %d, one event, are not badged a story: %v", a, b, before)
	}
	if err := ui.Judge(ctx, strconv.FormatInt(a, 10), strconv.FormatInt(b, 10), "story", false, ""); err != nil {
		t.Fatal(err)
	}
	after := badged(t, ui, app.BadgeStory)
	if slices.Contains(after, a) || slices.Contains(after, b) || len(after) != len(before)-2 {
		t.Errorf("after judging %d and %d two events: %v in a story (before: %v)", a, b, after, before)
	}
}

// The frontend reads every list as an array: nothing found is [], not null.
func TestListsAreNeverNull(t *testing.T) {
	ui, _ := newUI(t, false)
	ctx := context.Background()
	lists := map[string]func() (any, error){
		"search":     func() (any, error) { return ui.Search(ctx, "zzyzx", 0) },
		"stories":    func() (any, error) { return ui.Stories(ctx, app.Page{}) },
		"duplicates": func() (any, error) { return ui.DuplicateGroups(ctx, -1, app.Page{}) },
	}
	for name, list := range lists {
		v, err := list()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b, _ := json.Marshal(v); string(b) != "[]" {
			t.Errorf("%s in an empty archive: got %s, want []", name, b)
		}
	}
}

// Seed 002 resembles no other seed.
func TestNoSimilarArticlesIsAnEmptyList(t *testing.T) {
	ui, _ := newUI(t, true)
	v, err := ui.Similar(context.Background(), "002_965cdb6d1926d39b.txt")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(v); string(b) != "[]" {
		t.Errorf("similar to seed 002: got %s, want []", b)
	}
}

// A negative offset or limit is refused the same way from either transport.
func TestNegativePagesAreRefused(t *testing.T) {
	ui, _ := newUI(t, true)
	ctx := context.Background()
	calls := map[string]func() error{
		"list":       func() error { _, err := ui.ListArticles(ctx, app.ListRequest{Limit: -1}); return err },
		"search":     func() error { _, err := ui.Search(ctx, "ceasefire", -5); return err },
		"stories":    func() error { _, err := ui.Stories(ctx, app.Page{Offset: -1}); return err },
		"duplicates": func() error { _, err := ui.DuplicateGroups(ctx, -1, app.Page{Limit: -2}); return err },
	}
	for name, call := range calls {
		if err := call(); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%s: got %v, want an invalid-argument error", name, err)
		}
	}
}
