package report

import (
	"fmt"

	"github.com/storydiff/storydiff/core"
)

func (m *mdWriter) corrections(cs []core.Correction) {
	m.printf("## Corrections of events\n\n")
	if len(cs) == 0 {
		m.printf("No corrections recorded.\n\n")
		return
	}
	m.printf("| # | Correction | Note | When |\n|---:|---|---|---|\n")
	for _, c := range cs {
		m.printf("| %d | %s | %s | %s |\n", c.ID, mdText(c.Describe()), mdText(c.Note), fmtTime(c.CreatedAt))
	}
	m.printf("\n")
}

func (p *pdfWriter) corrections(cs []core.Correction) {
	p.heading(2, "Corrections of events")
	if len(cs) == 0 {
		p.text("No corrections recorded.")
	}
	for _, c := range cs {
		p.field(fmt.Sprintf("%d. %s", c.ID, c.Describe()), fmtTime(c.CreatedAt)+"; "+orDash(c.Note), false)
	}
}
