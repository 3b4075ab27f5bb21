package ingest_test

import (
	"testing"
	"time"

	"github.com/storydiff/storydiff/ingest"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want time.Time
	}{
		{"iso with time", "2024-07-27 12:30:09", time.Date(2024, 7, 27, 12, 30, 9, 0, time.UTC)},
		{"iso with T and zone", "2024-07-27T12:30:09+02:00", time.Date(2024, 7, 27, 10, 30, 9, 0, time.UTC)},
		{"weekday, us numeric, dash, time", "Fri, 10/21/2022 – 15:25", time.Date(2022, 10, 21, 15, 25, 0, 0, time.UTC)},
		{"month name", "October 18, 2022", time.Date(2022, 10, 18, 0, 0, 0, 0, time.UTC)},
		{"abbreviated month", "Oct. 3, 2021", time.Date(2021, 10, 3, 0, 0, 0, 0, time.UTC)},
		{"day first with ordinal", "18th of October 2022", time.Date(2022, 10, 18, 0, 0, 0, 0, time.UTC)},
		{"european dots", "21.10.2022 15:25", time.Date(2022, 10, 21, 15, 25, 0, 0, time.UTC)},
		{"european dots, ambiguous", "03.04.2022", time.Date(2022, 4, 3, 0, 0, 0, 0, time.UTC)},
		{"us slashes, ambiguous", "03/04/2022", time.Date(2022, 3, 4, 0, 0, 0, 0, time.UTC)},
		{"german", "27. Januar 2014", time.Date(2014, 1, 27, 0, 0, 0, 0, time.UTC)},
		{"german with time", "3. März 2021, 14:05", time.Date(2021, 3, 3, 14, 5, 0, 0, time.UTC)},
		{"french ordinal", "1er mars 2022", time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"french accent", "12 août 2019", time.Date(2019, 8, 12, 0, 0, 0, 0, time.UTC)},
		{"italian", "18 ottobre 2022", time.Date(2022, 10, 18, 0, 0, 0, 0, time.UTC)},
		{"spanish", "21 de octubre de 2022", time.Date(2022, 10, 21, 0, 0, 0, 0, time.UTC)},
		{"portuguese, not read as mai", "5 de maio de 2020", time.Date(2020, 5, 5, 0, 0, 0, 0, time.UTC)},
		{"dutch", "3 maart 2021", time.Date(2021, 3, 3, 0, 0, 0, 0, time.UTC)},
		{"long month with time", "3 March 2021 14:05", time.Date(2021, 3, 3, 14, 5, 0, 0, time.UTC)},
		{"sept", "Sept. 9, 2021", time.Date(2021, 9, 9, 0, 0, 0, 0, time.UTC)},
		{"twelve-hour clock with at", "Tuesday, June 25, 2024 at 3:04 p.m.", time.Date(2024, 6, 25, 15, 4, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ingest.ParseDate(tt.in)
			if !ok {
				t.Fatalf("ParseDate(%q) failed", tt.in)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	for _, bad := range []string{"", "yesterday", "13/45/2022", "2022", "the 5th"} {
		if got, ok := ingest.ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) = %v, want failure", bad, got)
		}
	}
}

func TestFindDate(t *testing.T) {
	const body = "A long paragraph of the story that goes on for many words and mentions that the treaty was signed on March 15, 2023 in Vienna."
	tests := []struct {
		name    string
		text    string
		wantRaw string // "" means no date should be found
	}{
		{"footer date line", "Title\n\n" + body + "\n\n2024-07-27 12:30:09\n\nLeave a Reply\n", "2024-07-27 12:30:09"},
		{"standalone line beats a tweet credit", "Title\n\n" + body + "\n— A Person (@someone) October 18, 2022\nAuthor Name\nFri, 10/21/2022 – 15:25\n", "Fri, 10/21/2022 – 15:25"},
		{"labelled header line", "Title\nPublished: 5 May 2021, 10:00\n\n" + body + "\n", "5 May 2021, 10:00"},
		{"byline with date", "Title\nBy Jane Doe | March 3, 2021\n\n" + body + "\n", "March 3, 2021"},
		{"long labelled line", "Title\nPublished: Friday, October 21, 2022 at 3:25 p.m. EDT by John Smith, Staff Writer\n\n" + body + "\n", "Friday, October 21, 2022 at 3:25 p.m. EDT"},
		{"short unlabelled sentence is not enough when long", "Title\nThe council, which met in the old town hall again, decided on March 3, 2021 to act.\n\n" + body + "\n", ""},
		{"date only inside a body sentence", "Title\n\n" + body + "\n\nThe end.\n", ""},
		{"date in the middle of a long text", "Title\n1\n2\n3\n4\n5\n6\n7\nMarch 3, 2021\n8\n9\n10\n11\n12\n13\n14\n15\n16\n", ""},
		{"no year", "Title\nFebruary 18\n", ""},
		{"german footer", "Titel\n\n" + body + "\n\nVeröffentlicht am 27. Januar 2014\n", "27. Januar 2014"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, raw, ok := ingest.FindDate(tt.text)
			if ok != (tt.wantRaw != "") || raw != tt.wantRaw {
				t.Errorf("FindDate() = %q, %v; want %q", raw, ok, tt.wantRaw)
			}
		})
	}
}
