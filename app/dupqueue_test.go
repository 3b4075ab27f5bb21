package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// queueText is an article of distinct words, so that copies of it are
// duplicates of each other and of nothing else.
func queueText(seed int64) string {
	rng := rand.New(rand.NewSource(seed))
	var b strings.Builder
	fmt.Fprintf(&b, "Headline %d\n\n", seed)
	for p := 0; p < 8; p++ {
		for w := 0; w < 25; w++ {
			fmt.Fprintf(&b, "w%dx%d ", seed, rng.Intn(100000))
		}
		b.WriteString("end.\n\n")
	}
	return b.String()
}

// edited is text with its last paragraph rewritten: a near-duplicate.
func edited(text string, how string) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	paras[len(paras)-1] = "A paragraph written anew " + how + " for this version alone, with other words."
	return strings.Join(paras, "\n\n") + "\n"
}

// queueArchive holds two near-duplicate pairs, one exact pair (the same
// text in capitals), and one article found at two paths.
func queueArchive(t *testing.T) (*app.Service, string, map[string]int64) {
	svc, dir, _, ids := queueArchiveAt(t)
	return svc, dir, ids
}

func queueArchiveAt(t *testing.T) (*app.Service, string, string, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	files := map[string]string{
		"near1-a.txt": queueText(1), "near1-b.txt": edited(queueText(1), "once"),
		"near2-a.txt": queueText(2), "near2-b.txt": edited(queueText(2), "once"),
		"exact-a.txt": queueText(3), "exact-b.txt": strings.ToUpper(queueText(3)),
		"paths-a.txt": queueText(4), "sub/paths-b.txt": queueText(4),
		"alone.txt": queueText(5),
	}
	for name, text := range files {
		writeFile(t, filepath.Join(dir, name), text)
	}
	dbPath := filepath.Join(t.TempDir(), "archive.db")
	svc := openService(t, dbPath)
	t.Cleanup(func() { svc.Close() })
	if _, err := svc.Import(ctx, []string{dir}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for name := range files {
		id, err := svc.ResolveArticle(ctx, filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ids[name] = id
	}
	return svc, dir, dbPath, ids
}

func queue(t *testing.T, svc *app.Service, q app.DuplicateQuery) *app.DuplicateQueue {
	t.Helper()
	got, err := svc.DuplicateQueue(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// The queue lists near-duplicates before exact copies, counts them all
// whatever the page, and summarises an article found at two paths apart
// instead of offering it as a group to decide on.
func TestDuplicateQueueNearFirstWithTrueCounts(t *testing.T) {
	svc, _, ids := queueArchive(t)
	q := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1, Page: app.Page{Limit: 1}})
	want := app.DuplicateCounts{Groups: 3, Near: 2, Exact: 1, Reviewed: 0, Unreviewed: 3, SeveralPaths: 1}
	if q.Counts != want || q.Total != 3 || len(q.Groups) != 1 {
		t.Fatalf("first page of one: counts %+v total %d, %d groups; want %+v, 3, 1", q.Counts, q.Total, len(q.Groups), want)
	}
	all := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1, Show: app.ShowAll})
	var kinds []string
	for _, g := range all.Groups {
		kinds = append(kinds, g.Kind)
		if g.SeveralPaths || slices.Contains(g.Articles, ids["paths-a.txt"]) {
			t.Errorf("the article found at two paths is offered as a group: %+v", g)
		}
	}
	if strings.Join(kinds, " ") != "near near exact" {
		t.Errorf("kinds in order %v, want near near exact", kinds)
	}
	// The old listing (the overview's, the report's) ends with the single
	// article, marked.
	groups, err := svc.DuplicateGroups(context.Background(), -1)
	if err != nil {
		t.Fatal(err)
	}
	if last := groups[len(groups)-1]; !last.SeveralPaths || last.Articles[0] != ids["paths-a.txt"] {
		t.Errorf("last group %+v, want the article at two paths, marked", last)
	}
	sp, err := svc.SeveralPaths(context.Background(), app.Page{Limit: 10})
	if err != nil || sp.Total != 1 || len(sp.Articles) != 1 || len(sp.Articles[0].Paths) != 2 {
		t.Fatalf("several paths %+v, %v; want the one article and its two paths", sp, err)
	}
	if err := svc.ReviewDuplicates(context.Background(), []int64{ids["paths-a.txt"]}, core.GroupDuplicates, ids["paths-a.txt"]); err == nil ||
		!strings.Contains(err.Error(), "several paths") {
		t.Errorf("keeping the article found at two paths: %v, want a refusal saying it is one article", err)
	}
	// A high threshold leaves the near-duplicates out, and the counts say so.
	if hi := queue(t, svc, app.DuplicateQuery{MinSimilarity: 0.99}); hi.Counts.Near != 0 || hi.Counts.Exact != 1 || hi.Total != 1 {
		t.Errorf("at 0.99: %+v total %d, want only the exact group", hi.Counts, hi.Total)
	}
}

// A verdict takes its group out of the unreviewed queue and into the
// reviewed one, with the copy kept; it survives closing the archive; an
// undo puts the group back.
func TestDuplicateReviewPersistsAndUndoes(t *testing.T) {
	ctx := context.Background()
	svc, _, path, ids := queueArchiveAt(t)
	first := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1}).Groups[0]
	keep := first.Articles[1]
	if err := svc.ReviewDuplicates(ctx, first.Articles, core.GroupDuplicates, keep); err != nil {
		t.Fatal(err)
	}
	second := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1}).Groups[0]
	if err := svc.ReviewDuplicates(ctx, second.Articles, core.GroupNotDuplicates, 0); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	svc = openService(t, path)
	defer svc.Close()
	un := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1})
	if un.Counts.Reviewed != 2 || un.Counts.Unreviewed != 1 || un.Total != 1 || un.Groups[0].Kind != "exact" {
		t.Fatalf("unreviewed after reopening: %+v, %+v; want only the exact group left", un.Counts, un.Groups)
	}
	rev := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1, Show: app.ShowReviewed})
	if rev.Total != 2 {
		t.Fatalf("reviewed: %d groups, want 2", rev.Total)
	}
	got := map[string]string{}
	for _, g := range rev.Groups {
		got[fmt.Sprint(g.Articles)] = fmt.Sprintf("%s keep %d (group keep %d)", g.Review.Verdict, g.Review.Keep, g.Keep)
	}
	if w := fmt.Sprintf("duplicates keep %d (group keep %d)", keep, keep); got[fmt.Sprint(first.Articles)] != w {
		t.Errorf("first group reviewed as %q, want %q", got[fmt.Sprint(first.Articles)], w)
	}
	if got[fmt.Sprint(second.Articles)] != "not_duplicates keep 0 (group keep 0)" {
		t.Errorf("second group reviewed as %q, want not duplicates", got[fmt.Sprint(second.Articles)])
	}
	// Undo: no verdict, the copy kept before (none).
	if err := svc.ReviewDuplicates(ctx, first.Articles, "", 0); err != nil {
		t.Fatal(err)
	}
	if un := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1}); un.Total != 2 || un.Groups[0].Keep != 0 || un.Groups[0].Review != nil {
		t.Errorf("after the undo: %d unreviewed, first %+v; want the group back, nothing kept", un.Total, un.Groups[0])
	}
	// The command-line form: keep by article marks its group reviewed.
	if err := svc.Keep(ctx, fmt.Sprint(ids["exact-b.txt"]), nil); err != nil {
		t.Fatal(err)
	}
	if un := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1}); un.Counts.Reviewed != 2 || un.Total != 1 {
		t.Errorf("after keep: %+v, want the exact group reviewed", un.Counts)
	}
	if err := svc.ReviewDuplicates(ctx, first.Articles, core.GroupNotDuplicates, keep); err == nil {
		t.Error("a copy kept from a group judged not duplicates was accepted")
	}
	if err := svc.ReviewDuplicates(ctx, []int64{ids["near1-a.txt"], ids["near2-a.txt"]}, core.GroupDuplicates, 0); err == nil ||
		!strings.Contains(err.Error(), "not one duplicate group") {
		t.Errorf("a made-up group: %v, want a refusal", err)
	}
}

// A reviewed group that gains a member is another group: it is unreviewed
// again, shows the earlier review, and keeps its copy kept.
func TestDuplicateReviewWhenTheGroupGrows(t *testing.T) {
	ctx := context.Background()
	svc, dir, ids := queueArchive(t)
	g, err := svc.DuplicateGroupOf(ctx, fmt.Sprint(ids["near1-a.txt"]), -1)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.ReviewDuplicates(ctx, g.Articles, core.GroupDuplicates, ids["near1-a.txt"]); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "later", "near1-c.txt"), edited(queueText(1), "twice"))
	if _, err := svc.Import(ctx, []string{filepath.Join(dir, "later")}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	grown, err := svc.DuplicateGroupOf(ctx, fmt.Sprint(ids["near1-a.txt"]), -1)
	if err != nil {
		t.Fatal(err)
	}
	if len(grown.Articles) != 3 {
		t.Fatalf("group after the import: %v, want three articles", grown.Articles)
	}
	un := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1})
	var found *app.DuplicateGroup
	for i := range un.Groups {
		if slices.Equal(un.Groups[i].Articles, grown.Articles) {
			found = &un.Groups[i]
		}
	}
	if found == nil {
		t.Fatalf("the grown group is not in the unreviewed queue: %+v", un.Groups)
	}
	if found.Review != nil || len(found.Earlier) != 1 || !slices.Equal(found.Earlier[0].Members, g.Articles) || found.Keep != ids["near1-a.txt"] {
		t.Errorf("grown group: review %+v, earlier %+v, keep %d; want unreviewed, the review of %v shown, the copy still kept",
			found.Review, found.Earlier, found.Keep, g.Articles)
	}
	if un.Counts.Reviewed != 0 || un.Counts.Groups != 3 {
		t.Errorf("counts %+v, want nothing reviewed", un.Counts)
	}
}

// The duplicates report carries each group's review as the queue shows it.
func TestDuplicatesReportCarriesReviews(t *testing.T) {
	ctx := context.Background()
	svc, _, ids := queueArchive(t)
	g, err := svc.DuplicateGroupOf(ctx, fmt.Sprint(ids["near2-b.txt"]), -1)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.ReviewDuplicates(ctx, g.Articles, core.GroupDuplicates, ids["near2-b.txt"]); err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := svc.Report(ctx, app.ReportRequest{Kind: "duplicates", Format: "json"}, &buf); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Groups []struct {
			Review       string `json:"review"`
			Verdict      string `json:"verdict"`
			Keep         int64  `json:"keep"`
			SeveralPaths bool   `json:"several_paths"`
			Members      []struct {
				ID int64 `json:"id"`
			} `json:"members"`
		} `json:"groups"`
	}
	if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, gr := range doc.Groups {
		got = append(got, fmt.Sprintf("%s/%s/%d/%v", gr.Review, gr.Verdict, gr.Keep, gr.SeveralPaths))
	}
	want := []string{"unreviewed//0/false", "reviewed/duplicates/" + fmt.Sprint(ids["near2-b.txt"]) + "/false", "unreviewed//0/false", "//0/true"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("report groups %v, want %v", got, want)
	}
}

// The groups are kept between calls until the archive changes: a new
// location of an article already there, or a pair verdict, shows at once.
func TestDuplicateQueueFollowsTheArchive(t *testing.T) {
	ctx := context.Background()
	svc, dir, ids := queueArchive(t)
	before := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1})
	writeFile(t, filepath.Join(dir, "elsewhere", "alone-again.txt"), queueText(5))
	if _, err := svc.Import(ctx, []string{filepath.Join(dir, "elsewhere")}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	after := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1})
	if before.Counts.SeveralPaths != 1 || after.Counts.SeveralPaths != 2 {
		t.Errorf("articles at several paths: %d then %d, want 1 then 2", before.Counts.SeveralPaths, after.Counts.SeveralPaths)
	}
	groups, _ := svc.DuplicateGroups(ctx, -1)
	found := false
	for _, g := range groups {
		found = found || (g.SeveralPaths && g.Articles[0] == ids["alone.txt"])
	}
	if !found {
		t.Errorf("groups %+v: alone.txt, now found at two paths, is not listed", groups)
	}
	if err := svc.Judge(ctx, fmt.Sprint(ids["exact-a.txt"]), fmt.Sprint(ids["exact-b.txt"]), core.RelationDuplicate, false, ""); err != nil {
		t.Fatal(err)
	}
	if q := queue(t, svc, app.DuplicateQuery{MinSimilarity: -1}); q.Counts.Exact != 0 || q.Counts.Groups != 2 {
		t.Errorf("after the exact pair was judged not duplicates: %+v, want the two near groups alone", q.Counts)
	}
}
