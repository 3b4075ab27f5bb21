package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/storydiff/storydiff/app"
)

// TestArchiveReportFullOnRequest checks that an archive report summarises
// by default and lists every article only when asked.
func TestArchiveReportFullOnRequest(t *testing.T) {
	ra := newReportArchive(t)
	for _, full := range []bool{false, true} {
		var buf bytes.Buffer
		if err := ra.svc.Report(context.Background(), app.ReportRequest{Kind: "archive", Format: "json", Full: full}, &buf); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Full   bool `json:"full"`
			Totals struct {
				Articles int `json:"articles"`
			} `json:"totals"`
			Articles []struct{ ID int64 } `json:"articles"`
			Groups   []struct {
				Members []struct{ Title string } `json:"members"`
			} `json:"groups"`
			Provenance struct {
				Settings []struct{ Group, Name, Value string } `json:"settings"`
			} `json:"provenance"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		want := 0
		if full {
			want = doc.Totals.Articles
		}
		if doc.Full != full || doc.Totals.Articles < 7 || len(doc.Articles) != want {
			t.Errorf("full %v: got full %v, %d of %d articles listed, want %d", full, doc.Full, len(doc.Articles), doc.Totals.Articles, want)
		}
		if len(doc.Groups) == 0 || doc.Groups[0].Members[0].Title == "" {
			t.Errorf("full %v: the largest groups lack their members: %+v", full, doc.Groups)
		}
		said := false
		for _, s := range doc.Provenance.Settings {
			said = said || (s.Group == "report" && s.Name == "full" && s.Value == map[bool]string{false: "false", true: "true"}[full])
		}
		if !said {
			t.Errorf("full %v: the settings do not say which: %+v", full, doc.Provenance.Settings)
		}
	}
}
