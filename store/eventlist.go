package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// EventHead is an event as lists show it, before its members' summaries.
type EventHead struct {
	ID       int64
	Label    string
	Earliest int64
	Thread   int64
	Members  []int64
	Pinned   map[int64]bool
}

// likePattern makes q a LIKE pattern matching it anywhere, its wildcards
// taken literally.
func likePattern(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.TrimSpace(q)) + "%"
}

// EventIDs returns a page of event ids, the largest first (then by id),
// only those whose label or a member's title contains q when q is set.
func (db *DB) EventIDs(ctx context.Context, q string, offset, limit int) ([]int64, error) {
	if limit <= 0 {
		limit = -1
	}
	if strings.TrimSpace(q) == "" {
		return db.idsWhere(ctx, `SELECT id FROM events ORDER BY size DESC, id LIMIT ? OFFSET ?`, limit, offset)
	}
	return db.idsWhere(ctx, `SELECT e.id FROM events e WHERE e.label LIKE ?1 ESCAPE '\'
		OR EXISTS (SELECT 1 FROM event_members m JOIN articles a ON a.id = m.article_id
		           WHERE m.event_id = e.id AND a.title LIKE ?1 ESCAPE '\')
		ORDER BY e.size DESC, e.id LIMIT ?2 OFFSET ?3`, likePattern(q), limit, offset)
}

// EventHeads returns the events ids, in the order given (missing ones left
// out).
func (db *DB) EventHeads(ctx context.Context, ids []int64) ([]EventHead, error) {
	byID := map[int64]*EventHead{}
	for rest := ids; len(rest) > 0; {
		n := min(len(rest), 500)
		chunk := rest[:n]
		rest = rest[n:]
		rows, err := db.read.QueryContext(ctx, `SELECT id, label, earliest, thread FROM events WHERE id IN (`+placeholders(n)+`)`, int64Args(chunk)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			h := &EventHead{Pinned: map[int64]bool{}}
			if err := rows.Scan(&h.ID, &h.Label, &h.Earliest, &h.Thread); err != nil {
				rows.Close()
				return nil, err
			}
			byID[h.ID] = h
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		rows, err = db.read.QueryContext(ctx, `SELECT event_id, article_id, pinned FROM event_members WHERE event_id IN (`+placeholders(n)+`) ORDER BY event_id, article_id`, int64Args(chunk)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var e, a int64
			var pinned bool
			if err := rows.Scan(&e, &a, &pinned); err != nil {
				rows.Close()
				return nil, err
			}
			if h := byID[e]; h != nil {
				h.Members = append(h.Members, a)
				if pinned {
					h.Pinned[a] = true
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	out := make([]EventHead, 0, len(ids))
	for _, id := range ids {
		if h := byID[id]; h != nil {
			out = append(out, *h)
		}
	}
	return out, nil
}

// ResolveEvent follows a retired event id to the event that holds it now; 0
// when there is no such event.
func (db *DB) ResolveEvent(ctx context.Context, id int64) (int64, error) {
	return db.resolve(ctx, "events", "event_redirects", id)
}

// ResolveThread is ResolveEvent for threads.
func (db *DB) ResolveThread(ctx context.Context, id int64) (int64, error) {
	return db.resolve(ctx, "threads", "thread_redirects", id)
}

func (db *DB) resolve(ctx context.Context, table, redirects string, id int64) (int64, error) {
	var n int64
	err := db.read.QueryRowContext(ctx, `SELECT coalesce((SELECT id FROM `+table+` WHERE id = ?1),
		(SELECT new FROM `+redirects+` WHERE old = ?1), 0)`, id).Scan(&n)
	if err != nil {
		return 0, err
	}
	if n != id && n != 0 {
		// A redirect leads to a live id (redirects are kept compressed);
		// check it, in case the event was removed since.
		var ok int64
		if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, n).Scan(&ok); err != nil {
			return 0, err
		}
		if ok == 0 {
			return 0, nil
		}
	}
	return n, nil
}

// EventOfArticle returns the event holding article id, 0 if none.
func (db *DB) EventOfArticle(ctx context.Context, id int64) (int64, error) {
	var e int64
	err := db.read.QueryRowContext(ctx, `SELECT event_id FROM event_members WHERE article_id = ?`, id).Scan(&e)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return e, err
}

// ThreadIDs returns a page of thread ids, the largest first, only those
// whose label or an event's label contains q when q is set.
func (db *DB) ThreadIDs(ctx context.Context, q string, offset, limit int) ([]int64, error) {
	if limit <= 0 {
		limit = -1
	}
	if strings.TrimSpace(q) == "" {
		return db.idsWhere(ctx, `SELECT id FROM threads ORDER BY size DESC, id LIMIT ? OFFSET ?`, limit, offset)
	}
	return db.idsWhere(ctx, `SELECT t.id FROM threads t WHERE t.label LIKE ?1 ESCAPE '\'
		OR EXISTS (SELECT 1 FROM thread_events te JOIN events e ON e.id = te.event_id
		           WHERE te.thread_id = t.id AND e.label LIKE ?1 ESCAPE '\')
		ORDER BY t.size DESC, t.id LIMIT ?2 OFFSET ?3`, likePattern(q), limit, offset)
}

// ThreadHead is a thread with its events and their articles.
type ThreadHead struct {
	ID       int64
	Label    string
	Events   []int64
	Articles []int64
}

// ThreadHeads returns threads ids in the order given.
func (db *DB) ThreadHeads(ctx context.Context, ids []int64) ([]ThreadHead, error) {
	out := make([]ThreadHead, 0, len(ids))
	for _, id := range ids {
		t := ThreadHead{ID: id}
		err := db.read.QueryRowContext(ctx, `SELECT label FROM threads WHERE id = ?`, id).Scan(&t.Label)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if t.Events, err = db.idsWhere(ctx, `SELECT event_id FROM thread_events WHERE thread_id = ? ORDER BY event_id`, id); err != nil {
			return nil, err
		}
		if t.Articles, err = db.idsWhere(ctx, `SELECT m.article_id FROM thread_events te JOIN event_members m ON m.event_id = te.event_id
			WHERE te.thread_id = ? ORDER BY m.article_id`, id); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}
