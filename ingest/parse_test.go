package ingest_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
)

// want lists the fields a case checks; empty strings are checked too, so a
// case states what must not be found as well as what must.
type want struct {
	format, enc, title, outlet, byline, url, lang string
	published                                     string // RFC 3339 date or date-time, "" for none
	from                                          string
	raw                                           string // PublishedRaw, checked when set
	text                                          string // exact text, when set
	textHas                                       []string
}

func checkDoc(t *testing.T, d core.Document, w want) {
	t.Helper()
	pub := ""
	if d.Published != nil {
		pub = d.Published.Format(time.RFC3339)
		if len(w.published) == 10 {
			pub = d.Published.Format("2006-01-02")
		}
	}
	for _, c := range []struct{ field, got, want string }{
		{"Format", d.Format, w.format}, {"Encoding", d.Encoding, w.enc}, {"Title", d.Title, w.title},
		{"Outlet", d.Outlet, w.outlet}, {"Byline", d.Byline, w.byline}, {"URL", d.URL, w.url},
		{"Language", d.Language, w.lang}, {"Published", pub, w.published}, {"PublishedFrom", d.PublishedFrom, w.from},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if w.raw != "" && d.PublishedRaw != w.raw {
		t.Errorf("PublishedRaw = %q, want %q", d.PublishedRaw, w.raw)
	}
	if w.text != "" && d.Text != w.text {
		t.Errorf("Text = %q, want %q", d.Text, w.text)
	}
	for _, s := range w.textHas {
		if !strings.Contains(d.Text, s) {
			t.Errorf("Text lacks %q; got %q", s, d.Text)
		}
	}
}

const story = "Ferry timetable approved\n\nThe harbour council voted on Monday evening to approve a new ferry timetable that adds two early crossings on weekdays, after months of complaints from commuters.\n\nThe operator said it would hire three more deckhands before the new schedule starts.\n"

func TestParseSingleDocument(t *testing.T) {
	page, err := os.ReadFile("../testdata/ingest/page.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		data string
		want want
	}{
		{
			name: "plain text keeps every line",
			path: "a/story.txt", data: strings.ReplaceAll(story, "\n", "\r\n"),
			want: want{format: "txt", enc: "utf-8", title: "Ferry timetable approved", lang: "en", text: story},
		},
		{
			name: "text with a date in its first five lines",
			path: "story.text", data: story + "\n2024-07-27 12:30:09\n",
			want: want{format: "txt", enc: "utf-8", title: "Ferry timetable approved", lang: "en", published: "2024-07-27T12:30:09Z", from: "top line"},
		},
		{
			name: "markdown heading is the title",
			path: "story.md", data: "Some intro line\n\n# Ferry timetable approved #\n\n" + story[26:],
			want: want{format: "md", enc: "utf-8", title: "Ferry timetable approved", lang: "en", textHas: []string{"# Ferry timetable approved #"}},
		},
		{
			name: "markdown setext heading",
			path: "story.markdown", data: "Ferry timetable approved\n========================\n\n" + story[26:],
			want: want{format: "md", enc: "utf-8", title: "Ferry timetable approved", lang: "en"},
		},
		{
			name: "markdown front matter",
			path: "story.md", data: "---\ntitle: \"Ferry timetable approved\"\ndate: 2023-03-14\nsource: Coastal Gazette\nauthor: Mara Lindqvist\nurl: https://gazette.example.org/ferry\nlang: en-GB\n---\n" + story[26:],
			want: want{format: "md", enc: "utf-8", title: "Ferry timetable approved", outlet: "Coastal Gazette", byline: "Mara Lindqvist", url: "https://gazette.example.org/ferry", lang: "en", published: "2023-03-14", from: "front matter:date", textHas: []string{"title: \"Ferry timetable approved\""}},
		},
		{
			name: "markdown toml front matter",
			path: "story.md", data: "+++\ntitle = \"Ferry timetable approved\"\ndate = 2023-03-14T09:30:00Z\npublisher = \"Coastal Gazette\"\n+++\n" + story[26:],
			want: want{format: "md", enc: "utf-8", title: "Ferry timetable approved", outlet: "Coastal Gazette", lang: "en", published: "2023-03-14T09:30:00Z", from: "front matter:date"},
		},
		{
			name: "html page",
			path: "page.html", data: string(page),
			want: want{format: "html", enc: "utf-8", title: "Harbour council approves new ferry timetable", outlet: "The Coastal Gazette", byline: "Mara Lindqvist", url: "https://gazette.example.org/news/ferry-timetable", lang: "en", published: "2023-03-14T09:30:00Z", from: "meta:article:published_time", raw: "2023-03-14T09:30:00Z",
				textHas: []string{"fish market.\n\nCouncillor Ivo Brandt", "he told the meeting.\n\"This is their timetable, not ours.\""}},
		},
		{
			name: "html date read from the page text keeps only the date",
			path: "visible-date.html", data: strings.Replace(strings.Replace(string(page), `<meta property="article:published_time" content="2023-03-14T09:30:00Z">`, "", 1), `<p class="byline">By Mara Lindqvist</p>`, `<p class="byline"><span class="date">March 14, 2023 by Mara Lindqvist</span></p>`, 1),
			want: want{format: "html", enc: "utf-8", title: "Harbour council approves new ferry timetable", outlet: "The Coastal Gazette", byline: "Mara Lindqvist", url: "https://gazette.example.org/news/ferry-timetable", lang: "en", published: "2023-03-14", from: "page", raw: "March 14, 2023"},
		},
		{
			name: "url from the browser's saved-from mark",
			path: "saved.html", data: "<!-- saved from url=(0042)https://www.gazette.example.org/ferry-news -->\n" + strings.Replace(string(page), `<meta property="og:url" content="https://gazette.example.org/news/ferry-timetable">`, "", 1),
			want: want{format: "html", enc: "utf-8", title: "Harbour council approves new ferry timetable", outlet: "The Coastal Gazette", byline: "Mara Lindqvist", url: "https://www.gazette.example.org/ferry-news", lang: "en", published: "2023-03-14T09:30:00Z", from: "meta:article:published_time"},
		},
		{
			name: "url from a SingleFile header",
			path: "single.html", data: strings.Replace(strings.Replace(string(page), `<meta property="og:url" content="https://gazette.example.org/news/ferry-timetable">`, "", 1), "<html lang=\"en\">", "<html lang=\"en\"><!--\n Page saved with SingleFile \n url: https://gazette.example.org/s/1 \n saved date: Tue Mar 14 2023 10:00:00 GMT+0000\n-->", 1),
			want: want{format: "html", enc: "utf-8", title: "Harbour council approves new ferry timetable", outlet: "The Coastal Gazette", byline: "Mara Lindqvist", url: "https://gazette.example.org/s/1", lang: "en", published: "2023-03-14T09:30:00Z", from: "meta:article:published_time"},
		},
		{
			name: "web page saved as .txt is read as html",
			path: "page.txt", data: "\n  " + string(page),
			want: want{format: "html", enc: "utf-8", title: "Harbour council approves new ferry timetable", outlet: "The Coastal Gazette", byline: "Mara Lindqvist", url: "https://gazette.example.org/news/ferry-timetable", lang: "en", published: "2023-03-14T09:30:00Z", from: "meta:article:published_time"},
		},
		{
			name: "html declaring a charset is decoded with it",
			path: "page.htm", data: strings.Replace(strings.Replace(string(page), `<meta charset="utf-8">`, `<meta charset="iso-8859-15">`, 1), "40,000 euros", "40,000 \xa4", 1),
			want: want{format: "html", enc: "iso-8859-15", title: "Harbour council approves new ferry timetable", outlet: "The Coastal Gazette", byline: "Mara Lindqvist", url: "https://gazette.example.org/news/ferry-timetable", lang: "en", published: "2023-03-14T09:30:00Z", from: "meta:article:published_time", textHas: []string{"40,000 €"}},
		},
		{
			// The charset is declared after the first 1,024 bytes, where the
			// HTML standard's prescan stops; the bytes are Windows-1250.
			name: "html declaring a charset late",
			path: "late.html", data: strings.Replace(strings.Replace(string(page), `<meta charset="utf-8">`, "<script>"+strings.Repeat("/* filler */ ", 100)+"</script><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\">", 1), "Agnes Holm", "Agnieszka Wi\x9cniewska z \xbf\xf3\xb3tej", 1),
			want: want{format: "html", enc: "windows-1250", title: "Harbour council approves new ferry timetable", outlet: "The Coastal Gazette", byline: "Mara Lindqvist", url: "https://gazette.example.org/news/ferry-timetable", lang: "en", published: "2023-03-14T09:30:00Z", from: "meta:article:published_time", textHas: []string{"Agnieszka Wiśniewska z żółtej"}},
		},
		{
			name: "unknown extension holding json",
			path: "dump.data", data: `{"headline": "Ferry timetable approved", "body": "The harbour council voted on Monday to approve a new ferry timetable for the islands."}`,
			want: want{format: "json", enc: "utf-8", title: "Ferry timetable approved", lang: "en"},
		},
		{
			name: "unknown extension, text starting with a bracket",
			path: "story.news", data: "[Updated] " + story,
			want: want{format: "txt", enc: "utf-8", title: "[Updated] Ferry timetable approved", lang: "en"},
		},
		{
			name: "unknown extension holding text",
			path: "README", data: story,
			want: want{format: "txt", enc: "utf-8", title: "Ferry timetable approved", lang: "en"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ingest.Parse(tt.path, []byte(tt.data))
			if err != nil {
				t.Fatalf("Parse() error = %v", err)
			}
			if len(docs) != 1 {
				t.Fatalf("Parse() gave %d documents, want 1", len(docs))
			}
			d := docs[0]
			if d.Path != tt.path || d.Record != 0 || string(d.Original) != tt.data {
				t.Errorf("Path, Record, Original = %q, %d, %d bytes; want %q, 0, the input", d.Path, d.Record, len(d.Original), tt.path)
			}
			checkDoc(t, d, tt.want)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, path, data, wantErr string
	}{
		{"empty text file", "a.txt", "", "empty file"},
		{"binary file", "a.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"},
		{"html without article text", "a.html", "<html><head><title>Empty</title><script>var a = 1;</script></head><body><div></div></body></html>", "no article text"},
		{"html nested beyond the parser's limit", "a.html", "<html><body>" + strings.Repeat("<div>", 10000) + "<p>text</p></body></html>", "cannot parse HTML"},
		{"invalid json", "a.json", `{"title": "x", "text": `, "invalid JSON"},
		{"json scalar", "a.json", `42`, "neither an article object"},
		{"json with neither text nor title", "a.json", `{"id": 1, "url": "https://a.example/1"}`, "neither text nor title"},
		{"json text of the wrong type", "a.json", `{"title": "t", "text": 12}`, `field "text" is a number, want a string`},
		{"json text empty", "a.json", `{"text": "  "}`, `field "text" is empty`},
		{"deeply nested json", "a.json", `{"text": "x", "extra": ` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}`, "invalid JSON"},
		{"empty json array", "a.json", `[]`, "no records"},
		{"blank jsonl", "a.jsonl", "\n \n", "no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ingest.Parse(tt.path, []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Parse() = %d docs, error %v; want error containing %q", len(docs), err, tt.wantErr)
			}
			if len(docs) != 0 {
				t.Errorf("Parse() gave %d documents with the error, want 0", len(docs))
			}
			if code := core.ErrorCode(err); code != core.EINVALID {
				t.Errorf("error code = %q, want %q", code, core.EINVALID)
			}
		})
	}
}

func TestParseRecords(t *testing.T) {
	const (
		rec1 = `{"title": "First", "text": "The harbour council voted on Monday to approve a new ferry timetable.", "url": "https://a.example/1", "published_at": "2022-10-21T15:25:00Z", "source": {"id": "cg", "name": "Coastal Gazette"}, "authors": ["A. Writer", "B. Writer"]}`
		rec2 = `{"headline": "Second", "body": ["Der Stadtrat hat am Montag einen neuen Fahrplan für die Fähre beschlossen.", "Die Pendler hatten sich lange beschwert."], "pubDate": "Fri, 21 Oct 2022 15:25:00 GMT", "outlet": "Küstenblatt", "lang": "de"}`
		rec3 = `{"title": 7, "content": "Only the text is a string; the title has the wrong type.", "date": 1666365900}`
	)
	type rec struct {
		record int
		want   want
		orig   string
	}
	first := want{format: "json", enc: "utf-8", title: "First", outlet: "Coastal Gazette", byline: "A. Writer, B. Writer", url: "https://a.example/1", lang: "en", published: "2022-10-21T15:25:00Z", from: "field:published_at"}
	second := want{format: "json", enc: "utf-8", title: "Second", outlet: "Küstenblatt", lang: "de", published: "2022-10-21T15:25:00Z", from: "field:pubDate", textHas: []string{"beschlossen.\n\nDie Pendler"}}
	third := want{format: "json", enc: "utf-8", title: "7", lang: "en", published: "2022-10-21T15:25:00Z", from: "field:date"}
	asJSONL := func(w want) want { w.format = "jsonl"; return w }
	tests := []struct {
		name       string
		path, data string
		want       []rec
		wantBad    []int // records reported in a *RecordErrors
	}{
		{name: "json array", path: "a.json", data: "[" + rec1 + ",\n" + rec2 + "]", want: []rec{{1, first, rec1}, {2, second, rec2}}},
		{name: "json wrapper object", path: "a.json", data: `{"status": "ok", "articles": [` + rec1 + `]}`, want: []rec{{1, first, rec1}}},
		{name: "detected language beats a declared one", path: "a.json", data: `[{"text": "Der Stadtrat hat am Montag einen neuen Fahrplan für die Fähre beschlossen, nachdem sich die Pendler lange beschwert hatten.", "lang": "en"}]`, want: []rec{{1, want{format: "json", enc: "utf-8", title: "Der Stadtrat hat am Montag einen neuen Fahrplan für die Fähre beschlossen, nachdem sich die Pendler lange beschwert hatten.", lang: "de"}, `{"text": "Der Stadtrat hat am Montag einen neuen Fahrplan für die Fähre beschlossen, nachdem sich die Pendler lange beschwert hatten.", "lang": "en"}`}}},
		{name: "declared language when detection is unsure", path: "a.json", data: `[{"text": "OK 42", "lang": "fr-CA"}]`, want: []rec{{1, want{format: "json", enc: "utf-8", title: "OK 42", lang: "fr"}, `{"text": "OK 42", "lang": "fr-CA"}`}}},
		{name: "wordpress export with html content", path: "posts.json", data: `[{"title": {"rendered": "Ferry &amp; timetable"}, "content": {"rendered": "<p>The council voted on Monday.</p>\n<p>It adds <b>two</b> crossings.<br>Early ones.</p>"}, "date": "2023-03-14T09:30:00", "link": "https://gazette.example.org/ferry"}]`,
			want: []rec{{1, want{format: "json", enc: "utf-8", title: "Ferry & timetable", url: "https://gazette.example.org/ferry", outlet: "gazette.example.org", lang: "en", published: "2023-03-14T09:30:00Z", from: "field:date", text: "The council voted on Monday.\n\nIt adds two crossings.\nEarly ones."}, `{"title": {"rendered": "Ferry &amp; timetable"}, "content": {"rendered": "<p>The council voted on Monday.</p>\n<p>It adds <b>two</b> crossings.<br>Early ones.</p>"}, "date": "2023-03-14T09:30:00", "link": "https://gazette.example.org/ferry"}`}}},
		{name: "outlet from the url", path: "a.json", data: `[{"text": "The harbour council voted on Monday to approve a new ferry timetable.", "link": "https://www.Gazette.example.org/ferry"}]`, want: []rec{{1, want{format: "json", enc: "utf-8", title: "The harbour council voted on Monday to approve a new ferry timetable.", url: "https://www.Gazette.example.org/ferry", outlet: "gazette.example.org", lang: "en"}, `{"text": "The harbour council voted on Monday to approve a new ferry timetable.", "link": "https://www.Gazette.example.org/ferry"}`}}},
		{name: "json array with a bad record", path: "a.json", data: "[" + rec1 + `, 5, {"id": "neither text nor title"}, ` + rec3 + "]", want: []rec{{1, first, rec1}, {4, third, rec3}}, wantBad: []int{2, 3}},
		{name: "jsonl with a broken line", path: "a.jsonl", data: rec1 + "\n\n{\"text\": broken\n" + rec2 + "\n", want: []rec{{1, asJSONL(first), rec1}, {4, asJSONL(second), rec2}}, wantBad: []int{3}},
		{name: "ndjson with crlf", path: "a.ndjson", data: rec1 + "\r\n" + rec3 + "\r\n", want: []rec{{1, asJSONL(first), rec1}, {2, asJSONL(third), rec3}}},
		{name: "json lines in a .json file", path: "a.json", data: rec1 + "\n" + rec2 + "\n", want: []rec{{1, asJSONL(first), rec1}, {2, asJSONL(second), rec2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ingest.Parse(tt.path, []byte(tt.data))
			var re *ingest.RecordErrors
			switch {
			case len(tt.wantBad) == 0 && err != nil:
				t.Fatalf("Parse() error = %v", err)
			case len(tt.wantBad) > 0 && !errors.As(err, &re):
				t.Fatalf("Parse() error = %v, want a *RecordErrors", err)
			}
			if re != nil {
				var bad []int
				for _, e := range re.Errs {
					bad = append(bad, e.Record)
				}
				if !equalInts(bad, tt.wantBad) {
					t.Errorf("bad records = %v, want %v", bad, tt.wantBad)
				}
				if re.Total != len(tt.want)+len(tt.wantBad) {
					t.Errorf("Total = %d, want %d", re.Total, len(tt.want)+len(tt.wantBad))
				}
				if code := core.ErrorCode(err); code != core.EINVALID {
					t.Errorf("error code = %q, want %q", code, core.EINVALID)
				}
			}
			if len(docs) != len(tt.want) {
				t.Fatalf("Parse() gave %d documents, want %d", len(docs), len(tt.want))
			}
			for i, w := range tt.want {
				if docs[i].Record != w.record {
					t.Errorf("doc %d: Record = %d, want %d", i, docs[i].Record, w.record)
				}
				if string(docs[i].Original) != w.orig {
					t.Errorf("doc %d: Original = %q, want the record's bytes %q", i, docs[i].Original, w.orig)
				}
				checkDoc(t, docs[i], w.want)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRecordErrorsMessage(t *testing.T) {
	var lines []string
	for range 8 {
		lines = append(lines, "not json")
	}
	lines = append(lines, `{"text": "fine"}`)
	_, err := ingest.Parse("a.jsonl", []byte(strings.Join(lines, "\n")))
	got := core.ErrorMessage(err)
	for _, s := range []string{"8 of 9 records unreadable", "line 1: invalid JSON", "and 3 more"} {
		if !strings.Contains(got, s) {
			t.Errorf("message %q lacks %q", got, s)
		}
	}
}

func TestParseContextCanceled(t *testing.T) {
	var b strings.Builder
	for range 1000 {
		b.WriteString(`{"text": "The harbour council voted on Monday to approve a new ferry timetable."}` + "\n")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs, err := ingest.ParseContext(ctx, "many.jsonl", []byte(b.String()))
	if !errors.Is(err, context.Canceled) || core.ErrorCode(err) != core.ECANCELED {
		t.Fatalf("ParseContext() = %d docs, %v; want a canceled error wrapping context.Canceled", len(docs), err)
	}
	if docs != nil {
		t.Errorf("ParseContext() gave %d documents with the cancellation, want none", len(docs))
	}
	docs, err = ingest.ParseContext(context.Background(), "many.jsonl", []byte(b.String()))
	if err != nil || len(docs) != 1000 {
		t.Errorf("ParseContext() without cancel = %d docs, %v; want 1000", len(docs), err)
	}
}
