package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
)

// NewArticle is a parsed document ready to be stored.
type NewArticle struct {
	Doc      core.Document
	SHA256   string // of Doc.Original
	TextHash string // of the normalised text
	Words    int
	Blocks   []core.Block
	Size     int64 // of the file
	ModTime  time.Time
}

// AddResult says what storing one NewArticle did.
type AddResult struct {
	ID int64
	// Added is true when the article is new to the archive; false when its
	// bytes were already there (then at most a new location was recorded).
	Added bool
}

// AddArticles stores a batch of articles in one transaction: either all of
// them, with their locations and blocks, are stored, or none is. Bytes the
// archive already holds add a location to the existing article instead.
func (db *DB) AddArticles(ctx context.Context, importID int64, batch []NewArticle) ([]AddResult, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format(timeLayout)
	out := make([]AddResult, len(batch))

	find, err := tx.PrepareContext(ctx, `SELECT id FROM articles WHERE sha256 = ?`)
	if err != nil {
		return nil, err
	}
	defer find.Close()
	insArticle, err := tx.PrepareContext(ctx, `INSERT INTO articles(sha256, text_hash, title, byline, outlet, url, published,
		published_raw, published_from, published_confidence, no_body, language, encoding, format, words, text, original, import_id, imported_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer insArticle.Close()
	insFile, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO article_files(article_id, path, record, size, mtime, import_id)
		VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer insFile.Close()
	// An article's blocks go in with one statement of as many rows (up to
	// blockRows), prepared once per row count in this transaction.
	insBlocks := map[int]*sql.Stmt{}
	defer func() {
		for _, st := range insBlocks {
			st.Close()
		}
	}()
	var blockArgs []any
	addBlocks := func(id int64, blocks []core.Block) error {
		for from := 0; from < len(blocks); from += blockRows {
			part := blocks[from:min(from+blockRows, len(blocks))]
			st := insBlocks[len(part)]
			if st == nil {
				q := `INSERT INTO blocks(article_id, seq, start, end, kind, hash) VALUES ` +
					strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?), ", len(part)), ", ")
				var err error
				if st, err = tx.PrepareContext(ctx, q); err != nil {
					return err
				}
				insBlocks[len(part)] = st
			}
			blockArgs = blockArgs[:0]
			for k, b := range part {
				blockArgs = append(blockArgs, id, from+k, b.Start, b.End, b.Kind, b.Hash)
			}
			if _, err := st.ExecContext(ctx, blockArgs...); err != nil {
				return err
			}
		}
		return nil
	}

	// The range of ids this batch adds: one writer, so the rows between the
	// first and the last are all new.
	var firstNew, lastNew int64
	for i, a := range batch {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var id int64
		err := find.QueryRowContext(ctx, a.SHA256).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			d := a.Doc
			var published any
			if d.Published != nil {
				published = d.Published.UTC().Format(time.RFC3339)
			}
			res, err := insArticle.ExecContext(ctx, a.SHA256, a.TextHash, d.Title, d.Byline, d.Outlet, d.URL, published,
				d.PublishedRaw, d.PublishedFrom, d.PublishedConfidence, d.NoBody, d.Language, d.Encoding, d.Format, a.Words, d.Text, storedOriginal(d), importID, now)
			if err != nil {
				return nil, fmt.Errorf("store %s: %w", d.Path, err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return nil, err
			}
			if err := addBlocks(id, a.Blocks); err != nil {
				return nil, fmt.Errorf("store blocks of %s: %w", d.Path, err)
			}
			out[i] = AddResult{ID: id, Added: true}
			if firstNew == 0 {
				firstNew = id
			}
			lastNew = id
		case err != nil:
			return nil, fmt.Errorf("look up %s: %w", a.Doc.Path, err)
		default:
			out[i] = AddResult{ID: id}
		}
		if _, err := insFile.ExecContext(ctx, id, a.Doc.Path, a.Doc.Record, a.Size, a.ModTime.UTC().Format(timeLayout), importID); err != nil {
			return nil, fmt.Errorf("record location %s: %w", a.Doc.Path, err)
		}
	}
	// Indexed in one statement after the batch (migration 0013): FTS5 keeps
	// the batch's terms in memory and writes them once, at the commit.
	if firstNew != 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text)
			SELECT id, title, text FROM articles WHERE id BETWEEN ? AND ? ORDER BY id`, firstNew, lastNew); err != nil {
			return nil, fmt.Errorf("index articles: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	return out, nil
}

// blockRows bounds the rows of one insert into blocks (6 values a row,
// under SQLite's 32,766 bound parameters).
const blockRows = 256

const articleColumns = `a.id, a.sha256, a.text_hash, a.title, a.byline, a.outlet, a.url, a.published, a.published_raw,
	a.published_from, a.published_confidence, a.no_body, a.language, a.encoding, a.format, a.words, a.import_id, a.imported_at`

type scanner interface{ Scan(...any) error }

func scanArticle(s scanner, extra ...any) (core.Article, error) {
	var a core.Article
	var published *string
	var imported string
	dest := append([]any{&a.ID, &a.SHA256, &a.TextHash, &a.Title, &a.Byline, &a.Outlet, &a.URL, &published,
		&a.PublishedRaw, &a.PublishedFrom, &a.PublishedConfidence, &a.NoBody, &a.Language, &a.Encoding, &a.Format, &a.Words, &a.ImportID, &imported}, extra...)
	if err := s.Scan(dest...); err != nil {
		return a, err
	}
	if published != nil {
		if t, err := time.Parse(time.RFC3339, *published); err == nil {
			a.Published = &t
		}
	}
	a.ImportedAt, _ = time.Parse(timeLayout, imported)
	return a, nil
}

// Article returns one article with its text and paths.
func (db *DB) Article(ctx context.Context, id int64) (*core.Article, error) {
	row := db.read.QueryRowContext(ctx, `SELECT `+articleColumns+`, a.text FROM articles a WHERE a.id = ?`, id)
	var text string
	a, err := scanArticle(row, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, core.Errorf(core.ENOTFOUND, "no article %d in the archive", id)
	}
	if err != nil {
		return nil, fmt.Errorf("read article %d: %w", id, err)
	}
	a.Text = text
	if err := db.fillPaths(ctx, []*core.Article{&a}); err != nil {
		return nil, err
	}
	if err := db.fillCuration(ctx, []*core.Article{&a}); err != nil {
		return nil, err
	}
	return &a, nil
}

// ArticleText returns an article's text alone: a diff reads nothing else of
// the row, nor the paths and curation Article gathers.
func (db *DB) ArticleText(ctx context.Context, id int64) (string, error) {
	var text string
	err := db.read.QueryRowContext(ctx, `SELECT text FROM articles WHERE id = ?`, id).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", core.Errorf(core.ENOTFOUND, "no article %d in the archive", id)
	}
	if err != nil {
		return "", fmt.Errorf("read article %d: %w", id, err)
	}
	return text, nil
}

// storedOriginal is what an article's original column holds: nothing when
// the bytes it was made from are its text as it is (a UTF-8 text file, most
// of an archive), so that the text is not stored twice, else the bytes. A
// file whose bytes are empty has an empty text too, so an empty column
// always reads back as the text (originalSQL).
func storedOriginal(d core.Document) []byte {
	if d.OriginalIsText() {
		return []byte{}
	}
	return d.Original
}

// originalSQL reads an article's original bytes back (see storedOriginal).
// length() of a blob reads its size from the row's header, not its pages.
const originalSQL = `iif(length(original) = 0, CAST(text AS BLOB), original)`

// Original returns the bytes an article was made from.
func (db *DB) Original(ctx context.Context, id int64) ([]byte, error) {
	var b []byte
	err := db.read.QueryRowContext(ctx, `SELECT `+originalSQL+` FROM articles WHERE id = ?`, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, core.Errorf(core.ENOTFOUND, "no article %d in the archive", id)
	}
	return b, err
}

func (db *DB) fillPaths(ctx context.Context, arts []*core.Article) error {
	if len(arts) == 0 {
		return nil
	}
	byID := make(map[int64]*core.Article, len(arts))
	ids := make([]string, 0, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
		a.Paths = []string{}
		ids = append(ids, strconv.FormatInt(a.ID, 10))
	}
	rows, err := db.read.QueryContext(ctx, `SELECT article_id, path, record FROM article_files WHERE article_id IN (`+
		strings.Join(ids, ",")+`) ORDER BY article_id, path, record`)
	if err != nil {
		return fmt.Errorf("read article paths: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var path string
		var record int
		if err := rows.Scan(&id, &path, &record); err != nil {
			return err
		}
		if record > 0 {
			path = fmt.Sprintf("%s#%d", path, record)
		}
		if a := byID[id]; a != nil && (len(a.Paths) == 0 || a.Paths[len(a.Paths)-1] != path) {
			a.Paths = append(a.Paths, path)
		}
	}
	return rows.Err()
}

var sortColumns = map[string]string{
	"":          "a.id",
	"id":        "a.id",
	"title":     "a.title COLLATE NOCASE",
	"outlet":    "a.outlet",
	"published": "a.published",
	"words":     "a.words",
}

// ListArticles returns a page of articles without their text.
func (db *DB) ListArticles(ctx context.Context, q core.ListQuery) (*core.Page, error) {
	return db.listArticles(ctx, q, true)
}

// listArticles lists a page of articles, counting the articles that match
// (Page.Total) only when withTotal is set: callers that want given articles
// by id do not use the count, which cost a second pass over them.
func (db *DB) listArticles(ctx context.Context, q core.ListQuery, withTotal bool) (*core.Page, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	if q.Offset < 0 {
		q.Offset = 0
	}
	cond, order, args, err := listClauses(q)
	if err != nil {
		return nil, err
	}
	page := &core.Page{Articles: []core.Article{}}
	if withTotal {
		if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+cond, args...).Scan(&page.Total); err != nil {
			return nil, fmt.Errorf("count articles: %w", err)
		}
	}
	if q.IDs != nil {
		// Given ids are few: read their rows at once.
		if err := db.scanArticles(ctx, &page.Articles, `SELECT `+articleColumns+` FROM articles a`+cond+order+
			` LIMIT ? OFFSET ?`, append(args, q.Limit, q.Offset)...); err != nil {
			return nil, err
		}
	} else {
		// A page far down the library skips every article before it. Each
		// row of articles holds its text and spans about a page of the
		// file, so skipping them read gigabytes at a million articles;
		// the ids alone come from an index ordered like the page (every
		// sort column has one, ending in id), which holds thousands of
		// entries a page. Only the page's own rows are then read.
		ids, err := db.idsWhere(ctx, pageIDsSQL(cond, order), append(args, q.Limit, q.Offset)...)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		if err := db.scanArticles(ctx, &page.Articles, `SELECT `+articleColumns+` FROM articles a WHERE a.id IN (`+
			idList(ids)+`)`+order); err != nil {
			return nil, err
		}
	}
	ptrs := make([]*core.Article, len(page.Articles))
	for i := range page.Articles {
		ptrs[i] = &page.Articles[i]
	}
	if err := db.fillPaths(ctx, ptrs); err != nil {
		return nil, err
	}
	return page, db.fillCuration(ctx, ptrs)
}

// listClauses returns a library page's WHERE (or "") and ORDER BY clauses
// over articles a, with the WHERE's arguments.
func listClauses(q core.ListQuery) (cond, order string, args []any, err error) {
	col, ok := sortColumns[q.Sort]
	if !ok {
		return "", "", nil, core.Errorf(core.EINVALID, "cannot sort by %q (use id, title, outlet, published or words)", q.Sort)
	}
	var where []string
	if q.Outlet != "" {
		where, args = append(where, "a.outlet = ?"), append(args, q.Outlet)
	}
	if q.Language != "" {
		where, args = append(where, "a.language = ?"), append(args, q.Language)
	}
	if q.From != nil {
		where, args = append(where, "a.published >= ?"), append(args, q.From.UTC().Format(time.RFC3339))
	}
	if q.To != nil {
		where, args = append(where, "a.published <= ?"), append(args, q.To.UTC().Format(time.RFC3339))
	}
	if q.Tag != "" {
		where, args = append(where, tagged), append(args, q.Tag)
	}
	if q.IDs != nil {
		ids := make([]string, len(q.IDs))
		for i, id := range q.IDs {
			ids[i] = strconv.FormatInt(id, 10)
		}
		where = append(where, "a.id IN ("+strings.Join(append(ids, "NULL"), ",")+")")
	}
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	return cond, " ORDER BY " + col + dir + ", a.id" + dir, args, nil
}

// pageIDsSQL selects the ids of a library page, LIMIT and OFFSET last.
func pageIDsSQL(cond, order string) string {
	return `SELECT a.id FROM articles a` + cond + order + ` LIMIT ? OFFSET ?`
}

// scanArticles appends the articles a query returns, without their text.
func (db *DB) scanArticles(ctx context.Context, into *[]core.Article, query string, args ...any) error {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return err
		}
		*into = append(*into, a)
	}
	return rows.Err()
}

// idList writes ids for an IN list; NULL keeps an empty list valid SQL.
func idList(ids []int64) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte(',')
	}
	b.WriteString("NULL")
	return b.String()
}

// ArticleIDs returns every article id in ascending order.
func (db *DB) ArticleIDs(ctx context.Context) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT id FROM articles ORDER BY id`)
}

// Summaries returns the given articles without text, in the order given.
func (db *DB) Summaries(ctx context.Context, ids []int64) ([]core.Article, error) {
	page, err := db.listArticles(ctx, core.ListQuery{IDs: ids, Limit: len(ids) + 1}, false)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]core.Article, len(page.Articles))
	for _, a := range page.Articles {
		byID[a.ID] = a
	}
	out := make([]core.Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// Titles returns the titles of the given articles, a few hundred per query:
// rebuilding the stories of a million-article archive asked for 97,000 of
// them one at a time.
func (db *DB) Titles(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	const batch = 500
	for lo := 0; lo < len(ids); lo += batch {
		part := ids[lo:min(lo+batch, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := db.read.QueryContext(ctx, `SELECT id, title FROM articles WHERE id IN (?`+strings.Repeat(",?", len(part)-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var t string
			if err := rows.Scan(&id, &t); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = t
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PublishedDates returns the publication date of every dated article.
func (db *DB) PublishedDates(ctx context.Context) (map[int64]time.Time, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, published FROM articles WHERE published IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]time.Time{}
	for rows.Next() {
		var id int64
		var s string
		if err := rows.Scan(&id, &s); err != nil {
			return nil, err
		}
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			out[id] = t
		}
	}
	return out, rows.Err()
}

// Facets summarises the archive for filters.
func (db *DB) Facets(ctx context.Context) (*core.Facets, error) {
	f := &core.Facets{Outlets: []core.Facet{}, Languages: []core.Facet{}, ReadOnly: db.ReadOnly()}
	var first, last *string
	// Three statements: min and max alone each read one end of the
	// published index, and the count the smallest index; together they
	// scanned the published index whole (0.25 s at a million articles).
	if err := db.read.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT min(published) FROM articles WHERE published IS NOT NULL),
		(SELECT max(published) FROM articles)`).Scan(&f.Articles, &first, &last); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		s *string
		t **time.Time
	}{{first, &f.First}, {last, &f.Last}} {
		if p.s != nil {
			if t, err := time.Parse(time.RFC3339, *p.s); err == nil {
				*p.t = &t
			}
		}
	}
	for _, c := range []struct {
		col string
		out *[]core.Facet
	}{{"outlet", &f.Outlets}, {"language", &f.Languages}} {
		rows, err := db.read.QueryContext(ctx, `SELECT value, n FROM facet_counts WHERE facet = ? ORDER BY n DESC, value LIMIT 500`, c.col)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var fc core.Facet
			if err := rows.Scan(&fc.Value, &fc.Count); err != nil {
				rows.Close()
				return nil, err
			}
			*c.out = append(*c.out, fc)
		}
		rows.Close()
	}
	return f, nil
}

// ResolveRef turns a reference given by a user into an article id: a number
// is an id; anything else is a path or file name that must identify one
// imported file.
func (db *DB) ResolveRef(ctx context.Context, ref string) (int64, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, core.Errorf(core.EINVALID, "empty article reference")
	}
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		var n int
		if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, id).Scan(&n); err != nil {
			return 0, err
		}
		if n == 1 {
			return id, nil
		}
		// A file may be named like a number; fall through to paths.
	}
	candidates := []string{ref}
	if abs, err := filepath.Abs(ref); err == nil && abs != ref {
		candidates = append(candidates, abs)
	}
	for _, c := range candidates {
		ids, err := db.idsWhere(ctx, `SELECT DISTINCT article_id FROM article_files WHERE path = ?`, c)
		if err != nil {
			return 0, err
		}
		if len(ids) == 1 {
			return ids[0], nil
		}
		if len(ids) > 1 {
			return 0, ambiguous(ref, ids)
		}
	}
	// A bare name or a tail of a path: match on whole path components.
	tail := "/" + strings.TrimLeft(filepath.ToSlash(ref), "/")
	ids, err := db.idsWhere(ctx, `SELECT DISTINCT article_id FROM article_files
		WHERE substr(path, -?) = ?`, len(tail), tail)
	if err != nil {
		return 0, err
	}
	switch len(ids) {
	case 0:
		return 0, core.Errorf(core.ENOTFOUND, "no article with id or file %q in the archive", ref)
	case 1:
		return ids[0], nil
	}
	return 0, ambiguous(ref, ids)
}

func ambiguous(ref string, ids []int64) error {
	s := make([]string, 0, len(ids))
	for i, id := range ids {
		if i == 5 {
			s = append(s, "...")
			break
		}
		s = append(s, strconv.FormatInt(id, 10))
	}
	return core.Errorf(core.ECONFLICT, "%q matches %d articles (ids %s): give an id or a longer path", ref, len(ids), strings.Join(s, ", "))
}
