package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/storydiff/storydiff/core"
)

// ArticleAnalysis is what analysis keeps of one article.
type ArticleAnalysis struct {
	ID         int64
	ParamsHash uint64
	Features   []byte
	// Sketch, made with SketchHash, is stored beside the features when set.
	Sketch     []byte
	SketchHash uint64
	Blocks     []core.Block
	Repeats    []core.Repeat
}

// AnalysisInput is what analysis reads of one article.
type AnalysisInput struct {
	ID        int64
	Text      string
	Original  []byte
	Title     string
	Outlet    string
	Path      string // the first location
	Published *time.Time
}

// SaveAnalyses stores the features, blocks and repeats of a batch of
// articles in one transaction.
func (db *DB) SaveAnalyses(ctx context.Context, batch []ArticleAnalysis) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save analysis: %w", err)
	}
	defer tx.Rollback()
	for _, a := range batch {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO features(article_id, params_hash, data) VALUES (?, ?, ?)`,
			a.ID, int64(a.ParamsHash), a.Features); err != nil {
			return fmt.Errorf("save features of %d: %w", a.ID, err)
		}
		if a.Sketch != nil {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO sketches(article_id, params_hash, data) VALUES (?, ?, ?)`,
				a.ID, int64(a.SketchHash), a.Sketch); err != nil {
				return fmt.Errorf("save sketch of %d: %w", a.ID, err)
			}
		}
		if a.Blocks != nil {
			if _, err := tx.ExecContext(ctx, `DELETE FROM blocks WHERE article_id = ?`, a.ID); err != nil {
				return err
			}
			for seq, b := range a.Blocks {
				if _, err := tx.ExecContext(ctx, `INSERT INTO blocks(article_id, seq, start, end, kind, hash) VALUES (?, ?, ?, ?, ?, ?)`,
					a.ID, seq, b.Start, b.End, b.Kind, b.Hash); err != nil {
					return fmt.Errorf("save blocks of %d: %w", a.ID, err)
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM repeats WHERE article_id = ?`, a.ID); err != nil {
			return err
		}
		for seq, r := range a.Repeats {
			occ, _ := json.Marshal(r.Occurrences)
			if _, err := tx.ExecContext(ctx, `INSERT INTO repeats(article_id, seq, text, occurrences) VALUES (?, ?, ?, ?)`,
				a.ID, seq, r.Text, string(occ)); err != nil {
				return fmt.Errorf("save repeats of %d: %w", a.ID, err)
			}
		}
	}
	return tx.Commit()
}

// StaleFeatures returns the articles whose features are missing or were made
// with other parameters.
func (db *DB) StaleFeatures(ctx context.Context, paramsHash uint64) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT a.id FROM articles a LEFT JOIN features f ON f.article_id = a.id
		WHERE f.article_id IS NULL OR f.params_hash != ? ORDER BY a.id`, int64(paramsHash))
}

// AnalysisInputs streams the given articles (all when ids is nil) to fn.
func (db *DB) AnalysisInputs(ctx context.Context, ids []int64, fn func(AnalysisInput) error) error {
	one := func(id int64) error {
		var in AnalysisInput
		var published *string
		err := db.read.QueryRowContext(ctx, `SELECT a.id, a.text, a.original, a.title, a.outlet, a.published,
			coalesce((SELECT path FROM article_files f WHERE f.article_id = a.id ORDER BY f.id LIMIT 1), '')
			FROM articles a WHERE a.id = ?`, id).Scan(&in.ID, &in.Text, &in.Original, &in.Title, &in.Outlet, &published, &in.Path)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // deleted meanwhile
		}
		if err != nil {
			return fmt.Errorf("read article %d: %w", id, err)
		}
		if published != nil {
			if t, err := time.Parse(time.RFC3339, *published); err == nil {
				in.Published = &t
			}
		}
		return fn(in)
	}
	if ids == nil {
		var err error
		if ids, err = db.ArticleIDs(ctx); err != nil {
			return err
		}
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := one(id); err != nil {
			return err
		}
	}
	return nil
}

// Features streams every stored feature blob made with paramsHash.
func (db *DB) Features(ctx context.Context, paramsHash uint64, fn func(id int64, data []byte) error) error {
	return db.eachBlob(ctx, `SELECT article_id, data FROM features WHERE params_hash = ? ORDER BY article_id`,
		[]any{int64(paramsHash)}, fn)
}

// LineCounts returns every recurring-line count.
func (db *DB) LineCounts(ctx context.Context) ([]core.LineCount, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT grp, hash, count FROM line_counts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []core.LineCount
	for rows.Next() {
		var lc core.LineCount
		var h int64
		if err := rows.Scan(&lc.Group, &h, &lc.Count); err != nil {
			return nil, err
		}
		lc.Hash = uint64(h)
		out = append(out, lc)
	}
	return out, rows.Err()
}

// SaveLineCounts replaces the line counts with rows and marks the articles
// counted, in one transaction; recount first forgets every earlier mark (a
// full analysis counts every article again).
func (db *DB) SaveLineCounts(ctx context.Context, rows []core.LineCount, counted []int64, recount bool) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM line_counts`); err != nil {
		return err
	}
	if recount {
		if _, err := tx.ExecContext(ctx, `DELETE FROM line_counted`); err != nil {
			return err
		}
	}
	for _, id := range counted {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO line_counted(article_id) VALUES (?)`, id); err != nil {
			return err
		}
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO line_counts(grp, hash, count) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r.Group, int64(r.Hash), r.Count); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// UncountedLines returns the articles whose lines are not yet counted.
func (db *DB) UncountedLines(ctx context.Context) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT a.id FROM articles a WHERE NOT EXISTS
		(SELECT 1 FROM line_counted c WHERE c.article_id = a.id) ORDER BY a.id`)
}

// ReplacePairs stores pairs found for the given articles, dropping the pairs
// they had before; with all set, every pair is replaced.
func (db *DB) ReplacePairs(ctx context.Context, all bool, ids []int64, pairs []core.Pair) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if all {
		if _, err := tx.ExecContext(ctx, `DELETE FROM pairs`); err != nil {
			return err
		}
	} else {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `DELETE FROM pairs WHERE a = ? OR b = ?`, id, id); err != nil {
				return err
			}
		}
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO pairs(a, b, kind, jaccard, containment, score) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, p := range pairs {
		if _, err := stmt.ExecContext(ctx, p.A, p.B, p.Kind, p.Jaccard, p.Containment, p.Score); err != nil {
			return fmt.Errorf("save pair %d-%d: %w", p.A, p.B, err)
		}
	}
	return tx.Commit()
}

// Pairs returns stored pairs: all (id 0) or those of one article.
func (db *DB) Pairs(ctx context.Context, id int64) ([]core.Pair, error) {
	q := `SELECT a, b, kind, jaccard, containment, score FROM pairs ORDER BY a, b, kind`
	var args []any
	if id != 0 {
		q = `SELECT a, b, kind, jaccard, containment, score FROM pairs WHERE a = ? OR b = ? ORDER BY a, b, kind`
		args = []any{id, id}
	}
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.Pair{}
	for rows.Next() {
		var p core.Pair
		if err := rows.Scan(&p.A, &p.B, &p.Kind, &p.Jaccard, &p.Containment, &p.Score); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Repeats returns the repeated passages of one article (id != 0) or of all
// articles that have any, keyed by article id.
func (db *DB) Repeats(ctx context.Context, id int64) (map[int64][]core.Repeat, error) {
	q := `SELECT article_id, text, occurrences FROM repeats ORDER BY article_id, seq`
	var args []any
	if id != 0 {
		q = `SELECT article_id, text, occurrences FROM repeats WHERE article_id = ? ORDER BY seq`
		args = []any{id}
	}
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]core.Repeat{}
	for rows.Next() {
		var aid int64
		var r core.Repeat
		var occ string
		if err := rows.Scan(&aid, &r.Text, &occ); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(occ), &r.Occurrences); err != nil {
			return nil, fmt.Errorf("repeats of article %d: %w", aid, err)
		}
		out[aid] = append(out[aid], r)
	}
	return out, rows.Err()
}

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

// SaveJudgement stores or replaces a verdict.
func (db *DB) SaveJudgement(ctx context.Context, j core.Judgement) error {
	if j.A > j.B {
		j.A, j.B = j.B, j.A
	}
	if j.A == j.B {
		return core.Errorf(core.EINVALID, "a judgement needs two different articles")
	}
	if j.Relation != "duplicate" && j.Relation != "story" {
		return core.Errorf(core.EINVALID, "a judgement is about a duplicate or a story, not %q", j.Relation)
	}
	_, err := db.write.ExecContext(ctx, `INSERT OR REPLACE INTO judgements(a, b, relation, same, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		j.A, j.B, j.Relation, j.Same, j.Note, time.Now().UTC().Format(timeLayout))
	if err != nil {
		return fmt.Errorf("save judgement: %w", err)
	}
	return nil
}

// Judgements returns every verdict.
func (db *DB) Judgements(ctx context.Context) ([]core.Judgement, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT a, b, relation, same, note, created_at FROM judgements ORDER BY a, b, relation`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []core.Judgement{}
	for rows.Next() {
		var j core.Judgement
		var created string
		if err := rows.Scan(&j.A, &j.B, &j.Relation, &j.Same, &j.Note, &created); err != nil {
			return nil, err
		}
		j.CreatedAt, _ = time.Parse(timeLayout, created)
		out = append(out, j)
	}
	return out, rows.Err()
}

// SetSetting stores a named value (JSON) such as the last analysis settings.
func (db *DB) SetSetting(ctx context.Context, key string, value any) error {
	b, err := json.Marshal(value)
	if err != nil {
		return err
	}
	_, err = db.write.ExecContext(ctx, `INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)`, key, string(b))
	return err
}

// Setting reads a named value into v; it reports false when there is none.
func (db *DB) Setting(ctx context.Context, key string, v any) (bool, error) {
	var s string
	err := db.read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, json.Unmarshal([]byte(s), v)
}

// CountFeatures returns how many articles have features made with paramsHash.
func (db *DB) CountFeatures(ctx context.Context, paramsHash uint64) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM features WHERE params_hash = ?`, int64(paramsHash)).Scan(&n)
	return n, err
}

// SetKeeper records keep as the copy to keep among group (keep included),
// clearing any earlier choice among them, in one transaction.
func (db *DB) SetKeeper(ctx context.Context, keep int64, group []int64) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, id := range group {
		if _, err := tx.ExecContext(ctx, `DELETE FROM keepers WHERE article_id = ?`, id); err != nil {
			return fmt.Errorf("choose the copy to keep: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO keepers(article_id, chosen_at) VALUES (?, ?)`,
		keep, time.Now().UTC().Format(timeLayout)); err != nil {
		return fmt.Errorf("choose the copy to keep: %w", err)
	}
	return tx.Commit()
}

// Keepers returns the articles chosen as the copy to keep.
func (db *DB) Keepers(ctx context.Context) (map[int64]bool, error) {
	ids, err := db.idsWhere(ctx, `SELECT article_id FROM keepers`)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}
