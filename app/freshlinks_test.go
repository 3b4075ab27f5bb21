package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/bench/eval/gen"
)

// An import links its new articles together, sharing the reads of key
// counts, key holders, candidates' profiles and census: each article gets
// the links it gets when linked alone with reads of its own and whole
// profiles, whatever group it is linked in.
func TestArticlesLinkedTogetherAsAlone(t *testing.T) {
	ctx := context.Background()
	c := gen.Generate(gen.Options{Seed: 5, Events: 60, Distractors: 120})
	dir := t.TempDir()
	for _, a := range c.Articles {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", a.ID)), []byte(a.Title+"\n\n"+a.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	svc := openService(t, filepath.Join(t.TempDir(), "a.db"))
	defer svc.Close()
	if _, err := svc.Import(ctx, []string{dir}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	ids, err := app.StoreOf(svc).ArticleIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 200 {
		t.Fatalf("%d articles: too few for a census", len(ids))
	}
	linked := 0
	for _, group := range [][]int64{ids, ids[:1], ids[40:97]} {
		got, err := app.FreshLinksTogether(ctx, svc, group)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range group {
			want, err := app.FreshLinksAlone(ctx, svc, x)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got[x], want) {
				t.Fatalf("article %d in a group of %d: links %+v, alone %+v", x, len(group), got[x], want)
			}
			linked += len(want)
		}
	}
	if linked == 0 {
		t.Fatal("no article has a link: the comparison says nothing")
	}
}
