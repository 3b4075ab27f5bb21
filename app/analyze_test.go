package app_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/bench/eval/gen"
	"github.com/storydiff/storydiff/core"
)

// findings is everything analysis decides, as text to compare runs by.
func findings(t *testing.T, svc *app.Service) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	pairs, err := app.StoreOf(svc).Pairs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pairs {
		fmt.Fprintf(&b, "pair %d %d %s %.4f\n", p.A, p.B, p.Kind, p.Score)
	}
	stories, err := svc.Stories(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		fmt.Fprintf(&b, "story %d:", s.ID)
		for _, a := range s.Articles {
			fmt.Fprintf(&b, " %d", a.ID)
		}
		b.WriteString("\n")
	}
	reps, err := svc.Repeats(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		fmt.Fprintf(&b, "repeats %d: %d\n", r.Article, len(r.Passages))
	}
	for _, id := range []string{"1", "2", "3"} {
		a, err := svc.GetArticle(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, bl := range a.Blocks {
			fmt.Fprintf(&b, "block %s %d-%d %s\n", id, bl.Start, bl.End, bl.Kind)
		}
	}
	return b.String()
}

// writeStoryCorpus writes articles that share chrome lines and reprint one
// another, so that analysis finds boilerplate, duplicates and stories.
func writeStoryCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	rng := rand.New(rand.NewSource(3))
	words := strings.Fields("minister talks ceasefire pentagon report statement border army city council vote election market shares bank river storm harbour court judge")
	var wires []string
	for w := 0; w < n/4; w++ {
		var b strings.Builder
		for s := 0; s < 12; s++ {
			for k := 0; k < 14; k++ {
				b.WriteString(words[rng.Intn(len(words))] + " ")
			}
			b.WriteString(fmt.Sprintf("number%d.\n\n", rng.Intn(100000)))
		}
		wires = append(wires, b.String())
	}
	os.MkdirAll(dir, 0o755)
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Headline %d\n\nShare this article\n\n%s\nSubscribe to our newsletter\n", i, wires[i%len(wires)])
		if i%3 == 0 {
			text = strings.Replace(text, "ceasefire", "cease-fire", 1)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), []byte(text), 0o644)
	}
}

// TestKilledAnalysisRecovers kills a full analysis at random points; the
// archive stays sound and analysing again gives what a clean run gives.
func TestKilledAnalysisRecovers(t *testing.T) {
	if os.Getenv("STORYDIFF_KILL_CHILD") != "" {
		t.Skip("child process")
	}
	corpus := t.TempDir()
	writeStoryCorpus(t, corpus, 400)
	ctx := context.Background()
	cleanPath := filepath.Join(t.TempDir(), "clean.db")
	clean := openService(t, cleanPath)
	if _, err := clean.Import(ctx, []string{corpus}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	want := findings(t, clean)
	clean.Close()
	if !strings.Contains(want, "story") || !strings.Contains(want, "boilerplate") {
		t.Fatalf("the corpus does not exercise analysis:\n%.500s", want)
	}

	runs := 3
	if s := os.Getenv("STORYDIFF_KILL_RUNS"); s != "" {
		fmt.Sscan(s, &runs)
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for run := 0; run < runs; run++ {
		dbPath := filepath.Join(t.TempDir(), "killed.db")
		svc := openService(t, dbPath)
		if _, err := svc.Import(ctx, []string{corpus}, app.ImportOptions{NoAnalyze: true}, nil); err != nil {
			t.Fatal(err)
		}
		svc.Close()
		cmd := exec.Command(os.Args[0], "-test.run=^TestAnalyzeChild$")
		cmd.Env = append(os.Environ(), "STORYDIFF_KILL_CHILD=1", "STORYDIFF_ANALYZE_DB="+dbPath)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		target := 1 + rng.Intn(390)
		stages := []string{"counting", "analysing", "reading", "proposing", "comparing", "clustering"}
		stage := stages[rng.Intn(len(stages))]
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			var st string
			var done int
			fmt.Sscanf(sc.Text(), "%s %d", &st, &done)
			if st == stage && (done >= target || stage != "analysing") {
				break
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		svc = openService(t, dbPath)
		if problems, err := svc.Check(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("run %d: check after killing analysis in %s: %v %v", run, stage, problems, err)
		}
		if _, err := svc.Analyze(ctx, app.AnalyzeOptions{}, nil); err != nil {
			t.Fatalf("run %d: analysis after kill: %v", run, err)
		}
		got := findings(t, svc)
		svc.Close()
		if got != want {
			t.Fatalf("run %d: killed in %s, then analysed again: findings differ from a clean run\n got %.400s\nwant %.400s", run, stage, got, want)
		}
		t.Logf("run %d: killed while %s; analysis again matched a clean run", run, stage)
	}
}

func TestAnalyzeChild(t *testing.T) {
	db := os.Getenv("STORYDIFF_ANALYZE_DB")
	if db == "" {
		t.Skip("run by TestKilledAnalysisRecovers")
	}
	svc := openService(t, db)
	defer svc.Close()
	svc.Analyze(context.Background(), app.AnalyzeOptions{Full: true}, func(p core.Progress) {
		fmt.Printf("%s %d\n", strings.Fields(p.Stage)[0], p.Done)
	})
}

// An analysis after a small import, in a process that did not run the first
// one, compares only the new articles with the stored sketches, and finds
// for them exactly the pairs a full analysis of the archive finds.
func TestAnalysisOfNewArticlesMatchesAFullOne(t *testing.T) {
	ctx := context.Background()
	c := gen.Generate(gen.Options{Seed: 11, Events: 60, Distractors: 60})
	root := t.TempDir()
	for i, a := range c.Articles {
		part := "a"
		if i%20 == 7 { // one in twenty arrives later
			part = "b"
		}
		dir := filepath.Join(root, part, a.Outlet)
		os.MkdirAll(dir, 0o755)
		text := a.Title + "\n\n" + a.Text
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", a.ID)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(t.TempDir(), "archive.db")
	svc := openService(t, dbPath)
	first, err := svc.Import(ctx, []string{filepath.Join(root, "a")}, app.ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Analysis == nil || first.Analysis.Pass != "all" {
		t.Fatalf("first analysis: %+v, want a pass over all articles", first.Analysis)
	}
	svc.Close()

	svc = openService(t, dbPath)
	defer svc.Close()
	second, err := svc.Import(ctx, []string{filepath.Join(root, "b")}, app.ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if second.Analysis == nil || second.Analysis.Pass != "new" || second.Added == 0 {
		t.Fatalf("second import: %d added, analysis %+v; want the new articles compared alone", second.Added, second.Analysis)
	}
	touching := func() string {
		fresh := map[int64]bool{}
		for _, id := range second.Articles {
			fresh[id] = true
		}
		pairs, err := app.StoreOf(svc).Pairs(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, p := range pairs {
			if fresh[p.A] || fresh[p.B] {
				fmt.Fprintf(&b, "%d %d %s %.5f\n", p.A, p.B, p.Kind, p.Score)
			}
		}
		return b.String()
	}
	got := touching()
	if strings.Count(got, "\n") < 5 {
		t.Fatalf("the new articles have %d pairs: the test says little\n%s", strings.Count(got, "\n"), got)
	}
	if _, err := svc.Analyze(ctx, app.AnalyzeOptions{Full: true}, nil); err != nil {
		t.Fatal(err)
	}
	if want := touching(); got != want {
		t.Errorf("pairs of the new articles after the small import:\n%s\nafter a full analysis:\n%s", got, want)
	}
}

// Pages of groups and stories are slices of the whole lists, in order.
func TestGroupsAndStoriesByPage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeStoryCorpus(t, dir, 60)
	svc := openService(t, filepath.Join(t.TempDir(), "archive.db"))
	defer svc.Close()
	if _, err := svc.Import(ctx, []string{dir}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	groups, err := svc.DuplicateGroups(ctx, -1)
	if err != nil {
		t.Fatal(err)
	}
	stories, err := svc.Stories(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) > 0 && len(stories) < 3 && len(stories[0].Articles) >= 3 {
		// The corpus's wires differ only in random common words: make
		// pages to turn by splitting the largest event in three.
		a := stories[0].Articles
		if _, err := svc.Correct(ctx, core.Correction{Kind: core.CorrectSplit, Event: stories[0].ID,
			Parts: [][]int64{{a[0].ID}, {a[1].ID}}}); err != nil {
			t.Fatal(err)
		}
		if stories, err = svc.Stories(ctx, 0); err != nil {
			t.Fatal(err)
		}
	}
	if len(groups) < 3 || len(stories) < 3 {
		t.Fatalf("%d groups and %d stories: the test says little", len(groups), len(stories))
	}
	for _, pg := range []app.Page{{Offset: 0, Limit: 2}, {Offset: 1, Limit: 2}, {Offset: 2, Limit: 100}, {Offset: 1000, Limit: 5}} {
		gotG, err := svc.DuplicateGroupsPage(ctx, -1, pg)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi := min(pg.Offset, len(groups)), min(pg.Offset+pg.Limit, len(groups))
		if fmt.Sprint(gotG) != fmt.Sprint(groups[lo:hi]) {
			t.Errorf("groups page %+v:\n got %v\nwant %v", pg, gotG, groups[lo:hi])
		}
		gotS, err := svc.StoriesPage(ctx, pg)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi = min(pg.Offset, len(stories)), min(pg.Offset+pg.Limit, len(stories))
		if fmt.Sprint(gotS) != fmt.Sprint(stories[lo:hi]) {
			t.Errorf("stories page %+v:\n got %v\nwant %v", pg, gotS, stories[lo:hi])
		}
	}
}

// An analysis with nothing new reads no article again: only the new ones
// are analysed (at a million articles, reading them all takes 25 minutes).
func TestAnalysisWithNothingNewAnalysesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeStoryCorpus(t, dir, 40)
	svc := openService(t, filepath.Join(t.TempDir(), "archive.db"))
	defer svc.Close()
	if _, err := svc.Import(ctx, []string{dir}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	before := findings(t, svc)
	analysed := 0
	sum, err := svc.Analyze(ctx, app.AnalyzeOptions{}, func(p core.Progress) {
		if p.Stage == "analysing" {
			analysed = max(analysed, p.Done)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if analysed != 0 || sum.Analysed != 0 || sum.Pass != "" {
		t.Errorf("analysed %d articles (summary %d, pass %q), want none and no pass", analysed, sum.Analysed, sum.Pass)
	}
	if after := findings(t, svc); after != before {
		t.Errorf("findings changed:\n%s\nwant\n%s", after, before)
	}
}

// An analysis after an import reads what is left to do from the queue of
// new articles, not from the whole archive: articles imported without
// analysis, and articles whose analysis was canceled halfway, must still be
// analysed, counted, quoted, profiled and placed by a later one, with the
// pairs a full analysis finds for them.
func TestIncrementalAnalysisMissesNoArticle(t *testing.T) {
	ctx := context.Background()
	c := gen.Generate(gen.Options{Seed: 5, Events: 60, Distractors: 60})
	root := t.TempDir()
	for i, a := range c.Articles {
		part := "a"
		switch i % 30 {
		case 4:
			part = "b" // imported without analysis
		case 9:
			part = "c" // imported and analysed, with b's
		case 17:
			part = "d" // imported, its analysis canceled
		case 23:
			part = "e" // imported and analysed, with d's
		}
		dir := filepath.Join(root, part, a.Outlet)
		os.MkdirAll(dir, 0o755)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", a.ID)), []byte(a.Title+"\n\n"+a.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	svc := openService(t, filepath.Join(t.TempDir(), "archive.db"))
	defer svc.Close()
	imp := func(ctx context.Context, part string, opt app.ImportOptions, progress core.ProgressFunc) *app.ImportSummary {
		t.Helper()
		sum, err := svc.Import(ctx, []string{filepath.Join(root, part)}, opt, progress)
		if err != nil || sum.Added == 0 {
			t.Fatalf("import of %s: %+v %v", part, sum, err)
		}
		return sum
	}
	imp(ctx, "a", app.ImportOptions{}, nil)
	b := imp(ctx, "b", app.ImportOptions{NoAnalyze: true}, nil)
	cs := imp(ctx, "c", app.ImportOptions{}, nil)
	if an := cs.Analysis; an == nil || an.Pass != "new" || an.Analysed != len(b.Articles)+len(cs.Articles) {
		t.Fatalf("analysis after importing c: %+v; want b's %d and c's %d articles compared alone",
			an, len(b.Articles), len(cs.Articles))
	}
	// Canceled as it starts.
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d := imp(cctx, "d", app.ImportOptions{}, func(p core.Progress) {
		if p.Stage == "counting lines" {
			cancel()
		}
	})
	if d.Analysis != nil {
		t.Fatalf("the canceled analysis finished: %+v", d.Analysis)
	}
	e := imp(ctx, "e", app.ImportOptions{}, nil)
	if e.Analysis == nil {
		t.Fatal("no analysis after importing e")
	}
	fresh := slices.Concat(b.Articles, cs.Articles, d.Articles, e.Articles)

	if problems, err := svc.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %q %v", problems, err)
	}
	if q, _ := app.StoreOf(svc).Queued(ctx); len(q) != 0 {
		t.Errorf("articles still queued after a complete analysis: %v", q)
	}
	stories, err := svc.Stories(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	where := map[int64]int64{}
	for _, s := range stories {
		for _, a := range s.Articles {
			where[a.ID] = s.ID
		}
	}
	if len(where) != e.Analysis.Articles {
		t.Errorf("%d articles in events, want all %d", len(where), e.Analysis.Articles)
	}
	for _, id := range fresh {
		if _, ok := where[id]; !ok {
			t.Errorf("article %d, imported late, is in no event", id)
		}
	}
	pairsOf := func() string {
		pairs, err := app.StoreOf(svc).Pairs(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		for _, p := range pairs {
			if slices.Contains(fresh, p.A) || slices.Contains(fresh, p.B) {
				fmt.Fprintf(&sb, "%d %d %s %.5f\n", p.A, p.B, p.Kind, p.Score)
			}
		}
		return sb.String()
	}
	got := pairsOf()
	if strings.Count(got, "\n") < 5 {
		t.Fatalf("the late articles have %d pairs: the test says little\n%s", strings.Count(got, "\n"), got)
	}
	if _, err := svc.Analyze(ctx, app.AnalyzeOptions{Full: true}, nil); err != nil {
		t.Fatal(err)
	}
	if want := pairsOf(); got != want {
		t.Errorf("pairs of the late articles:\n%s\nafter a full analysis:\n%s", got, want)
	}
}
