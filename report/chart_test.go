package report

import (
	"strings"
	"testing"
)

func TestMonthBarsFillTheMonthsBetween(t *testing.T) {
	got := monthBars([]Count{{"2022-11", 2}, {"2023-02", 1}})
	want := []Count{{"2022-11", 2}, {"2022-12", 0}, {"2023-01", 0}, {"2023-02", 1}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("month %d: got %v, want %v", i, got[i], want[i])
		}
	}
	// A stray date decades off draws only the months with articles.
	far := []Count{{"1901-01", 1}, {"2024-01", 3}}
	if got := monthBars(far); len(got) != 2 {
		t.Errorf("a 123-year span gave %d bars, want the 2 months with articles", len(got))
	}
}

func TestMonthChartIsInlineSVGWithABarPerMonthWithArticles(t *testing.T) {
	svg := string(monthChartSVG([]Count{{"2022-11", 2}, {"2023-02", 1}}))
	if !strings.HasPrefix(svg, "<svg") || !strings.HasSuffix(svg, "</svg>") {
		t.Fatalf("not an SVG element: %.80s", svg)
	}
	if n := strings.Count(svg, "<rect"); n != 2 {
		t.Errorf("%d bars, want 2 (the empty months are gaps)", n)
	}
	for _, bad := range []string{"<script", "style=", "href", "<style"} {
		if strings.Contains(svg, bad) {
			t.Errorf("the chart holds %q", bad)
		}
	}
	if !strings.Contains(svg, "<title>2023-02: 1</title>") {
		t.Error("a bar does not say its month and count")
	}
	if monthChartSVG(nil) != "" {
		t.Error("an archive without dates got a chart")
	}
}
