package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/storydiff/storydiff/core"
)

// Redirect records that a retired id leads to another.
type Redirect struct{ From, To int64 }

// ClusterChanges is what a clustering step changed, to write back: events
// and threads created or changed (in full), retired and removed ids,
// articles whose pin changed, constraints, and the next unused ids.
type ClusterChanges struct {
	Events          []EventRow
	RemovedEvents   []int64
	EventRedirects  []Redirect
	Threads         []ThreadRow
	RemovedThreads  []int64
	ThreadRedirects []Redirect
	Pins            map[int64]bool // article -> pinned, for those that changed
	AddConstraints  []Constraint
	DropConstraints []Constraint
	NextEvent       int64
	NextThread      int64
}

// ApplyClustering writes ch, and the correction that caused it if any, in
// one transaction; it returns the stored correction's id (0 without one).
// With replace, the stored events and threads are dropped first (a
// clustering from scratch; redirects and constraints are kept).
func (db *DB) ApplyClustering(ctx context.Context, ch ClusterChanges, replace bool, c *core.Correction) (int64, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("save events: %w", err)
	}
	defer tx.Rollback()
	w := clusterWriter{ctx: ctx, tx: tx, st: &txStmts{tx: tx}}
	defer w.st.close()
	if replace {
		w.exec(`DELETE FROM events`)
		w.exec(`DELETE FROM event_members`)
		w.exec(`DELETE FROM threads`)
		w.exec(`DELETE FROM thread_events`)
	}
	for _, k := range ch.DropConstraints {
		w.exec(`DELETE FROM event_constraints WHERE kind = ? AND a = ? AND b = ?`, k.Kind, k.A, k.B)
	}
	for _, k := range ch.AddConstraints {
		w.exec(`INSERT OR IGNORE INTO event_constraints(kind, a, b) VALUES (?, ?, ?)`, k.Kind, k.A, k.B)
	}
	// Retired and removed ids go first: their members and events are
	// written again below under the ids that hold them now.
	for _, id := range ch.RemovedEvents {
		w.dropEvent(id)
	}
	for _, r := range ch.EventRedirects {
		w.dropEvent(r.From)
		w.redirect("event_redirects", r)
		w.moveEventCuration(r.From, r.To)
	}
	for _, id := range ch.RemovedThreads {
		w.dropThread(id)
	}
	for _, r := range ch.ThreadRedirects {
		w.dropThread(r.From)
		w.redirect("thread_redirects", r)
	}
	threads := map[int64]bool{}
	for _, e := range ch.Events {
		w.writeEvent(e)
		if e.Thread != 0 {
			threads[e.Thread] = true
		}
	}
	for a, pinned := range ch.Pins {
		w.exec(`UPDATE event_members SET pinned = ? WHERE article_id = ?`, pinned, a)
	}
	for _, t := range ch.Threads {
		w.exec(`DELETE FROM thread_events WHERE thread_id = ?`, t.ID)
		for _, e := range t.Events {
			w.exec(`INSERT OR REPLACE INTO thread_events(event_id, thread_id) VALUES (?, ?)`, e, t.ID)
		}
		threads[t.ID] = true
	}
	// A thread's size and label follow its events, which may have grown
	// without the thread itself changing.
	for id := range threads {
		w.exec(`INSERT INTO threads(id, label, size)
			SELECT ?1, coalesce((SELECT e.label FROM thread_events te JOIN events e ON e.id = te.event_id
			                     WHERE te.thread_id = ?1 ORDER BY e.size DESC, e.id LIMIT 1), ''),
			       coalesce((SELECT sum(e.size) FROM thread_events te JOIN events e ON e.id = te.event_id WHERE te.thread_id = ?1), 0)
			WHERE EXISTS (SELECT 1 FROM thread_events WHERE thread_id = ?1)
			ON CONFLICT(id) DO UPDATE SET label = excluded.label, size = excluded.size`, id)
	}
	if ch.NextEvent > 0 {
		w.exec(`UPDATE event_ids SET next = max(next, ?) WHERE name = 'event'`, ch.NextEvent)
	}
	if ch.NextThread > 0 {
		w.exec(`UPDATE event_ids SET next = max(next, ?) WHERE name = 'thread'`, ch.NextThread)
	}
	var cid int64
	if c != nil && w.err == nil {
		cid, w.err = insertCorrection(ctx, tx, c)
	}
	if w.err != nil {
		return 0, fmt.Errorf("save events: %w", w.err)
	}
	return cid, tx.Commit()
}

// clusterWriter runs statements until the first error, which it keeps.
type clusterWriter struct {
	ctx context.Context
	tx  *sql.Tx
	// st prepares each statement once: a full rebuild writes every event,
	// a few rows each.
	st  *txStmts
	err error
}

func (w *clusterWriter) exec(q string, args ...any) {
	if w.err != nil {
		return
	}
	w.err = w.st.exec(w.ctx, q, args...)
}

func (w *clusterWriter) dropEvent(id int64) {
	w.exec(`DELETE FROM events WHERE id = ?`, id)
	w.exec(`DELETE FROM event_members WHERE event_id = ?`, id)
	w.exec(`DELETE FROM thread_events WHERE event_id = ?`, id)
}

func (w *clusterWriter) dropThread(id int64) {
	w.exec(`DELETE FROM threads WHERE id = ?`, id)
	w.exec(`DELETE FROM thread_events WHERE thread_id = ?`, id)
	w.exec(`UPDATE events SET thread = 0 WHERE thread = ?`, id)
}

// redirect stores r and points every earlier redirect to r.From at r.To, so
// that a retired id resolves in one step however often events merged.
func (w *clusterWriter) redirect(table string, r Redirect) {
	w.exec(`INSERT OR REPLACE INTO `+table+`(old, new) VALUES (?, ?)`, r.From, r.To)
	w.exec(`UPDATE `+table+` SET new = ? WHERE new = ?`, r.To, r.From)
	w.exec(`DELETE FROM `+table+` WHERE old = ?`, r.To) // an id in use again is no longer retired
}

func (w *clusterWriter) writeEvent(e EventRow) {
	w.exec(`DELETE FROM event_members WHERE event_id = ?`, e.ID)
	for _, m := range e.Members {
		w.exec(`INSERT OR REPLACE INTO event_members(article_id, event_id, pinned)
			VALUES (?1, ?2, EXISTS (SELECT 1 FROM event_constraints WHERE kind = 3 AND a = ?1))`, m, e.ID)
	}
	// The earliest version is the first published (undated ones last, then
	// the smallest id); the event is labelled with its title.
	w.exec(`INSERT INTO events(id, label, earliest, first, last, thread, size)
		SELECT ?1, a.title, a.id, ?2, ?3, ?4, ?5 FROM event_members m JOIN articles a ON a.id = m.article_id
		WHERE m.event_id = ?1 ORDER BY a.published IS NULL, a.published, a.id LIMIT 1
		ON CONFLICT(id) DO UPDATE SET label = excluded.label, earliest = excluded.earliest, first = excluded.first,
			last = excluded.last, thread = excluded.thread, size = excluded.size`,
		e.ID, formatTime(e.First), formatTime(e.Last), e.Thread, len(e.Members))
	if e.Thread == 0 {
		w.exec(`DELETE FROM thread_events WHERE event_id = ?`, e.ID)
	}
}

func insertCorrection(ctx context.Context, tx *sql.Tx, c *core.Correction) (int64, error) {
	parts := c.Parts
	if parts == nil {
		parts = [][]int64{}
	}
	pj, err := json.Marshal(parts)
	if err != nil {
		return 0, err
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = time.Now().UTC()
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO corrections(kind, a, b, event, other, parts, note, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.Kind, c.A, c.B, c.Event, c.Other, string(pj), c.Note, c.CreatedAt.UTC().Format(timeLayout))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// Corrections lists every correction, oldest first.
func (db *DB) Corrections(ctx context.Context) ([]core.Correction, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, kind, a, b, event, other, parts, note, created_at FROM corrections ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.Correction{}
	for rows.Next() {
		var c core.Correction
		var parts, created string
		if err := rows.Scan(&c.ID, &c.Kind, &c.A, &c.B, &c.Event, &c.Other, &parts, &c.Note, &created); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(parts), &c.Parts); err != nil {
			return nil, fmt.Errorf("correction %d: parts: %w", c.ID, err)
		}
		if len(c.Parts) == 0 {
			c.Parts = nil
		}
		c.CreatedAt, _ = time.Parse(timeLayout, created)
		out = append(out, c)
	}
	return out, rows.Err()
}
