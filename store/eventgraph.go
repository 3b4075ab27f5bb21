package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// This file reads the stored clustering one article, event or thread at a
// time, as the events package's Source asks for it, so that placing one new
// article reads its neighbourhood and not the archive.

// PlacedArticle is an article as the clustering knows it.
type PlacedArticle struct {
	ID        int64
	Published *time.Time
	Event     int64 // 0: not placed yet
	Pinned    bool
}

// EventRow is an event's members (ascending) and dated span.
type EventRow struct {
	ID          int64
	Members     []int64
	First, Last *time.Time
	Thread      int64
}

// ThreadRow is a thread's events (ascending).
type ThreadRow struct {
	ID     int64
	Events []int64
}

// Constraint is a stored correction fact: kind 1 must-link, 2 cannot-link,
// 3 pin (B 0).
type Constraint struct {
	Kind uint8
	A, B int64
}

func parseTime(s *string) *time.Time {
	if s == nil {
		return nil
	}
	t, err := time.Parse(time.RFC3339, *s)
	if err != nil {
		return nil
	}
	return &t
}

func formatTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

// Placed returns article id with its event; ok is false when no such
// article is stored.
func (db *DB) Placed(ctx context.Context, id int64) (PlacedArticle, bool, error) {
	var a PlacedArticle
	var pub *string
	var ev, pinned sql.NullInt64
	err := db.read.QueryRowContext(ctx, `SELECT a.id, a.published, m.event_id, m.pinned FROM articles a
		LEFT JOIN event_members m ON m.article_id = a.id WHERE a.id = ?`, id).Scan(&a.ID, &pub, &ev, &pinned)
	if errors.Is(err, sql.ErrNoRows) {
		return a, false, nil
	}
	if err != nil {
		return a, false, err
	}
	a.Published, a.Event, a.Pinned = parseTime(pub), ev.Int64, pinned.Int64 != 0
	return a, true, nil
}

// PublishedOf returns the publication dates of ids (undated ones are left
// out).
func (db *DB) PublishedOf(ctx context.Context, ids []int64) (map[int64]time.Time, error) {
	out := map[int64]time.Time{}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		chunk := ids[:n]
		ids = ids[n:]
		rows, err := db.read.QueryContext(ctx, `SELECT id, published FROM articles WHERE published IS NOT NULL AND id IN (`+placeholders(n)+`)`, int64Args(chunk)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var pub *string
			if err := rows.Scan(&id, &pub); err != nil {
				rows.Close()
				return nil, err
			}
			if t := parseTime(pub); t != nil {
				out[id] = *t
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// EventRowOf returns stored event id (not following redirects).
func (db *DB) EventRowOf(ctx context.Context, id int64) (EventRow, bool, error) {
	e := EventRow{ID: id}
	var first, last *string
	err := db.read.QueryRowContext(ctx, `SELECT first, last, thread FROM events WHERE id = ?`, id).Scan(&first, &last, &e.Thread)
	if errors.Is(err, sql.ErrNoRows) {
		return e, false, nil
	}
	if err != nil {
		return e, false, err
	}
	e.First, e.Last = parseTime(first), parseTime(last)
	e.Members, err = db.idsWhere(ctx, `SELECT article_id FROM event_members WHERE event_id = ? ORDER BY article_id`, id)
	return e, err == nil, err
}

// ThreadRowOf returns stored thread id (not following redirects).
func (db *DB) ThreadRowOf(ctx context.Context, id int64) (ThreadRow, bool, error) {
	t := ThreadRow{ID: id}
	evs, err := db.idsWhere(ctx, `SELECT event_id FROM thread_events WHERE thread_id = ? ORDER BY event_id`, id)
	if err != nil || len(evs) == 0 {
		return t, false, err
	}
	t.Events = evs
	return t, true, nil
}

// ConstraintsOf returns the stored constraints naming article id.
func (db *DB) ConstraintsOf(ctx context.Context, id int64) ([]Constraint, error) {
	return db.constraints(ctx, `SELECT kind, a, b FROM event_constraints WHERE a = ?1
		UNION SELECT kind, a, b FROM event_constraints WHERE b = ?1`, id)
}

// AllConstraints returns every stored constraint.
func (db *DB) AllConstraints(ctx context.Context) ([]Constraint, error) {
	return db.constraints(ctx, `SELECT kind, a, b FROM event_constraints ORDER BY a, b, kind`)
}

func (db *DB) constraints(ctx context.Context, q string, args ...any) ([]Constraint, error) {
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Constraint
	for rows.Next() {
		var c Constraint
		if err := rows.Scan(&c.Kind, &c.A, &c.B); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// NextIDs returns the next unused event and thread ids.
func (db *DB) NextIDs(ctx context.Context) (event, thread int64, err error) {
	err = db.read.QueryRowContext(ctx, `SELECT (SELECT next FROM event_ids WHERE name = 'event'),
		(SELECT next FROM event_ids WHERE name = 'thread')`).Scan(&event, &thread)
	return event, thread, err
}

// Memberships returns every placed article's event, for a clustering from
// scratch that keeps the ids it can.
func (db *DB) Memberships(ctx context.Context) (map[int64]int64, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT article_id, event_id FROM event_members`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var a, e int64
		if err := rows.Scan(&a, &e); err != nil {
			return nil, err
		}
		out[a] = e
	}
	return out, rows.Err()
}

// EventThreads returns every threaded event's thread.
func (db *DB) EventThreads(ctx context.Context) (map[int64]int64, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT event_id, thread_id FROM thread_events`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var e, t int64
		if err := rows.Scan(&e, &t); err != nil {
			return nil, err
		}
		out[e] = t
	}
	return out, rows.Err()
}

// UnplacedProfiled returns the queued articles with a profile made by
// version that no event holds yet, in id order: those an analysis must link
// and place. An article leaves an event only for another, so the queue
// holds every unplaced one. The queue is the outer loop (CROSS JOIN keeps
// SQLite from reordering): with no statistics the planner scanned every
// profile and looked each up in the queue, reading a page of the profiles
// table per article (0.2 s at 100,000 articles) to return the queue's few.
func (db *DB) UnplacedProfiled(ctx context.Context, version int) ([]int64, error) {
	return db.idsWhere(ctx, unplacedQuery, version)
}

const unplacedQuery = `SELECT p.article_id FROM analysis_queue q CROSS JOIN profiles p ON p.article_id = q.article_id
		LEFT JOIN event_members m ON m.article_id = q.article_id
		WHERE m.article_id IS NULL AND p.version = ? ORDER BY q.article_id`

// CountEvents returns how many events are stored and how many of them hold
// two or more articles.
func (db *DB) CountEvents(ctx context.Context) (all, multi int, err error) {
	if all, err = db.rowCount(ctx, "events", 0); err != nil {
		return 0, 0, err
	}
	multi, err = db.rowCount(ctx, "events_multi", 0)
	return all, multi, err
}

// InMultiEvents returns the articles in events of two or more, in id order.
// The events are the outer loop (events_size, then event_members_event: both
// covering), so that it reads the members of those events only; joining
// every article's membership to its event read each event once per member,
// about ten times the rows in a generated archive, on every first library page.
func (db *DB) InMultiEvents(ctx context.Context) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT m.article_id FROM events e CROSS JOIN event_members m ON m.event_id = e.id
		WHERE e.size > 1 ORDER BY m.article_id`)
}

// CountThreads returns how many threads are stored.
func (db *DB) CountThreads(ctx context.Context) (int, error) {
	return db.rowCount(ctx, "threads", 0)
}
