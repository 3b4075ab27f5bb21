package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
)

// editColumns maps an editable field to the articles columns it sets.
var editColumns = map[string]string{
	core.FieldTitle:  "title",
	core.FieldOutlet: "outlet",
	core.FieldDate:   "published",
}

// EditArticle sets the fields e gives on article id, keeping each field's
// imported value the first time it is edited. A field set back to its
// imported value is no longer edited. A date a person gives has the source
// core.DateEdited and the confidence core.DateExact. The article's event is
// labelled and ordered again, as its earliest version may have changed.
func (db *DB) EditArticle(ctx context.Context, id int64, e core.ArticleEdit) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("edit article %d: %w", id, err)
	}
	defer tx.Rollback()
	if err := articleExists(ctx, tx, id); err != nil {
		return err
	}
	now := time.Now().UTC().Format(timeLayout)
	set := func(field, value string) error {
		// The first edit of a field keeps what the import gave it.
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_edits(article_id, field, imported, imported_from, imported_confidence, edited_at)
			SELECT id, ?2, CASE ?2 WHEN 'title' THEN title WHEN 'outlet' THEN outlet ELSE coalesce(published, '') END,
			       CASE ?2 WHEN 'date' THEN published_from ELSE '' END,
			       CASE ?2 WHEN 'date' THEN published_confidence ELSE '' END, ?3
			FROM articles WHERE id = ?1`, id, field, now); err != nil {
			return err
		}
		var imported string
		if err := tx.QueryRowContext(ctx, `SELECT imported FROM article_edits WHERE article_id = ? AND field = ?`, id, field).Scan(&imported); err != nil {
			return err
		}
		if imported == value {
			return revertField(ctx, tx, id, field)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE article_edits SET edited_at = ? WHERE article_id = ? AND field = ?`, now, id, field); err != nil {
			return err
		}
		if field == core.FieldDate {
			_, err := tx.ExecContext(ctx, `UPDATE articles SET published = ?, published_from = ?, published_confidence = ? WHERE id = ?`,
				value, core.DateEdited, core.DateExact, id)
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE articles SET `+editColumns[field]+` = ? WHERE id = ?`, value, id)
		return err
	}
	if e.Title != nil {
		if err := set(core.FieldTitle, *e.Title); err != nil {
			return fmt.Errorf("edit the title of article %d: %w", id, err)
		}
	}
	if e.Outlet != nil {
		if err := set(core.FieldOutlet, *e.Outlet); err != nil {
			return fmt.Errorf("edit the outlet of article %d: %w", id, err)
		}
	}
	if e.Published != nil {
		if err := set(core.FieldDate, e.Published.UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("edit the date of article %d: %w", id, err)
		}
	}
	if err := relabelEventOf(ctx, tx, id); err != nil {
		return fmt.Errorf("edit article %d: %w", id, err)
	}
	if err := countMetadataEdit(ctx, tx); err != nil {
		return fmt.Errorf("edit article %d: %w", id, err)
	}
	if err := foldChanged(ctx, tx); err != nil {
		return fmt.Errorf("edit article %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("edit article %d: %w", id, err)
	}
	return nil
}

// RevertArticle puts fields of article id back to their imported values;
// a field that was not edited is left as it is.
func (db *DB) RevertArticle(ctx context.Context, id int64, fields []string) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("revert article %d: %w", id, err)
	}
	defer tx.Rollback()
	if err := articleExists(ctx, tx, id); err != nil {
		return err
	}
	for _, f := range fields {
		if _, ok := editColumns[f]; !ok {
			return core.Errorf(core.EINVALID, "article %d: cannot revert %q (use title, date or outlet)", id, f)
		}
		if err := revertField(ctx, tx, id, f); err != nil {
			return fmt.Errorf("revert the %s of article %d: %w", f, id, err)
		}
	}
	if err := relabelEventOf(ctx, tx, id); err != nil {
		return fmt.Errorf("revert article %d: %w", id, err)
	}
	if err := countMetadataEdit(ctx, tx); err != nil {
		return fmt.Errorf("revert article %d: %w", id, err)
	}
	if err := foldChanged(ctx, tx); err != nil {
		return fmt.Errorf("revert article %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("revert article %d: %w", id, err)
	}
	return nil
}

// metadataEdits is the setting counting edits and reverts, so that what is
// kept until the archive changes (Stamp, IndexStamp) is made again after one.
const metadataEdits = "metadata_edits"

func countMetadataEdit(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, '1')
		ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`, metadataEdits)
	return err
}

func articleExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return core.Errorf(core.ENOTFOUND, "no article %d in the archive", id)
	}
	return nil
}

func revertField(ctx context.Context, tx *sql.Tx, id int64, field string) error {
	var imported, from, conf string
	err := tx.QueryRowContext(ctx, `SELECT imported, imported_from, imported_confidence FROM article_edits
		WHERE article_id = ? AND field = ?`, id, field).Scan(&imported, &from, &conf)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if field == core.FieldDate {
		var published any
		if imported != "" {
			published = imported
		}
		_, err = tx.ExecContext(ctx, `UPDATE articles SET published = ?, published_from = ?, published_confidence = ? WHERE id = ?`,
			published, from, conf, id)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE articles SET `+editColumns[field]+` = ? WHERE id = ?`, imported, id)
	}
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM article_edits WHERE article_id = ? AND field = ?`, id, field)
	return err
}

// relabelEventOf orders the event holding article id again: its earliest
// version is its first dated one and its label that version's title, as
// the clustering writes them (eventwrite.go), and its thread takes the label
// of its largest event.
func relabelEventOf(ctx context.Context, tx *sql.Tx, id int64) error {
	var ev, thread int64
	err := tx.QueryRowContext(ctx, `SELECT e.id, e.thread FROM event_members m JOIN events e ON e.id = m.event_id
		WHERE m.article_id = ?`, id).Scan(&ev, &thread)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE events SET (earliest, label) = (
			SELECT a.id, a.title FROM event_members m JOIN articles a ON a.id = m.article_id
			WHERE m.event_id = ?1 ORDER BY a.published IS NULL, a.published, a.id LIMIT 1)
		WHERE id = ?1`, ev); err != nil {
		return err
	}
	if thread == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE threads SET label = coalesce((SELECT e.label FROM thread_events te
			JOIN events e ON e.id = te.event_id WHERE te.thread_id = ?1 ORDER BY e.size DESC, e.id LIMIT 1), label)
		WHERE id = ?1`, thread)
	return err
}

// CleanTag trims a tag as typed and checks it: one line, not empty, at
// most core.MaxTagRunes characters.
func CleanTag(tag string) (string, error) {
	t := strings.Join(strings.Fields(tag), " ")
	switch {
	case t == "":
		return "", core.Errorf(core.EINVALID, "a tag cannot be empty")
	case len([]rune(t)) > core.MaxTagRunes:
		return "", core.Errorf(core.EINVALID, "a tag is at most %d characters, and %q has %d", core.MaxTagRunes, clipRunes(t, 30), len([]rune(t)))
	}
	for _, r := range t {
		if r < 0x20 || r == 0x7f {
			return "", core.Errorf(core.EINVALID, "a tag cannot hold control characters: %q", t)
		}
	}
	return t, nil
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// AddTags tags item kind/id with each of tags (cleaned by CleanTag); a tag
// it already has, in any case, is kept as it was.
func (db *DB) AddTags(ctx context.Context, kind string, id int64, tags []string) error {
	return db.changeTags(ctx, kind, id, tags, true)
}

// RemoveTags takes tags off item kind/id; a tag it does not have is no
// error.
func (db *DB) RemoveTags(ctx context.Context, kind string, id int64, tags []string) error {
	return db.changeTags(ctx, kind, id, tags, false)
}

func (db *DB) changeTags(ctx context.Context, kind string, id int64, tags []string, add bool) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	clean := make([]string, len(tags))
	for i, t := range tags {
		c, err := CleanTag(t)
		if err != nil {
			return err
		}
		clean[i] = c
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("tag %s %d: %w", kind, id, err)
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format(timeLayout)
	for _, t := range clean {
		if add {
			_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO tags(kind, item_id, tag, added_at) VALUES (?, ?, ?, ?)`, kind, id, t, now)
		} else {
			_, err = tx.ExecContext(ctx, `DELETE FROM tags WHERE kind = ? AND item_id = ? AND tag = ?`, kind, id, t)
		}
		if err != nil {
			return fmt.Errorf("tag %s %d: %w", kind, id, err)
		}
	}
	return tx.Commit()
}

func checkKind(kind string) error {
	if kind != core.ItemArticle && kind != core.ItemEvent {
		return core.Errorf(core.EINVALID, "tags and notes go on an article or an event, not %q", kind)
	}
	return nil
}

// TagsOf returns the tags of the given items of one kind, each item's in
// alphabetical order.
func (db *DB) TagsOf(ctx context.Context, kind string, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	err := db.eachOf(ctx, `SELECT item_id, tag FROM tags WHERE kind = ? AND item_id IN (%s) ORDER BY item_id, tag`, ids,
		func(rows *sql.Rows) error {
			var id int64
			var t string
			if err := rows.Scan(&id, &t); err != nil {
				return err
			}
			out[id] = append(out[id], t)
			return nil
		}, kind)
	return out, err
}

// eachOf runs query (with %s for a list of ids, and args) over ids in
// batches, calling each for every row.
func (db *DB) eachOf(ctx context.Context, query string, ids []int64, each func(*sql.Rows) error, args ...any) error {
	const batch = 500
	for lo := 0; lo < len(ids); lo += batch {
		part := ids[lo:min(lo+batch, len(ids))]
		s := make([]string, len(part))
		for i, id := range part {
			s[i] = strconv.FormatInt(id, 10)
		}
		rows, err := db.read.QueryContext(ctx, fmt.Sprintf(query, strings.Join(s, ",")), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := each(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// Tags lists every tag with the number of articles and events carrying it,
// most used first.
func (db *DB) Tags(ctx context.Context) ([]core.TagCount, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT min(tag), sum(kind = 'article'), sum(kind = 'event') FROM tags
		GROUP BY tag ORDER BY count(*) DESC, 1 COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	defer rows.Close()
	out := []core.TagCount{}
	for rows.Next() {
		var t core.TagCount
		if err := rows.Scan(&t.Tag, &t.Articles, &t.Events); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// TaggedEvents returns the ids of the events tagged tag.
func (db *DB) TaggedEvents(ctx context.Context, tag string) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT item_id FROM tags WHERE tag = ? AND kind = 'event' ORDER BY item_id`, tag)
}

// SetNote writes the note of item kind/id; an empty text (after trimming)
// removes it.
func (db *DB) SetNote(ctx context.Context, kind string, id int64, text string) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	if len(text) > core.MaxNoteBytes {
		return core.Errorf(core.EINVALID, "a note is at most %d KB, and this one has %d bytes", core.MaxNoteBytes>>10, len(text))
	}
	var err error
	if strings.TrimSpace(text) == "" {
		_, err = db.write.ExecContext(ctx, `DELETE FROM notes WHERE kind = ? AND item_id = ?`, kind, id)
	} else {
		_, err = db.write.ExecContext(ctx, `INSERT OR REPLACE INTO notes(kind, item_id, text, updated_at) VALUES (?, ?, ?, ?)`,
			kind, id, text, time.Now().UTC().Format(timeLayout))
	}
	if err != nil {
		return fmt.Errorf("write the note of %s %d: %w", kind, id, err)
	}
	return nil
}

// NotesOf returns the notes of the given items of one kind.
func (db *DB) NotesOf(ctx context.Context, kind string, ids []int64) (map[int64]core.Note, error) {
	out := map[int64]core.Note{}
	err := db.eachOf(ctx, `SELECT item_id, text, updated_at FROM notes WHERE kind = ? AND item_id IN (%s)`, ids,
		func(rows *sql.Rows) error {
			var id int64
			var n core.Note
			var at string
			if err := rows.Scan(&id, &n.Text, &at); err != nil {
				return err
			}
			n.UpdatedAt, _ = time.Parse(timeLayout, at)
			out[id] = n
			return nil
		}, kind)
	return out, err
}

// EditsOf returns the edits of the given articles, in core.EditableFields
// order.
func (db *DB) EditsOf(ctx context.Context, ids []int64) (map[int64][]core.Edit, error) {
	out := map[int64][]core.Edit{}
	err := db.eachOf(ctx, `SELECT article_id, field, imported, imported_from, imported_confidence, edited_at FROM article_edits
		WHERE article_id IN (%s)`, ids,
		func(rows *sql.Rows) error {
			var id int64
			var e core.Edit
			var at string
			if err := rows.Scan(&id, &e.Field, &e.Imported, &e.ImportedFrom, &e.ImportedConfidence, &at); err != nil {
				return err
			}
			e.EditedAt, _ = time.Parse(timeLayout, at)
			out[id] = append(out[id], e)
			return nil
		})
	order := map[string]int{}
	for i, f := range core.EditableFields {
		order[f] = i
	}
	for _, es := range out {
		sort.Slice(es, func(i, j int) bool { return order[es[i].Field] < order[es[j].Field] })
	}
	return out, err
}

// fillCuration adds each article's edits, tags and note.
func (db *DB) fillCuration(ctx context.Context, arts []*core.Article) error {
	if len(arts) == 0 {
		return nil
	}
	ids := make([]int64, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	edits, err := db.EditsOf(ctx, ids)
	if err != nil {
		return fmt.Errorf("read edits: %w", err)
	}
	tags, err := db.TagsOf(ctx, core.ItemArticle, ids)
	if err != nil {
		return fmt.Errorf("read tags: %w", err)
	}
	notes, err := db.NotesOf(ctx, core.ItemArticle, ids)
	if err != nil {
		return fmt.Errorf("read notes: %w", err)
	}
	for _, a := range arts {
		a.Edits, a.Tags = edits[a.ID], tags[a.ID]
		if n, ok := notes[a.ID]; ok {
			a.Note = &n
		}
	}
	return nil
}

// moveEventCuration gives event to the tags and note of from, which merged
// into it: tags join, and notes are kept both, the older one first.
func (w *clusterWriter) moveEventCuration(from, to int64) {
	w.exec(`INSERT OR IGNORE INTO tags(kind, item_id, tag, added_at)
		SELECT kind, ?2, tag, added_at FROM tags WHERE kind = 'event' AND item_id = ?1`, from, to)
	w.exec(`DELETE FROM tags WHERE kind = 'event' AND item_id = ?`, from)
	w.exec(`INSERT INTO notes(kind, item_id, text, updated_at)
		SELECT 'event', ?2, text, updated_at FROM notes WHERE kind = 'event' AND item_id = ?1
		ON CONFLICT(kind, item_id) DO UPDATE SET
			text = CASE WHEN notes.updated_at <= excluded.updated_at
			            THEN notes.text || char(10, 10) || excluded.text
			            ELSE excluded.text || char(10, 10) || notes.text END,
			updated_at = max(notes.updated_at, excluded.updated_at)`, from, to)
	w.exec(`DELETE FROM notes WHERE kind = 'event' AND item_id = ?`, from)
}

// tagged is the condition on articles a that keeps those with a tag (one
// argument): a lookup in the tags' primary key for each article.
const tagged = `EXISTS (SELECT 1 FROM tags t WHERE t.kind = 'article' AND t.item_id = a.id AND t.tag = ?)`

// CuratedIDs returns the articles a researcher edited, tagged or noted, and
// the events tagged or noted, each in ascending order.
func (db *DB) CuratedIDs(ctx context.Context) (articles, events []int64, err error) {
	articles, err = db.idsWhere(ctx, `SELECT article_id FROM article_edits
		UNION SELECT item_id FROM tags WHERE kind = 'article' UNION SELECT item_id FROM notes WHERE kind = 'article' ORDER BY 1`)
	if err != nil {
		return nil, nil, err
	}
	events, err = db.idsWhere(ctx, `SELECT item_id FROM tags WHERE kind = 'event'
		UNION SELECT item_id FROM notes WHERE kind = 'event' ORDER BY 1`)
	return articles, events, err
}
