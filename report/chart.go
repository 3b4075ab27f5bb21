package report

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"time"
)

// The archive report's chart of articles per month: inline SVG in HTML (no
// script, no external file, so the report stays one self-contained file)
// and bars drawn with fpdf in PDF. Months without articles are kept as gaps,
// so a bar stands where its time is.

// maxChartMonths is the most months the chart spans with empty months
// filled in; a wider span (a stray date decades off) draws only the months
// that have articles.
const maxChartMonths = 600

// monthBars returns byMonth (YYYY-MM, in calendar order) with the months
// between filled in with zero counts.
func monthBars(byMonth []Count) []Count {
	if len(byMonth) < 2 {
		return byMonth
	}
	first, err1 := time.Parse("2006-01", byMonth[0].Value)
	last, err2 := time.Parse("2006-01", byMonth[len(byMonth)-1].Value)
	if err1 != nil || err2 != nil {
		return byMonth
	}
	have := make(map[string]int, len(byMonth))
	for _, c := range byMonth {
		have[c.Value] = c.Count
	}
	var out []Count
	for t := first; !t.After(last); t = t.AddDate(0, 1, 0) {
		if len(out) == maxChartMonths {
			return byMonth
		}
		m := t.Format("2006-01")
		out = append(out, Count{Value: m, Count: have[m]})
	}
	return out
}

// niceMax rounds the largest count up to a round number for the axis.
func niceMax(n int) int {
	if n <= 5 {
		return max(n, 1)
	}
	step := 1
	for step*10 < n {
		step *= 10
	}
	for _, f := range []int{1, 2, 5, 10} {
		if step*f >= n/5 {
			step *= f
			break
		}
	}
	return (n + step - 1) / step * step
}

// axisTicks are the counts the axis is marked at: none twice, none halfway
// between two whole numbers.
func axisTicks(ymax int) []int {
	if ymax >= 2 && ymax%2 == 0 {
		return []int{0, ymax / 2, ymax}
	}
	return []int{0, ymax}
}

// monthChartSVG draws the articles per month as an SVG bar chart, with a
// title and a description for screen readers; the table after it in the
// report gives the same numbers.
func monthChartSVG(byMonth []Count) template.HTML {
	bars := monthBars(byMonth)
	if len(bars) == 0 {
		return ""
	}
	const w, h, left, right, top, bottom = 720.0, 220.0, 48.0, 10.0, 10.0, 36.0
	top5 := 0
	for _, b := range bars {
		top5 = max(top5, b.Count)
	}
	ymax := niceMax(top5)
	band := (w - left - right) / float64(len(bars))
	bw := min(40, max(1, band*0.8))
	y := func(v int) float64 { return h - bottom - (h-bottom-top)*float64(v)/float64(ymax) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-labelledby="month-chart-title month-chart-desc" font-family="sans-serif" font-size="10">`, w, h, w, h)
	fmt.Fprintf(&b, `<title id="month-chart-title">Articles per month published</title><desc id="month-chart-desc">%d months from %s to %s; the table below gives each month's count.</desc>`,
		len(bars), html.EscapeString(bars[0].Value), html.EscapeString(bars[len(bars)-1].Value))
	for _, t := range axisTicks(ymax) {
		fmt.Fprintf(&b, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="#ddd"/><text x="%g" y="%.1f" text-anchor="end" fill="#555">%d</text>`,
			left, w-right, y(t), y(t), left-4, y(t)+3, t)
	}
	every := max(1, int(60/band+0.999))
	for i, c := range bars {
		x := left + float64(i)*band + (band-bw)/2
		if c.Count > 0 {
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#1f5fbf"><title>%s: %d</title></rect>`,
				x, y(c.Count), bw, y(0)-y(c.Count), html.EscapeString(c.Value), c.Count)
		}
		if i%every == 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%g" text-anchor="middle" fill="#555">%s</text>`, left+float64(i)*band+band/2, h-bottom+14, html.EscapeString(c.Value))
		}
	}
	fmt.Fprintf(&b, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="#888"/></svg>`, left, w-right, y(0), y(0))
	// Every piece of text above is escaped or a number.
	return template.HTML(b.String())
}

// monthChart draws the articles per month as bars in the PDF, each labelled
// with its count when there is room; the list after it gives the numbers.
func (p *pdfWriter) monthChart(byMonth []Count) {
	bars := monthBars(byMonth)
	if len(bars) == 0 {
		return
	}
	top := 0
	for _, b := range bars {
		top = max(top, b.Count)
	}
	ymax := niceMax(top)
	const chartH, labelH = 45.0, 8.0
	pw, _ := p.f.GetPageSize()
	l, _, r, _ := p.f.GetMargins()
	left := l + 10
	width := pw - r - left
	if p.f.GetY()+chartH+labelH+4 > 280 {
		p.f.AddPage()
	}
	y0 := p.f.GetY() + 2
	base := y0 + chartH
	band := width / float64(len(bars))
	bw := min(10, max(0.3, band*0.8))
	p.f.SetFont(pdfSans, "", 7)
	p.f.SetTextColor(80, 80, 80)
	p.f.SetDrawColor(200, 200, 200)
	for _, t := range axisTicks(ymax) {
		ty := base - chartH*float64(t)/float64(ymax)
		p.f.Line(left, ty, left+width, ty)
		p.f.Text(l, ty+1, fmt.Sprint(t))
	}
	p.f.SetFillColor(31, 95, 191)
	every := max(1, int(14/band+0.999))
	for i, c := range bars {
		x := left + float64(i)*band + (band-bw)/2
		if c.Count > 0 {
			bh := chartH * float64(c.Count) / float64(ymax)
			p.f.Rect(x, base-bh, bw, bh, "F")
		}
		if i%every == 0 {
			p.f.Text(left+float64(i)*band, base+4, c.Value)
		}
	}
	p.f.SetTextColor(0, 0, 0)
	p.f.SetY(base + labelH)
}
