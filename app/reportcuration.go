package app

import (
	"context"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/report"
)

// addCuration states in a report's provenance the researchers' edits (with
// the values imported), tags and notes on the articles and events it
// covers: an archive report covers every one of them.
func (s *Service) addCuration(ctx context.Context, model any) error {
	var prov *report.Provenance
	var articles, events []int64
	add := func(as []report.Article) {
		for _, a := range as {
			articles = append(articles, a.ID)
		}
	}
	switch m := model.(type) {
	case *report.Pair:
		prov, articles = &m.Provenance, []int64{m.A.ID, m.B.ID}
	case *report.Story:
		prov, events = &m.Provenance, []int64{m.ID}
		add(m.Articles)
	case *report.Duplicates:
		prov = &m.Provenance
		for _, g := range m.Groups {
			add(g.Members)
		}
	case *report.Archive:
		prov = &m.Provenance
		var err error
		if articles, events, err = s.db.CuratedIDs(ctx); err != nil {
			return err
		}
	default:
		return nil
	}
	c, err := s.curation(ctx, articles, events)
	if err != nil || c.Empty() {
		return err
	}
	prov.Curation = c
	return nil
}

func (s *Service) curation(ctx context.Context, articles, events []int64) (*report.Curation, error) {
	c := &report.Curation{Articles: []report.CuratedArticle{}, Events: []report.CuratedEvent{}}
	arts, err := s.db.Summaries(ctx, unique(articles))
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		if len(a.Edits) == 0 && len(a.Tags) == 0 && a.Note == nil {
			continue
		}
		ca := report.CuratedArticle{ID: a.ID, Title: a.Title, Edits: []report.EditedField{}, Tags: orNoTags(a.Tags), Note: reportNote(a.Note)}
		for _, e := range a.Edits {
			ef := report.EditedField{Field: e.Field, Imported: e.Imported, EditedAt: e.EditedAt.UTC()}
			switch e.Field {
			case core.FieldTitle:
				ef.Value = a.Title
			case core.FieldOutlet:
				ef.Value = a.Outlet
			case core.FieldDate:
				ef.Value = reportDay(a.Published)
				if t, err := time.Parse(time.RFC3339, e.Imported); err == nil {
					ef.Imported = reportDay(&t)
					if e.ImportedFrom != "" {
						ef.Imported += " (from " + e.ImportedFrom + ", " + e.ImportedConfidence + ")"
					}
				}
			}
			ca.Edits = append(ca.Edits, ef)
		}
		c.Articles = append(c.Articles, ca)
	}
	if len(events) > 0 {
		evs, err := s.eventsByID(ctx, unique(events))
		if err != nil {
			return nil, err
		}
		for _, e := range evs {
			if len(e.Tags) > 0 || e.Note != nil {
				c.Events = append(c.Events, report.CuratedEvent{ID: e.ID, Label: e.Label, Tags: orNoTags(e.Tags), Note: reportNote(e.Note)})
			}
		}
	}
	return c, nil
}

func unique(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func orNoTags(t []string) []string {
	if t == nil {
		return []string{}
	}
	return t
}

func reportNote(n *core.Note) *report.Note {
	if n == nil {
		return nil
	}
	return &report.Note{Text: n.Text, UpdatedAt: n.UpdatedAt.UTC()}
}

// reportDay is a date as YYYY-MM-DD, or RFC 3339 when it has a time of day.
func reportDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	u := t.UTC()
	if h, m, s := u.Clock(); h == 0 && m == 0 && s == 0 {
		return u.Format(time.DateOnly)
	}
	return u.Format(time.RFC3339)
}
