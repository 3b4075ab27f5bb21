package events

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// ErrUnknown is returned when a correction names an article or event that
// is not stored.
var ErrUnknown = errors.New("events: unknown article or event")

// Apply records a correction as constraints (in Changes.AddConstraints and
// DropConstraints: a later verdict on the same articles replaces an earlier
// one) and re-clusters only the events it touches, so that it holds at
// once.
func (s *State) Apply(c Correction) (Changes, error) {
	touched, err := s.constrain(c)
	if err != nil {
		return Changes{}, err
	}
	s.recluster(touched)
	return s.finish(), nil
}

// constrain turns c into constraints and returns the articles it names.
func (s *State) constrain(c Correction) ([]int64, error) {
	known := func(ids ...int64) error {
		for _, id := range ids {
			if a := s.article(id); a == nil || a.Event == 0 {
				return fmt.Errorf("%w: article %d", ErrUnknown, id)
			}
		}
		return nil
	}
	ev := func(id int64) (*Event, error) {
		if e := s.event(id); e != nil {
			return e, nil
		}
		return nil, fmt.Errorf("%w: event %d", ErrUnknown, id)
	}
	switch c.Kind {
	case SameEvent, NotSameEvent:
		if err := known(c.A, c.B); err != nil {
			return nil, err
		}
		if c.A == c.B {
			return nil, fmt.Errorf("events: a verdict needs two articles")
		}
		yes, no := MustLink, CannotLink
		if c.Kind == NotSameEvent {
			yes, no = no, yes
		}
		s.dropConstraint(pair(no, c.A, c.B))
		s.addConstraint(pair(yes, c.A, c.B))
		return []int64{c.A, c.B}, nil
	case RemoveFromEvent:
		if err := known(c.A); err != nil {
			return nil, err
		}
		s.dropMustLinks(c.A)
		s.addConstraint(Constraint{Kind: Pin, A: c.A})
		return []int64{c.A}, nil
	case MoveToEvent:
		if err := known(c.A); err != nil {
			return nil, err
		}
		e, err := ev(c.Event)
		if err != nil {
			return nil, err
		}
		anchor := e.Members[0]
		if anchor == c.A {
			if len(e.Members) == 1 {
				return []int64{c.A}, nil
			}
			anchor = e.Members[1]
		}
		s.dropMustLinks(c.A)
		s.addConstraint(Constraint{Kind: Pin, A: c.A})
		s.dropConstraint(pair(CannotLink, c.A, anchor))
		s.addConstraint(pair(MustLink, c.A, anchor))
		return []int64{c.A, anchor}, nil
	case MergeEvents:
		e, err := ev(c.Event)
		if err != nil {
			return nil, err
		}
		f, err := ev(c.Other)
		if err != nil {
			return nil, err
		}
		all := append(slices.Clone(e.Members), f.Members...)
		slices.Sort(all)
		s.tie(all)
		return all, nil
	case SplitEvent:
		e, err := ev(c.Event)
		if err != nil {
			return nil, err
		}
		parts, err := partition(e.Members, c.Parts)
		if err != nil {
			return nil, err
		}
		for i, p := range parts {
			for _, m := range p {
				for _, k := range s.constraints(m) {
					if k.Kind == MustLink && !slices.Contains(p, k.A+k.B-m) && slices.Contains(e.Members, k.A+k.B-m) {
						s.dropConstraint(k)
					}
				}
			}
			s.tie(p)
			for _, q := range parts[:i] {
				s.addConstraint(pair(CannotLink, q[0], p[0]))
			}
		}
		return slices.Clone(e.Members), nil
	}
	return nil, fmt.Errorf("events: unknown correction kind %d", c.Kind)
}

// tie must-links every article of ids (sorted) to the first, a star rather
// than all pairs, and drops cannot-links among them.
func (s *State) tie(ids []int64) {
	for _, m := range ids {
		for _, k := range s.constraints(m) {
			if k.Kind == CannotLink && k.A == m && slices.Contains(ids, k.B) {
				s.dropConstraint(k)
			}
		}
	}
	for _, m := range ids[1:] {
		s.addConstraint(pair(MustLink, ids[0], m))
	}
}

func (s *State) dropMustLinks(a int64) {
	for _, k := range slices.Clone(s.constraints(a)) {
		if k.Kind == MustLink {
			s.dropConstraint(k)
		}
	}
}

// partition checks parts against members and returns them sorted, the
// members no part names forming one more part.
func partition(members []int64, parts [][]int64) ([][]int64, error) {
	seen := map[int64]bool{}
	var out [][]int64
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		q := slices.Clone(p)
		slices.Sort(q)
		for _, m := range q {
			if seen[m] || !slices.Contains(members, m) {
				return nil, fmt.Errorf("events: split part names %d twice or outside the event", m)
			}
			seen[m] = true
		}
		out = append(out, q)
	}
	var rest []int64
	for _, m := range members {
		if !seen[m] {
			rest = append(rest, m)
		}
	}
	if len(rest) > 0 {
		out = append(out, rest)
	}
	slices.SortFunc(out, func(a, b []int64) int { return cmp.Compare(a[0], b[0]) })
	return out, nil
}
