package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
)

// Link is a scored pair of articles (A < B): P(same event) and the weaker
// same-thread score.
type Link struct {
	A, B   int64
	Event  float32
	Thread float32
}

// SaveLinks stores links (replacing a pair's earlier scores) and then keeps
// at most k links on each article they name, the strongest by event score
// (then thread score), so that no article's neighbourhood grows with the
// archive.
func (db *DB) SaveLinks(ctx context.Context, links []Link, k int) error {
	if len(links) == 0 {
		return nil
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save links: %w", err)
	}
	defer tx.Rollback()
	put, err := tx.PrepareContext(ctx, `INSERT INTO event_links(a, b, event_p, thread_p) VALUES (?, ?, ?, ?)
		ON CONFLICT(a, b) DO UPDATE SET event_p = excluded.event_p, thread_p = excluded.thread_p`)
	if err != nil {
		return err
	}
	defer put.Close()
	touched := map[int64]bool{}
	for _, l := range links {
		a, b := l.A, l.B
		if a > b {
			a, b = b, a
		}
		if a == b {
			return fmt.Errorf("save links: article %d linked to itself", a)
		}
		if _, err := put.ExecContext(ctx, a, b, l.Event, l.Thread); err != nil {
			return fmt.Errorf("save link %d-%d: %w", a, b, err)
		}
		touched[a], touched[b] = true, true
	}
	// Trim each touched article to its k strongest links. Deleting a pair
	// also shortens the other end's list, which only ever helps its bound.
	trim, err := tx.PrepareContext(ctx, `DELETE FROM event_links WHERE (a, b) IN (
		SELECT a, b FROM (SELECT a, b, event_p, thread_p FROM event_links WHERE a = ?1
		                  UNION ALL SELECT a, b, event_p, thread_p FROM event_links WHERE b = ?1)
		ORDER BY event_p DESC, thread_p DESC, a, b LIMIT -1 OFFSET ?2)`)
	if err != nil {
		return err
	}
	defer trim.Close()
	// In id order: trimming one end can save the other end's trim, so an
	// order that changed from run to run kept different links.
	for _, id := range slices.Sorted(maps.Keys(touched)) {
		if _, err := trim.ExecContext(ctx, id, k); err != nil {
			return fmt.Errorf("trim links of article %d: %w", id, err)
		}
	}
	return tx.Commit()
}

// LinksOf returns the stored links naming article id.
func (db *DB) LinksOf(ctx context.Context, id int64) ([]Link, error) {
	return db.links(ctx, `SELECT a, b, event_p, thread_p FROM event_links WHERE a = ?1
		UNION ALL SELECT a, b, event_p, thread_p FROM event_links WHERE b = ?1`, id)
}

// AllLinks returns every stored link, for a clustering from scratch.
func (db *DB) AllLinks(ctx context.Context) ([]Link, error) {
	return db.links(ctx, `SELECT a, b, event_p, thread_p FROM event_links ORDER BY a, b`)
}

// CountLinks returns how many links are stored.
func (db *DB) CountLinks(ctx context.Context) (int, error) {
	return db.rowCount(ctx, "event_links", 0)
}

func (db *DB) links(ctx context.Context, q string, args ...any) ([]Link, error) {
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Link
	for rows.Next() {
		var l Link
		var e, t float64
		if err := rows.Scan(&l.A, &l.B, &e, &t); err != nil {
			return nil, err
		}
		l.Event, l.Thread = float32(e), float32(t)
		out = append(out, l)
	}
	return out, rows.Err()
}

// ReplaceLinks replaces every stored link with links (each pair once, A <
// B, already bounded per article), for a linking of the whole archive.
func (db *DB) ReplaceLinks(ctx context.Context, links []Link) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save links: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM event_links`); err != nil {
		return fmt.Errorf("save links: %w", err)
	}
	put, err := tx.PrepareContext(ctx, `INSERT INTO event_links(a, b, event_p, thread_p) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer put.Close()
	for _, l := range links {
		if _, err := put.ExecContext(ctx, l.A, l.B, l.Event, l.Thread); err != nil {
			return fmt.Errorf("save link %d-%d: %w", l.A, l.B, err)
		}
	}
	return tx.Commit()
}
