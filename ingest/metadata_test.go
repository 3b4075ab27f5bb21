package ingest_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
)

// parseWith parses data as the file name, with popt, and fails the test on
// any error but a *RecordErrors, which it returns.
func parseWith(t *testing.T, name, data string, popt ingest.ParseOptions) ([]core.Document, *ingest.RecordErrors) {
	t.Helper()
	var docs []core.Document
	err := ingest.ParseEachWith(context.Background(), name, []byte(data), popt, func(d core.Document) error {
		docs = append(docs, d)
		return nil
	})
	var re *ingest.RecordErrors
	if err != nil && !errors.As(err, &re) {
		t.Fatalf("ParseEachWith(%s): %v", name, err)
	}
	return docs, re
}

func TestFieldDatesInTheLayoutsArchivesWrite(t *testing.T) {
	cases := []struct {
		name, value string
		want        time.Time
	}{
		{"reuters-21578", `"26-FEB-1987 15:01:01.79"`, time.Date(1987, 2, 26, 15, 1, 1, 790e6, time.UTC)},
		{"reuters-21578, one-digit day", `" 5-MAR-1987 09:11:44.64"`, time.Date(1987, 3, 5, 9, 11, 44, 640e6, time.UTC)},
		{"reuters-21578, debris after a control character", `"27-MAR-1987 00:02:59.13\u0005\u0005\u0005RM"`, time.Date(1987, 3, 27, 0, 2, 59, 130e6, time.UTC)},
		{"iso 8601 with zone", `"2024-07-12T10:00:00+02:00"`, time.Date(2024, 7, 12, 8, 0, 0, 0, time.UTC)},
		{"iso 8601 basic", `"20240712T100000Z"`, time.Date(2024, 7, 12, 10, 0, 0, 0, time.UTC)},
		{"iso 8601 date", `"2024-07-12"`, time.Date(2024, 7, 12, 0, 0, 0, 0, time.UTC)},
		{"rfc 1123", `"Fri, 12 Jul 2024 10:00:00 GMT"`, time.Date(2024, 7, 12, 10, 0, 0, 0, time.UTC)},
		{"rfc 2822 with offset", `"Fri, 12 Jul 2024 10:00:00 +0200"`, time.Date(2024, 7, 12, 8, 0, 0, 0, time.UTC)},
		{"rfc 2822, zone name", `"Fri, 5 Jul 2024 10:00:00 EDT"`, time.Date(2024, 7, 5, 14, 0, 0, 0, time.UTC)},
		{"rfc 2822, comment", `"Fri, 12 Jul 2024 10:00:00 +0000 (UTC)"`, time.Date(2024, 7, 12, 10, 0, 0, 0, time.UTC)},
		{"unix seconds", `1720778400`, time.Date(2024, 7, 12, 10, 0, 0, 0, time.UTC)},
		{"unix seconds as a string", `"1720778400"`, time.Date(2024, 7, 12, 10, 0, 0, 0, time.UTC)},
		{"unix milliseconds", `1720778400123`, time.Date(2024, 7, 12, 10, 0, 0, 123e6, time.UTC)},
		{"unix milliseconds as a string", `"1720778400123"`, time.Date(2024, 7, 12, 10, 0, 0, 123e6, time.UTC)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := `{"title":"Cocoa","pubDate":` + c.value + `,"text":"Showers continued in the Bahia cocoa zone.\nMaturity 2017-06-15"}` + "\n"
			docs, re := parseWith(t, "r.jsonl", rec, ingest.ParseOptions{})
			if re != nil || len(docs) != 1 {
				t.Fatalf("got %d docs, %v", len(docs), re)
			}
			d := docs[0]
			if d.Published == nil || !d.Published.Equal(c.want) {
				t.Fatalf("Published = %v, want %v", d.Published, c.want)
			}
			if d.PublishedFrom != "field:pubDate" || d.PublishedConfidence != core.DateExact {
				t.Errorf("from %q (%q), want field:pubDate (exact)", d.PublishedFrom, d.PublishedConfidence)
			}
		})
	}
}

func TestAnUnreadableDateFieldIsNeverReplacedByTheBody(t *testing.T) {
	rec := `{"title":"Bond issue","date":"the week before last","text":"The bank issued a bond.\nIt matures on 2017-06-15.\n2017-06-15"}` + "\n"
	docs, _ := parseWith(t, "r.jsonl", rec, ingest.ParseOptions{})
	d := docs[0]
	if d.Published != nil {
		t.Fatalf("Published = %v from %q, want undated", d.Published, d.PublishedFrom)
	}
	if d.PublishedRaw != "the week before last" || d.PublishedFrom != "field:date" {
		t.Errorf("raw %q from %q, want the field's value and name kept", d.PublishedRaw, d.PublishedFrom)
	}
}

func TestTextDatesComeOnlyFromTheTop(t *testing.T) {
	body := strings.Repeat("The fund said the notes pay a coupon and are sold at par to investors in Europe and Asia.\n", 6)
	cases := []struct {
		name, text, raw, from string
	}{
		{"maturity in the last line", "Bank sells notes\n\n" + body + "Maturity 2017-06-15\n", "", ""},
		{"a year of history in the body", "Crash anniversary\n\n" + body + "Black Tuesday, October 29, 1929\n\n" + body, "", ""},
		{"a date line below the fifth line", "Title\n1\n2\n3\n4\n5\nMarch 3, 2021\n", "", ""},
		{"wrapped prose in the top lines", "Dividend\nThe company said it will pay the dividend to\nshareholders of record as of April 1, 1987.\n", "", ""},
		{"a date alone that ends a wrapped sentence", "Notes\nThe bank sold notes in a series of debentures due\nJune 15, 2017.\n" + body, "", ""},
		{"a date without a time below the story", "Title\n\n" + body + "\nJune 15, 2017\n", "", ""},
		{"a timestamp below the story", "Title\n\n" + body + "\nTyler Durden\nFri, 10/21/2022 – 15:25\n\nLeave a Reply\n", "Fri, 10/21/2022 – 15:25", ingest.FromFooter},
		{"top line", "Title\nMarch 3, 2021\n\n" + body, "March 3, 2021", ingest.FromTopLine},
		{"a header block", "Title\nBy Jane Doe\nMarch 3, 2021\n\n" + body, "March 3, 2021", ingest.FromTopLine},
		{"labelled top line", "Title\nPublished: 5 May 2021, 10:00\n\n" + body, "5 May 2021, 10:00", ingest.FromTopLine},
		{"byline", "Title\nBy Jane Doe | March 3, 2021\n\n" + body, "March 3, 2021", ingest.FromByline},
		{"dateline opening a long paragraph", "Title\n\nLONDON, March 3, 2021 (Reuters) - " + body, "March 3, 2021", ingest.FromDateline},
		{"dateline with a place in two words", "Title\n\nRio de Janeiro, 21 de octubre de 2022 — " + body, "21 de octubre de 2022", ingest.FromDateline},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, raw, from, ok := ingest.FindDateSource(c.text)
			if ok != (c.raw != "") || raw != c.raw || from != c.from {
				t.Errorf("FindDateSource() = %q from %q (%v), want %q from %q", raw, from, ok, c.raw, c.from)
			}
		})
	}
	docs, _ := parseWith(t, "a.txt", "Title\nBy Jane Doe | March 3, 2021\n\n"+body, ingest.ParseOptions{})
	if d := docs[0]; d.PublishedFrom != ingest.FromByline || d.PublishedConfidence != core.DateText {
		t.Errorf("text file dated from %q (%q), want byline (text)", d.PublishedFrom, d.PublishedConfidence)
	}
}

func TestDateFormatGivenByTheUser(t *testing.T) {
	for _, spec := range []string{"%d/%m/%Y %Hh%M", "02/01/2006 15h04"} {
		l, err := ingest.ParseDateLayout(spec)
		if err != nil {
			t.Fatalf("ParseDateLayout(%q): %v", spec, err)
		}
		docs, _ := parseWith(t, "r.jsonl", `{"text":"Body.","date":"03/04/2021 14h05"}`+"\n", ingest.ParseOptions{DateLayout: l})
		want := time.Date(2021, 4, 3, 14, 5, 0, 0, time.UTC)
		if d := docs[0]; d.Published == nil || !d.Published.Equal(want) {
			t.Errorf("%q: Published = %v, want %v", spec, d.Published, want)
		}
	}
	l, err := ingest.ParseDateLayout("%Y-%m-%d %H:%M:%S.%f")
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := l.Parse("2024-07-12 10:00:00.250"); !ok || !got.Equal(time.Date(2024, 7, 12, 10, 0, 0, 250e6, time.UTC)) {
		t.Errorf("%%f: got %v, %v", got, ok)
	}
	for _, bad := range []string{"", "nonsense", "%Q-%m", "%Y-%m-%d %"} {
		if _, err := ingest.ParseDateLayout(bad); err == nil {
			t.Errorf("ParseDateLayout(%q) accepted", bad)
		}
	}
}

func TestTitleOnlyRecordsAreKept(t *testing.T) {
	data := `{"title":"BANK OF JAPAN BUYS DOLLARS","date":"26-FEB-1987 15:01:01.79"}` + "\n" +
		`{"title":"","body":""}` + "\n" +
		`{"id":"3"}` + "\n"
	docs, re := parseWith(t, "r.jsonl", data, ingest.ParseOptions{})
	if len(docs) != 1 {
		t.Fatalf("got %d docs, want the title-only one", len(docs))
	}
	d := docs[0]
	if !d.NoBody || d.Text != "BANK OF JAPAN BUYS DOLLARS" || d.Title != d.Text || d.Published == nil {
		t.Errorf("title-only record: NoBody %v, text %q, title %q, published %v", d.NoBody, d.Text, d.Title, d.Published)
	}
	if re == nil || len(re.Errs) != 2 || re.Errs[0].Record != 2 || re.Errs[1].Record != 3 {
		t.Fatalf("want records 2 and 3 reported, got %v", re)
	}
	if msg := core.ErrorMessage(re.Errs[1].Err); !strings.Contains(msg, "neither text nor title") {
		t.Errorf("record 3: %q", msg)
	}
}

func TestFieldMapping(t *testing.T) {
	fields, err := ingest.ParseFieldMapping([]string{"date=pub_stamp", "text=body_text", "title=Headline Text", "outlet=media_name"})
	if err != nil {
		t.Fatal(err)
	}
	rec := `{"content":"A teaser, not the article.","body_text":"The article itself.","date":"1999-01-01","pub_stamp":"2024-07-12 10:00:00","headline_text":"Mapped title","title":"Other","media_name":"Le Monde","source":"x"}` + "\n"
	docs, _ := parseWith(t, "r.jsonl", rec, ingest.ParseOptions{Fields: fields})
	d := docs[0]
	if d.Text != "The article itself." || d.Title != "Mapped title" || d.Outlet != "Le Monde" {
		t.Errorf("text %q, title %q, outlet %q", d.Text, d.Title, d.Outlet)
	}
	if d.Published == nil || d.Published.Year() != 2024 || d.PublishedFrom != "field:pub_stamp" {
		t.Errorf("published %v from %q, want 2024 from field:pub_stamp", d.Published, d.PublishedFrom)
	}
	for _, bad := range [][]string{{"date"}, {"colour=x"}, {"date=a", "date=b"}, {"text="}} {
		if _, err := ingest.ParseFieldMapping(bad); err == nil {
			t.Errorf("ParseFieldMapping(%q) accepted", bad)
		}
	}
}

func TestCSVAndTSVExports(t *testing.T) {
	csvData := "stories_id,publish_date,title,url,media_name,text\r\n" +
		"1,2024-07-12 10:00:00,Hot line,https://www.example.com/a,,\"First paragraph, with a comma.\n\nSecond \"\"quoted\"\" paragraph.\"\r\n" +
		"2,not a date,Brief only,https://news.example.org/b,Example News,\r\n" +
		"\r\n" +
		"3,1720778400,Third,,,Body three.\r\n"
	docs, re := parseWith(t, "export.csv", csvData, ingest.ParseOptions{})
	if re != nil {
		t.Fatalf("unexpected errors: %v", re)
	}
	if len(docs) != 3 {
		t.Fatalf("got %d docs, want 3", len(docs))
	}
	a, b, c := docs[0], docs[1], docs[2]
	if a.Text != "First paragraph, with a comma.\n\nSecond \"quoted\" paragraph." || a.Title != "Hot line" || a.Format != "csv" {
		t.Errorf("row 1: text %q title %q format %q", a.Text, a.Title, a.Format)
	}
	if a.Record != 2 || !strings.HasPrefix(string(a.Original), "1,2024-07-12") || !strings.HasSuffix(string(a.Original), "paragraph.\"") {
		t.Errorf("row 1: record %d, original %q", a.Record, a.Original)
	}
	if a.Outlet != "example.com" || a.Published == nil || a.PublishedFrom != "field:publish_date" {
		t.Errorf("row 1: outlet %q, published %v from %q", a.Outlet, a.Published, a.PublishedFrom)
	}
	if !b.NoBody || b.Outlet != "Example News" || b.Published != nil || b.PublishedRaw != "not a date" || b.Record != 5 {
		t.Errorf("row 2: nobody %v outlet %q published %v raw %q record %d", b.NoBody, b.Outlet, b.Published, b.PublishedRaw, b.Record)
	}
	if c.Record != 7 || c.Published == nil || c.Published.Unix() != 1720778400 {
		t.Errorf("row 3: record %d, published %v", c.Record, c.Published)
	}

	tsv := "Title\tBody\tDate\nOne\tText one.\t2024-07-12\nTwo\tText \"two\".\t2024-07-13\n"
	docs, re = parseWith(t, "gdelt.tsv", tsv, ingest.ParseOptions{})
	if re != nil || len(docs) != 2 || docs[1].Text != `Text "two".` || docs[1].Format != "tsv" || docs[1].Record != 3 {
		t.Fatalf("tsv: %d docs, %v, %+v", len(docs), re, docs)
	}

	_, err := ingest.Parse("labels.csv", []byte("file,label\na.txt,cut\n"))
	if err == nil || !strings.Contains(core.ErrorMessage(err), "no text or title column") {
		t.Errorf("a table without text: %v", err)
	}
	fields, _ := ingest.ParseFieldMapping([]string{"text=label"})
	docs, _ = parseWith(t, "labels.csv", "file,label\na.txt,cut\n", ingest.ParseOptions{Fields: fields})
	if len(docs) != 1 || docs[0].Text != "cut" {
		t.Errorf("mapped text column: %+v", docs)
	}
}

func TestPageDatesSayWhereTheyCameFrom(t *testing.T) {
	body := strings.Repeat("<p>The harbour council voted on Monday evening to approve a new ferry timetable that adds two early crossings on weekdays.</p>", 4)
	cases := []struct {
		name, head, body, from, conf string
	}{
		{"opengraph meta", `<meta property="article:published_time" content="2024-07-12T10:00:00Z"><meta property="og:site_name" content="The Harbour Times">`, body, "meta:article:published_time", core.DateExact},
		{"json-ld", `<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-07-12T10:00:00+00:00"}]}</script>`, body, "json-ld:datePublished", core.DateExact},
		{"time element", ``, `<time datetime="2024-07-12T10:00:00Z" pubdate>12 July</time>` + body, "time:datetime", core.DateExact},
		{"date only in the body", ``, body + "<p>The old timetable dated from March 3, 1929 and was never changed.</p>" + body, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := "<html><head><title>Ferry timetable approved</title>" + c.head + "</head><body><article><h1>Ferry timetable approved</h1>" + c.body + "</article></body></html>"
			docs, err := ingest.Parse("p.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if d.PublishedFrom != c.from || d.PublishedConfidence != c.conf {
				t.Errorf("date %v from %q (%q), want from %q (%q)", d.Published, d.PublishedFrom, d.PublishedConfidence, c.from, c.conf)
			}
			if c.from != "" && (d.Published == nil || !d.Published.Equal(time.Date(2024, 7, 12, 10, 0, 0, 0, time.UTC))) {
				t.Errorf("Published = %v", d.Published)
			}
		})
	}
}

func TestHTMLParagraphsNeverGlue(t *testing.T) {
	long := "Defense Secretary Lloyd Austin spoke on the phone on Friday with his Russian counterpart, the Pentagon said. "
	cases := []struct{ name, page string }{
		{"a short page", `<html><body><p>Austin said he spoke with Shoigu</p><p>US Defense officials agreed.</p></body></html>`},
		{"an article", `<html><body><article><p>` + long + `Austin said he spoke with Shoigu</p><p>US Defense officials agreed. ` + long + `</p></article></body></html>`},
		{"divs and a line break", `<html><body><div><div>` + long + `Austin said he spoke with Shoigu</div><div>US Defense officials agreed. ` + long + `<br>` + long + `</div></div></body></html>`},
		{"list items", `<html><body><article><p>` + long + `</p><ul><li>Austin said he spoke with Shoigu</li><li>US Defense officials agreed.</li></ul><p>` + long + `</p></article></body></html>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs, err := ingest.Parse("p.html", []byte(c.page))
			if err != nil {
				t.Fatal(err)
			}
			text := docs[0].Text
			if strings.Contains(text, "ShoiguUS") || !strings.Contains(text, "Shoigu\n") {
				t.Errorf("paragraphs glued or lost:\n%q", text)
			}
			if strings.Count(text, "US Defense officials agreed.") != 1 || strings.ContainsRune(text, '\uE000') {
				t.Errorf("a paragraph repeated or a mark left:\n%q", text)
			}
		})
	}
}
