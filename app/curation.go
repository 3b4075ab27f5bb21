package app

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/storydiff/storydiff/core"
)

// This file is the service's contract for curation: a researcher's edits
// of an article's title, date and outlet (the imported values kept), tags
// on articles and events, and one note on each.

// EditRequest is an edit as the interfaces send it: nil fields are left as
// they are; Date is "YYYY-MM-DD" or RFC 3339.
type EditRequest struct {
	Title  *string `json:"title,omitempty"`
	Date   *string `json:"date,omitempty"`
	Outlet *string `json:"outlet,omitempty"`
}

// Edit reads the request, naming the article (ref) in what it refuses.
func (r EditRequest) Edit(ref string) (core.ArticleEdit, error) {
	var e core.ArticleEdit
	if r.Title == nil && r.Date == nil && r.Outlet == nil {
		return e, core.Errorf(core.EINVALID, "article %s: nothing to edit (give a title, a date or an outlet)", ref)
	}
	if r.Title != nil {
		t := strings.Join(strings.Fields(*r.Title), " ")
		switch {
		case t == "":
			return e, core.Errorf(core.EINVALID, "article %s: a title cannot be empty (revert it to go back to the imported one)", ref)
		case utf8.RuneCountInString(t) > core.MaxTitleRunes:
			return e, core.Errorf(core.EINVALID, "article %s: a title is at most %d characters, and this one has %d", ref, core.MaxTitleRunes, utf8.RuneCountInString(t))
		case !utf8.ValidString(t) || strings.ContainsFunc(t, isControl):
			return e, core.Errorf(core.EINVALID, "article %s: a title cannot hold control characters", ref)
		}
		e.Title = &t
	}
	if r.Outlet != nil {
		o := strings.Join(strings.Fields(*r.Outlet), " ")
		switch {
		case utf8.RuneCountInString(o) > core.MaxTagRunes:
			return e, core.Errorf(core.EINVALID, "article %s: an outlet is at most %d characters", ref, core.MaxTagRunes)
		case !utf8.ValidString(o) || strings.ContainsFunc(o, isControl):
			return e, core.Errorf(core.EINVALID, "article %s: an outlet cannot hold control characters", ref)
		}
		e.Outlet = &o
	}
	if r.Date != nil {
		d := strings.TrimSpace(*r.Date)
		if d == "" {
			return e, core.Errorf(core.EINVALID, "article %s: give a date as YYYY-MM-DD (revert it to go back to the imported one)", ref)
		}
		t, err := parseDay(d, false)
		if err != nil {
			return e, core.Errorf(core.EINVALID, "article %s: %q is not a date (use YYYY-MM-DD or RFC 3339)", ref, d)
		}
		if y := t.Year(); y < 1000 || y > 9999 {
			return e, core.Errorf(core.EINVALID, "article %s: %q is out of range (years 1000 to 9999)", ref, d)
		}
		utc := t.UTC()
		e.Published = &utc
	}
	return e, nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// EditArticle edits article ref and returns it as it is now.
func (s *Service) EditArticle(ctx context.Context, ref string, r EditRequest) (*ArticleDetail, error) {
	e, err := r.Edit(ref)
	if err != nil {
		return nil, err
	}
	id, err := s.db.ResolveRef(ctx, ref)
	if err != nil {
		return nil, err
	}
	if err := s.db.EditArticle(ctx, id, e); err != nil {
		return nil, err
	}
	return s.GetArticle(ctx, ref)
}

// RevertFields reads the fields to revert: title, date, outlet or all.
func RevertFields(ref string, fields []string) ([]string, error) {
	if len(fields) == 0 {
		return nil, core.Errorf(core.EINVALID, "article %s: name what to revert: title, date, outlet or all", ref)
	}
	var out []string
	for _, f := range fields {
		f = strings.ToLower(strings.TrimSpace(f))
		switch {
		case f == "all":
			return core.EditableFields, nil
		case slices.Contains(core.EditableFields, f):
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		default:
			return nil, core.Errorf(core.EINVALID, "article %s: cannot revert %q (use title, date, outlet or all)", ref, f)
		}
	}
	return out, nil
}

// RevertArticle puts fields (title, date, outlet or all) of article ref
// back to their imported values and returns the article.
func (s *Service) RevertArticle(ctx context.Context, ref string, fields []string) (*ArticleDetail, error) {
	fs, err := RevertFields(ref, fields)
	if err != nil {
		return nil, err
	}
	id, err := s.db.ResolveRef(ctx, ref)
	if err != nil {
		return nil, err
	}
	if err := s.db.RevertArticle(ctx, id, fs); err != nil {
		return nil, err
	}
	return s.GetArticle(ctx, ref)
}

// Item names what a tag or a note goes on: an article (Ref, as for every
// command) or an event (Ref its id; a retired id leads to the event it
// merged into).
type Item struct {
	Kind string `json:"kind"` // core.ItemArticle or core.ItemEvent
	Ref  string `json:"ref"`
}

func (it Item) String() string { return it.Kind + " " + it.Ref }

// resolve returns the item's id.
func (s *Service) resolve(ctx context.Context, it Item) (int64, error) {
	switch it.Kind {
	case core.ItemArticle, "":
		return s.db.ResolveRef(ctx, it.Ref)
	case core.ItemEvent:
		n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(it.Ref), "#"), 10, 64)
		if err != nil || n <= 0 {
			return 0, core.Errorf(core.EINVALID, "event %q: an event is named by its number", it.Ref)
		}
		id, err := s.db.ResolveEvent(ctx, n)
		if err != nil {
			return 0, err
		}
		if id == 0 {
			return 0, core.Errorf(core.ENOTFOUND, "no event %d in the archive", n)
		}
		return id, nil
	}
	return 0, core.Errorf(core.EINVALID, "tags and notes go on an article or an event, not %q", it.Kind)
}

func kindOf(it Item) string {
	if it.Kind == "" {
		return core.ItemArticle
	}
	return it.Kind
}

// TagItem adds (or with remove, takes off) tags on an item and returns the
// item's tags as they are now.
func (s *Service) TagItem(ctx context.Context, it Item, tags []string, remove bool) ([]string, error) {
	if len(tags) == 0 {
		return nil, core.Errorf(core.EINVALID, "%s: give at least one tag", it)
	}
	id, err := s.resolve(ctx, it)
	if err != nil {
		return nil, err
	}
	kind := kindOf(it)
	if remove {
		err = s.db.RemoveTags(ctx, kind, id, tags)
	} else {
		err = s.db.AddTags(ctx, kind, id, tags)
	}
	if err != nil {
		return nil, prefixError(it, err)
	}
	got, err := s.db.TagsOf(ctx, kind, []int64{id})
	if err != nil {
		return nil, err
	}
	if got[id] == nil {
		return []string{}, nil
	}
	return got[id], nil
}

// prefixError names the item in an invalid-input error from the store.
func prefixError(it Item, err error) error {
	if core.ErrorCode(err) == core.EINVALID {
		return core.Errorf(core.EINVALID, "%s: %s", it, err.Error())
	}
	return err
}

// SetNote writes the note on an item ("" removes it) and returns it, nil
// when removed.
func (s *Service) SetNote(ctx context.Context, it Item, text string) (*core.Note, error) {
	id, err := s.resolve(ctx, it)
	if err != nil {
		return nil, err
	}
	if !utf8.ValidString(text) {
		return nil, core.Errorf(core.EINVALID, "%s: a note must be UTF-8 text", it)
	}
	kind := kindOf(it)
	if err := s.db.SetNote(ctx, kind, id, text); err != nil {
		return nil, prefixError(it, err)
	}
	notes, err := s.db.NotesOf(ctx, kind, []int64{id})
	if err != nil {
		return nil, err
	}
	if n, ok := notes[id]; ok {
		return &n, nil
	}
	return nil, nil
}

// Tags lists every tag with how many articles and events carry it.
func (s *Service) Tags(ctx context.Context) ([]core.TagCount, error) {
	return s.db.Tags(ctx)
}

// EventsTagged returns the events tagged tag, the largest first.
func (s *Service) EventsTagged(ctx context.Context, tag string) ([]core.Event, error) {
	ids, err := s.db.TaggedEvents(ctx, strings.TrimSpace(tag))
	if err != nil {
		return nil, err
	}
	evs, err := s.eventsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(evs, func(a, b core.Event) int { return len(b.Articles) - len(a.Articles) })
	return evs, nil
}

// fillEventCuration adds each event's tags and note.
func (s *Service) fillEventCuration(ctx context.Context, evs []core.Event) error {
	ids := make([]int64, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	tags, err := s.db.TagsOf(ctx, core.ItemEvent, ids)
	if err != nil {
		return err
	}
	notes, err := s.db.NotesOf(ctx, core.ItemEvent, ids)
	if err != nil {
		return err
	}
	for i := range evs {
		evs[i].Tags = tags[evs[i].ID]
		if n, ok := notes[evs[i].ID]; ok {
			evs[i].Note = &n
		}
	}
	return nil
}

// ItemTags returns the tags of an article or an event.
func (s *Service) ItemTags(ctx context.Context, it Item) ([]string, error) {
	id, err := s.resolve(ctx, it)
	if err != nil {
		return nil, err
	}
	got, err := s.db.TagsOf(ctx, kindOf(it), []int64{id})
	if err != nil || got[id] == nil {
		return []string{}, err
	}
	return got[id], nil
}

// ItemNote returns the note on an article or an event, nil if none.
func (s *Service) ItemNote(ctx context.Context, it Item) (*core.Note, error) {
	id, err := s.resolve(ctx, it)
	if err != nil {
		return nil, err
	}
	notes, err := s.db.NotesOf(ctx, kindOf(it), []int64{id})
	if err != nil {
		return nil, err
	}
	if n, ok := notes[id]; ok {
		return &n, nil
	}
	return nil, nil
}
