package app_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
)

// The library's first pages are served before the badge cache is filled,
// with badges worked out for the page's articles alone; they must be the
// badges the filled cache gives: duplicate groups (exact, near, chained
// through a third copy, split by a verdict, joined by another, an article
// found at two paths), repeats and stories alike.
func TestPageBadgesAreTheCachedBadges(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	seedFiles, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	var texts []string
	for _, f := range seedFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
	}
	// The same bytes at a second path; near copies of two seeds, one of
	// them copied again with another change (a chain of three).
	os.MkdirAll(filepath.Join(dir, "again"), 0o755)
	os.WriteFile(filepath.Join(dir, "again", "copy.txt"), []byte(texts[0]), 0o644)
	near := func(text, name, from, to string) string {
		changed := strings.Replace(text, from, to, 1)
		os.WriteFile(filepath.Join(dir, name), []byte(changed), 0o644)
		return changed
	}
	first := strings.Fields(texts[1])
	n1 := near(texts[1], "near1.txt", first[len(first)-1], "changed")
	near(n1, "near1b.txt", first[len(first)-2], "altered")
	second := strings.Fields(texts[2])
	near(texts[2], "near2.txt", second[len(second)-1], "otherwise")
	near(texts[3]+"\n\nA line added at the end of this copy.", "near3.txt", "", "")
	// The seed found at two paths also has a near copy: one badge, its group's.
	near(texts[0]+"\n\nAnother line added at the end.", "near0.txt", "", "")
	writeCorpusSeed(t, filepath.Join(dir, "gen"), 30, 3)

	svc := openService(t, filepath.Join(t.TempDir(), "archive.db"))
	t.Cleanup(func() { svc.Close() })
	if _, err := svc.Import(ctx, []string{dir}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	groups, err := svc.DuplicateGroups(ctx, -1)
	if err != nil {
		t.Fatal(err)
	}
	// A verdict that splits a group, and one that joins two articles no
	// pair links.
	var split []int64
	for _, g := range groups {
		if len(g.Articles) >= 2 && !g.SeveralPaths {
			split = g.Articles
			break
		}
	}
	if split == nil {
		t.Fatalf("no duplicate group among %d: the test no longer sees what it checks", len(groups))
	}
	ref := func(id int64) string { return strconv.FormatInt(id, 10) }
	if err := svc.Judge(ctx, ref(split[0]), ref(split[1]), "duplicate", false, ""); err != nil {
		t.Fatal(err)
	}
	all, err := svc.ListArticles(ctx, core.ListQuery{Sort: "id", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]int64{}
	var generated []int64
	for _, a := range all.Articles {
		for _, p := range a.Paths {
			byPath[filepath.Base(p)] = a.ID
			if strings.Contains(p, string(filepath.Separator)+"gen"+string(filepath.Separator)) {
				generated = append(generated, a.ID)
			}
		}
	}
	// Two generated articles no pair links, and a generated article with
	// a near copy (its group, near, is reached only through that verdict).
	for _, j := range [][2]int64{{generated[0], generated[1]}, {generated[2], byPath["near2.txt"]}} {
		if j[0] == 0 || j[1] == 0 {
			t.Fatalf("articles not found by path: %v", byPath)
		}
		if err := svc.Judge(ctx, ref(j[0]), ref(j[1]), "duplicate", true, ""); err != nil {
			t.Fatal(err)
		}
	}

	list := func(ui *app.UI) map[int64][]string {
		t.Helper()
		got := map[int64][]string{}
		// One article a page, so that whatever decides its badges lies
		// outside the page.
		for offset := 0; ; offset++ {
			page, err := ui.ListArticles(ctx, app.ListRequest{Offset: offset, Limit: 1, Sort: "id"})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range page.Articles {
				got[a.ID] = a.Badges
			}
			if len(page.Articles) < 1 {
				return got
			}
		}
	}
	ui := app.NewUI(svc)
	paged := list(ui)
	// A badge filter fills the cache; the same pages then come from it.
	if _, err := ui.ListArticles(ctx, app.ListRequest{Badge: app.BadgeStory}); err != nil {
		t.Fatal(err)
	}
	cached := list(ui)
	if len(paged) != len(cached) || len(paged) < 35 {
		t.Fatalf("listed %d articles page by page and %d from the cache", len(paged), len(cached))
	}
	seen := map[string]int{}
	for id, want := range cached {
		if !slices.Equal(paged[id], want) {
			t.Errorf("article %d: badges %v on a page before the cache is filled, %v from the cache", id, paged[id], want)
		}
		for _, b := range want {
			seen[b]++
		}
	}
	for _, b := range []string{app.BadgeDuplicate, app.BadgeNear, app.BadgeRepeat, app.BadgeStory} {
		if seen[b] == 0 {
			t.Errorf("no article has the badge %s (%v): the test no longer sees what it checks", b, seen)
		}
	}
	t.Logf("badges: %v", seen)
}
