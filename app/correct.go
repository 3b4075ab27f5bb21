package app

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/events"
	"github.com/storydiff/storydiff/store"
)

var correctionKinds = map[string]events.CorrectionKind{
	core.CorrectSame:    events.SameEvent,
	core.CorrectNotSame: events.NotSameEvent,
	core.CorrectRemove:  events.RemoveFromEvent,
	core.CorrectMove:    events.MoveToEvent,
	core.CorrectMerge:   events.MergeEvents,
	core.CorrectSplit:   events.SplitEvent,
}

// checkCorrection says what c lacks, naming the field.
func checkCorrection(c core.Correction) error {
	if _, ok := correctionKinds[c.Kind]; !ok {
		return core.Errorf(core.EINVALID, "unknown correction %q: say same, not_same, remove, move, merge or split", c.Kind)
	}
	need := func(v int64, what string) error {
		if v <= 0 {
			return core.Errorf(core.EINVALID, "a %s correction needs %s", c.Kind, what)
		}
		return nil
	}
	switch c.Kind {
	case core.CorrectSame, core.CorrectNotSame:
		if err := need(c.A, "article a"); err != nil {
			return err
		}
		if err := need(c.B, "article b"); err != nil {
			return err
		}
		if c.A == c.B {
			return core.Errorf(core.EINVALID, "a %s correction needs two different articles, not %d twice", c.Kind, c.A)
		}
	case core.CorrectRemove:
		return need(c.A, "article a")
	case core.CorrectMove:
		if err := need(c.A, "article a"); err != nil {
			return err
		}
		return need(c.Event, "the event to move to")
	case core.CorrectMerge:
		if err := need(c.Event, "event"); err != nil {
			return err
		}
		if err := need(c.Other, "the other event"); err != nil {
			return err
		}
	case core.CorrectSplit:
		if err := need(c.Event, "event"); err != nil {
			return err
		}
		if len(c.Parts) == 0 {
			return core.Errorf(core.EINVALID, "a split names its parts: lists of the event's articles")
		}
	}
	return nil
}

// Correct records a researcher's correction and updates only the events it
// touches; it returns those events as they now are. A verdict on two
// articles not analysed yet is kept as a constraint that the next analysis
// honours.
func (s *Service) Correct(ctx context.Context, c core.Correction) ([]core.Event, error) {
	if err := checkCorrection(c); err != nil {
		return nil, err
	}
	s.analysis.mu.Lock()
	defer s.analysis.mu.Unlock()
	// Retired event ids lead to the events that hold them now.
	for _, id := range []*int64{&c.Event, &c.Other} {
		if *id == 0 {
			continue
		}
		rid, err := s.db.ResolveEvent(ctx, *id)
		if err != nil {
			return nil, err
		}
		if rid == 0 {
			return nil, core.Errorf(core.ENOTFOUND, "no event %d in the archive", *id)
		}
		*id = rid
	}
	if c.Kind == core.CorrectMerge && c.Event == c.Other {
		return nil, core.Errorf(core.EINVALID, "event %d cannot be merged with itself", c.Event)
	}
	for _, id := range []int64{c.A, c.B} {
		if id == 0 {
			continue
		}
		if _, ok, err := s.db.Placed(ctx, id); err != nil {
			return nil, err
		} else if !ok {
			return nil, core.Errorf(core.ENOTFOUND, "no article %d in the archive", id)
		}
	}
	c.CreatedAt = time.Now().UTC()
	if c.Kind == core.CorrectSame || c.Kind == core.CorrectNotSame {
		if placed, err := s.bothPlaced(ctx, c.A, c.B); err != nil || !placed {
			if err != nil {
				return nil, err
			}
			return nil, s.keepVerdict(ctx, c)
		}
	}
	ne, nt, err := s.db.NextIDs(ctx)
	if err != nil {
		return nil, err
	}
	src := &sqlSource{ctx: ctx, db: s.db}
	st := events.NewState(eventConfig, src, events.IDs{Event: ne, Thread: nt})
	ch, err := st.Apply(events.Correction{Kind: correctionKinds[c.Kind], A: c.A, B: c.B, Event: c.Event, Other: c.Other, Parts: c.Parts})
	if src.err != nil {
		return nil, src.err
	}
	if err != nil {
		return nil, correctionError(err)
	}
	if _, err := s.db.ApplyClustering(ctx, clusterChanges(ch), false, &c); err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(ch.Events))
	for _, e := range ch.Events {
		ids = append(ids, e.ID)
	}
	return s.eventsByID(ctx, ids)
}

func (s *Service) bothPlaced(ctx context.Context, a, b int64) (bool, error) {
	for _, id := range []int64{a, b} {
		e, err := s.db.EventOfArticle(ctx, id)
		if err != nil || e == 0 {
			return false, err
		}
	}
	return true, nil
}

// keepVerdict stores a same / not-same verdict on articles no event holds
// yet as the constraint the next analysis honours.
func (s *Service) keepVerdict(ctx context.Context, c core.Correction) error {
	a, b := min(c.A, c.B), max(c.A, c.B)
	yes, no := store.Constraint{Kind: uint8(events.MustLink), A: a, B: b}, store.Constraint{Kind: uint8(events.CannotLink), A: a, B: b}
	if c.Kind == core.CorrectNotSame {
		yes, no = no, yes
	}
	_, err := s.db.ApplyClustering(ctx, store.ClusterChanges{AddConstraints: []store.Constraint{yes}, DropConstraints: []store.Constraint{no}}, false, &c)
	return err
}

// correctionError turns the events package's refusal into one naming the
// problem for the researcher.
func correctionError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "events: ")
	if errors.Is(err, events.ErrUnknown) {
		return &core.Error{Code: core.ENOTFOUND, Message: msg + " (an article is in an event once the archive is analysed)", Err: err}
	}
	return &core.Error{Code: core.EINVALID, Message: msg, Err: err}
}

// Corrections lists every correction, oldest first.
func (s *Service) Corrections(ctx context.Context) ([]core.Correction, error) {
	return s.db.Corrections(ctx)
}
