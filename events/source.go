package events

import "slices"

// Source gives the stored clustering on demand, one article, event or
// thread at a time, so that an operation reads only the neighbourhood it
// touches rather than the archive. A second value false means "not stored".
type Source interface {
	Article(id int64) (Article, bool)
	// Links returns the stored links of article id (at most K).
	Links(id int64) []Link
	Event(id int64) (Event, bool)
	Thread(id int64) (Thread, bool)
	// Constraints returns the stored constraints naming article id.
	Constraints(id int64) []Constraint
}

// MemSource is a Source held in maps: Build's input, tests and benchmarks.
// Commit writes Changes back into it, as the store does into SQL.
type MemSource struct {
	Articles map[int64]Article
	LinksOf  map[int64][]Link
	Events   map[int64]Event
	Threads  map[int64]Thread
	ConsOf   map[int64][]Constraint
}

// NewMemSource returns an empty MemSource.
func NewMemSource() *MemSource {
	return &MemSource{
		Articles: map[int64]Article{},
		LinksOf:  map[int64][]Link{},
		Events:   map[int64]Event{},
		Threads:  map[int64]Thread{},
		ConsOf:   map[int64][]Constraint{},
	}
}

func (m *MemSource) Article(id int64) (Article, bool) { a, ok := m.Articles[id]; return a, ok }
func (m *MemSource) Links(id int64) []Link            { return m.LinksOf[id] }
func (m *MemSource) Event(id int64) (Event, bool)     { e, ok := m.Events[id]; return e, ok }
func (m *MemSource) Thread(id int64) (Thread, bool)   { t, ok := m.Threads[id]; return t, ok }
func (m *MemSource) Constraints(id int64) []Constraint {
	return m.ConsOf[id]
}

// AddLinks stores links under both their ends.
func (m *MemSource) AddLinks(ls []Link) {
	for _, l := range ls {
		m.LinksOf[l.A] = append(m.LinksOf[l.A], l)
		m.LinksOf[l.B] = append(m.LinksOf[l.B], l)
	}
}

// AddConstraint stores c under the articles it names.
func (m *MemSource) AddConstraint(c Constraint) {
	for _, id := range ends(c) {
		if !slices.Contains(m.ConsOf[id], c) {
			m.ConsOf[id] = append(m.ConsOf[id], c)
		}
	}
}

func (m *MemSource) dropConstraint(c Constraint) {
	for _, id := range ends(c) {
		m.ConsOf[id] = slices.DeleteFunc(m.ConsOf[id], func(x Constraint) bool { return x == c })
	}
}

// Commit writes ch into m. Links given to AddArticle are the caller's to
// store (with AddLinks), as the store keeps them apart from events.
func (m *MemSource) Commit(ch Changes) {
	for _, a := range ch.Articles {
		m.Articles[a.ID] = a
	}
	for _, e := range ch.Events {
		m.Events[e.ID] = e
	}
	for _, id := range ch.RemovedEvents {
		delete(m.Events, id)
	}
	for _, r := range ch.EventRedirects {
		delete(m.Events, r.From)
	}
	for _, t := range ch.Threads {
		m.Threads[t.ID] = t
	}
	for _, id := range ch.RemovedThreads {
		delete(m.Threads, id)
	}
	for _, r := range ch.ThreadRedirects {
		delete(m.Threads, r.From)
	}
	for _, c := range ch.DropConstraints {
		m.dropConstraint(c)
	}
	for _, c := range ch.AddConstraints {
		m.AddConstraint(c)
	}
}
