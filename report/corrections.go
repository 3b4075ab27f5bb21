package report

import (
	"fmt"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// correctionText says a researcher's correction of events in words.
func correctionText(c core.Correction) string {
	var s string
	switch c.Kind {
	case core.CorrectSame:
		s = fmt.Sprintf("articles %d and %d are one event", c.A, c.B)
	case core.CorrectNotSame:
		s = fmt.Sprintf("articles %d and %d are different events", c.A, c.B)
	case core.CorrectRemove:
		s = fmt.Sprintf("article %d taken out of its event", c.A)
	case core.CorrectMove:
		s = fmt.Sprintf("article %d moved to event %d", c.A, c.Event)
	case core.CorrectMerge:
		s = fmt.Sprintf("events %d and %d merged", c.Event, c.Other)
	case core.CorrectSplit:
		parts := make([]string, len(c.Parts))
		for i, p := range c.Parts {
			parts[i] = ids(p)
		}
		s = fmt.Sprintf("event %d split into (%s)", c.Event, strings.Join(parts, "), ("))
	default:
		s = c.Kind
	}
	return s
}

func (m *mdWriter) corrections(cs []core.Correction) {
	m.printf("## Corrections of events\n\n")
	if len(cs) == 0 {
		m.printf("No corrections recorded.\n\n")
		return
	}
	m.printf("| # | Correction | Note | When |\n|---:|---|---|---|\n")
	for _, c := range cs {
		m.printf("| %d | %s | %s | %s |\n", c.ID, mdText(correctionText(c)), mdText(c.Note), fmtTime(c.CreatedAt))
	}
	m.printf("\n")
}

func (p *pdfWriter) corrections(cs []core.Correction) {
	p.heading(2, "Corrections of events")
	if len(cs) == 0 {
		p.text("No corrections recorded.")
	}
	for _, c := range cs {
		p.field(fmt.Sprintf("%d. %s", c.ID, correctionText(c)), fmtTime(c.CreatedAt)+"; "+orDash(c.Note), false)
	}
}
