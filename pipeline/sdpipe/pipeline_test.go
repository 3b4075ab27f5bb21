package sdpipe

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "modernc.org/sqlite"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/bench/eval/gen"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/evidence"
)

// corpus writes the seed articles and what makes each analysis step do
// something: a reworded copy (near duplicate), the same bytes in another
// folder (one article, two locations), records in a JSONL file, and a
// folder whose articles share a footer line (boilerplate by count).
func corpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	seeds, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var texts []string
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		write("seeds/"+filepath.Base(s), string(b))
	}
	write("copies/again.txt", texts[0])
	// A corpus's own documentation, which an import skips (the BBC corpus
	// has one): the pipeline must skip it too.
	write("seeds/README.TXT", "Seed articles for the comparison, one story per file, written for the tests.")
	words := strings.Fields(texts[1])
	for i := 7; i < len(words); i += 23 {
		words[i] = "altered"
	}
	write("reworded/near.txt", strings.Join(words, " "))
	var jsonl strings.Builder
	for i, tx := range texts[2:] {
		fmt.Fprintf(&jsonl, "{\"title\": \"Record %d\", \"text\": %q}\n", i, tx+"\nAdded in the wire copy.")
	}
	write("wire/records.jsonl", jsonl.String())
	for i := 0; i < 6; i++ {
		write(fmt.Sprintf("site/%02d.txt", i), fmt.Sprintf("Item %d\n\nCouncil meets on day %d to discuss budget line %d and road %d.\n\nFollow us on the site for more news", i, i, i*7, i*13))
	}
	return dir
}

var companies = []string{"Alderwick", "Brannigan", "Castellor", "Dunmore", "Everleigh", "Fairbourne", "Grisewood",
	"Hollingsby", "Ingleton", "Jarrowfield", "Kettlewell", "Lindqvist", "Marchbank", "Northcote", "Ormsby",
	"Pendlebury", "Quarrington", "Rathbone", "Sutherby", "Tremayne", "Umberleigh", "Vantongeren", "Whitmore"}

// censusCorpus is corpus with enough articles (over 200) for the archive's
// census to weigh the same-event score, and names most of it holds: a
// contracts desk's notices all name the same desk, agency and exchange (a
// quarter of the archive), beside generated news of many events.
func censusCorpus(t *testing.T) string {
	t.Helper()
	dir := corpus(t)
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 3*len(companies); i++ {
		company := companies[i%len(companies)] + []string{"", " Brothers", " Industries"}[i/len(companies)]
		write(fmt.Sprintf("notices/%03d.txt", i), fmt.Sprintf("%s Holdings wins Pentagon contract\n\n%s Holdings said on Tuesday the Pentagon awarded it a %d.%d mln dlr contract, "+
			"the Defense Logistics Agency said. The Pentagon listed the award on Nasdaq filings; %s Holdings shares rose on Nasdaq. Reuter\n",
			company, company, 10+i, i%10, company))
	}
	for _, a := range gen.Generate(gen.Options{Seed: 3, Events: 20, Distractors: 40}).Articles {
		write(fmt.Sprintf("news/%05d.txt", a.ID), a.Title+"\n\n"+a.Text)
	}
	return dir
}

type facts struct {
	// census is how many articles have a profile, common how many keys
	// more than 3% of them (and 20 or more) hold: the keys the archive's
	// census weighs down.
	census, common                          int
	articles, pairs, links, events, threads []string
}

// read collects an archive's findings named by content, not by id.
func read(t *testing.T, path string) facts {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := func(query string) []string {
		rows, err := db.Query(query)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		slices.Sort(out)
		return out
	}
	qi := func(query string) int {
		var n int
		if err := db.QueryRow(query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	var f facts
	f.census = qi(`SELECT count(*) FROM profiles`)
	f.common = qi(`SELECT count(*) FROM key_counts WHERE n >= 20 AND n * 100 > 3 * (SELECT count(*) FROM profiles)`)
	f.articles = q(`SELECT sha256 || ' ' || (SELECT group_concat(path || '#' || record, ',') FROM (SELECT path, record FROM article_files WHERE article_id = a.id ORDER BY path, record)) FROM articles a`)
	f.pairs = q(`SELECT x.sha256 || ' ' || y.sha256 || ' ' || p.kind || ' ' || printf('%.6f', p.score) FROM pairs p JOIN articles x ON x.id = p.a JOIN articles y ON y.id = p.b`)
	f.links = q(`SELECT x.sha256 || ' ' || y.sha256 || ' ' || printf('%.5f %.5f', l.event_p, l.thread_p) FROM event_links l JOIN articles x ON x.id = l.a JOIN articles y ON y.id = l.b`)
	members := `(SELECT group_concat(sha256, ',') FROM (SELECT a.sha256 FROM event_members m JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id ORDER BY a.sha256))`
	f.events = q(`SELECT ` + members + ` FROM events e`)
	f.threads = q(`SELECT group_concat(ev, ' | ') FROM (SELECT te.thread_id AS t, ` + members + ` AS ev FROM thread_events te JOIN events e ON e.id = te.event_id ORDER BY ev) GROUP BY t`)
	return f
}

func compare(t *testing.T, what string, want, got []string) {
	t.Helper()
	if !slices.Equal(want, got) {
		t.Errorf("%s differ: import has %d, the merged analysis %d\nimport: %q\nmerged: %q", what, len(want), len(got), want, got)
	}
}

func runPipeline(t *testing.T, inputs []string, out string) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, Options{Inputs: inputs, Output: out, Shards: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatalf("pipeline on Prism: %v", err)
	}
}

// The pipeline run on Prism and merged gives the archive an import of the
// same folder gives: the same articles and locations, pairs with their
// scores, links, events and threads; merging twice adds nothing. The
// corpus is large enough for the archive's census to weigh the links, and
// holds keys common enough for it to weigh them down.
func TestPipelineMatchesImport(t *testing.T) {
	ctx := context.Background()
	in := os.Getenv("STORYDIFF_COMPARE_CORPUS") // a measured run on a real corpus (BENCHMARKS.md)
	if in == "" {
		in = censusCorpus(t)
	}
	work := t.TempDir()

	imported := filepath.Join(work, "imported.db")
	svc, err := app.Open(ctx, imported)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := svc.Import(ctx, []string{in}, app.ImportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) > 0 {
		t.Fatalf("import failed files: %v", sum.Failed)
	}
	svc.Close()

	t.Logf("import with analysis: %.1f s", sum.Seconds+sum.Analysis.Seconds)
	out := filepath.Join(work, "analysis")
	started := time.Now()
	runPipeline(t, []string{in}, out)
	t.Logf("pipeline on Prism: %.1f s", time.Since(started).Seconds())

	merged := filepath.Join(work, "merged.db")
	svc, err = app.Open(ctx, merged)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	ms, err := svc.ImportAnalysis(ctx, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("merge: %.1f s", ms.Seconds)
	if ms.Added != sum.Added {
		t.Errorf("merged %d articles, the import added %d", ms.Added, sum.Added)
	}
	if a := ms.Analysis; a == nil || a.Analysed != 0 || a.Pass != "" {
		t.Errorf("the analysis after merging recomputed something: %+v", a)
	}
	want, got := read(t, imported), read(t, merged)
	if len(want.pairs) == 0 || len(want.events) == 0 {
		t.Fatalf("the corpus makes no pairs or events: the comparison would prove nothing")
	}
	if os.Getenv("STORYDIFF_COMPARE_CORPUS") == "" && (!evidence.CensusApplies(want.census) || want.common == 0) {
		t.Fatalf("%d profiled articles, %d common keys: the archive's census weighs nothing, the comparison would not cover it", want.census, want.common)
	}
	t.Logf("%d profiled articles, %d keys the census weighs down", want.census, want.common)
	t.Logf("%d articles, %d pairs, %d links, %d events, %d threads", len(want.articles), len(want.pairs), len(want.links), len(want.events), len(want.threads))
	compare(t, "articles", want.articles, got.articles)
	compare(t, "pairs", want.pairs, got.pairs)
	compare(t, "links", want.links, got.links)
	compare(t, "events", want.events, got.events)
	compare(t, "threads", want.threads, got.threads)

	again, err := svc.ImportAnalysis(ctx, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Status != "already merged" {
		t.Errorf("merging again: %+v", again)
	}
	if after := read(t, merged); !slices.Equal(after.articles, got.articles) || !slices.Equal(after.pairs, got.pairs) {
		t.Error("merging again changed the archive")
	}
}

// A folder the pipeline has not finished (no manifest, or a shard that does
// not match it) is refused before anything is stored.
func TestMergeRefusesUnfinishedFolder(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "analysis")
	runPipeline(t, []string{corpus(t)}, out)
	shards, _ := filepath.Glob(filepath.Join(out, "pairs-*.jsonl"))
	if len(shards) == 0 {
		t.Fatal("no pair shards written")
	}
	if err := os.WriteFile(shards[0], []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	svc, err := app.Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.ImportAnalysis(ctx, out, nil); err == nil || !strings.Contains(err.Error(), "does not match the manifest") {
		t.Errorf("an altered shard: %v", err)
	}
	os.Remove(filepath.Join(out, "manifest.json"))
	if _, err := svc.ImportAnalysis(ctx, out, nil); err == nil || !strings.Contains(err.Error(), "has not finished") {
		t.Errorf("no manifest: %v", err)
	}
	if ids, _ := svc.ListArticles(ctx, core.ListQuery{Limit: 1}); ids != nil && ids.Total != 0 {
		t.Errorf("a refused merge stored %d articles", ids.Total)
	}
}

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}
