package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/storydiff/storydiff/core"
)

// ReplaceStories replaces every story.
func (db *DB) ReplaceStories(ctx context.Context, stories []core.Story) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_members; DELETE FROM stories;`); err != nil {
		return err
	}
	story, err := tx.PrepareContext(ctx, `INSERT INTO stories(id, label, earliest) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer story.Close()
	member, err := tx.PrepareContext(ctx, `INSERT INTO story_members(story_id, article_id, position) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer member.Close()
	for _, s := range stories {
		if _, err := story.ExecContext(ctx, s.ID, s.Label, s.Earliest); err != nil {
			return fmt.Errorf("save story %d: %w", s.ID, err)
		}
		for pos, id := range s.Members {
			if _, err := member.ExecContext(ctx, s.ID, id, pos); err != nil {
				return fmt.Errorf("save story %d: %w", s.ID, err)
			}
		}
	}
	return tx.Commit()
}

// Stories returns stories (all when id is 0), members in date order.
func (db *DB) Stories(ctx context.Context, id int64) ([]core.Story, error) {
	q := `SELECT s.id, s.label, s.earliest, m.article_id FROM stories s JOIN story_members m ON m.story_id = s.id`
	var args []any
	if id != 0 {
		q += ` WHERE s.id = ?`
		args = []any{id}
	}
	out, err := db.scanStories(ctx, q+` ORDER BY s.id, m.position`, args)
	if err == nil && id != 0 && len(out) == 0 {
		return nil, core.Errorf(core.ENOTFOUND, "no story %d (run storydiff stories to list them)", id)
	}
	return out, err
}

// StoriesPage returns limit stories (all when limit is 0) from offset, in
// the order of Stories.
func (db *DB) StoriesPage(ctx context.Context, offset, limit int) ([]core.Story, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	return db.scanStories(ctx, `SELECT s.id, s.label, s.earliest, m.article_id
		FROM (SELECT * FROM stories ORDER BY id LIMIT ? OFFSET ?) s JOIN story_members m ON m.story_id = s.id
		ORDER BY s.id, m.position`, []any{limit, offset})
}

func (db *DB) scanStories(ctx context.Context, q string, args []any) ([]core.Story, error) {
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.Story{}
	for rows.Next() {
		var s core.Story
		var member int64
		if err := rows.Scan(&s.ID, &s.Label, &s.Earliest, &member); err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && out[n-1].ID == s.ID {
			out[n-1].Members = append(out[n-1].Members, member)
			continue
		}
		s.Members = []int64{member}
		out = append(out, s)
	}
	return out, rows.Err()
}

// StoryOf returns the id of the story an article belongs to, 0 if none.
func (db *DB) StoryOf(ctx context.Context, articleID int64) (int64, error) {
	var id int64
	err := db.read.QueryRowContext(ctx, `SELECT story_id FROM story_members WHERE article_id = ?`, articleID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
