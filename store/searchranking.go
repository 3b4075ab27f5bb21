package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// The ranking index (migration 0017) keeps, for every term held by at least
// rankListed articles, the rankKeep holders with the largest bm25 term
// weight and the largest weight of those left out. bm25 is a sum over the
// search's phrases of idf × weight, so a search for one such term can read
// its best holders in order and stop as soon as no unread holder can beat
// the k-th best: it gives FTS5's order exactly without scoring every holder
// (searchtopk.go).
//
// A weight depends on the archive's mean article length (avg), which moves
// as articles are added. The stored weights are those at the avg of the
// build; at any other avg a weight is at most its stored value times
// max(1, avg/built avg) (the length term of the denominator scales by
// built/avg, the rest does not move), so the stored order still bounds
// what is unread.
var (
	// rankListed: ranking every holder of a term held by fewer articles
	// takes about 20 ms at 100,000 articles (BENCHMARKS.md), so such terms
	// are ranked whole as before.
	rankListed = 5000
	// rankKeep holders a term: enough for the first pages of any search
	// (the k-th best must beat the bound of what is left out).
	rankKeep = 1000
) // variables so that tests can list terms in a small archive

// Settings of the ranking index.
const (
	rankingUpto = "search_ranking_upto" // the newest article taken in
	rankingRows = "search_ranking_rows" // the articles it was built on
)

// bm25's constants, as variables so that Go computes with them as FTS5's C
// does at run time (a Go constant expression is exact, and k1+1.0 would
// round once instead of twice).
var (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// termWeight is FTS5's bm25 weight of a phrase in an article: freq is the
// phrase's count with the column weights applied (a title occurrence counts
// 5), length the article's tokens in all columns, avg their mean. The
// operations are FTS5's, in its order, so that the result is the same
// double.
func termWeight(freq, length, avg float64) float64 {
	return (freq * (bm25K1 + 1.0)) / (freq + bm25K1*(1-bm25B+bm25B*length/avg))
}

// bm25Rank is the rank FTS5's bm25 gives an article for a one-phrase
// search: -(0 + idf × weight).
func bm25Rank(idf, weight float64) float64 {
	score := 0.0
	score += idf * weight
	return -1.0 * score
}

// ftsTotals is FTS5's count of indexed rows and of their tokens (all
// columns), from its averages record.
type ftsTotals struct{ rows, tokens int64 }

func (t ftsTotals) avg() float64 { return float64(t.tokens) / float64(t.rows) }

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readTotals decodes the averages record (id 1 of articles_fts_data): the
// row count and each column's token count, as varints.
func readTotals(ctx context.Context, q querier) (ftsTotals, error) {
	var blob []byte
	err := q.QueryRowContext(ctx, `SELECT block FROM articles_fts_data WHERE id = 1`).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return ftsTotals{}, nil
	}
	if err != nil {
		return ftsTotals{}, err
	}
	var t ftsTotals
	for i := 0; len(blob) > 0; i++ {
		v, n := ftsVarint(blob)
		if n == 0 {
			return ftsTotals{}, fmt.Errorf("the search index's totals record is damaged")
		}
		if i == 0 {
			t.rows = int64(v)
		} else {
			t.tokens += int64(v)
		}
		blob = blob[n:]
	}
	return t, nil
}

// docLength sums an articles_fts_docsize record: each column's tokens.
func docLength(blob []byte) (int64, error) {
	var sum int64
	for len(blob) > 0 {
		v, n := ftsVarint(blob)
		if n == 0 {
			return 0, fmt.Errorf("a search index size record is damaged")
		}
		sum += int64(v)
		blob = blob[n:]
	}
	return sum, nil
}

// ftsVarint reads SQLite's varint (big-endian 7-bit groups, a ninth byte of
// 8 bits), as FTS5 writes them; n is 0 when b ends inside one.
func ftsVarint(b []byte) (v uint64, n int) {
	for i := 0; i < 9 && i < len(b); i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// idfOf is bm25's idf of a phrase held by hits of rows articles. The
// logarithm is SQLite's (ln, the C library's log), so that it is FTS5's
// double and not Go's, which may differ in the last bit.
func idfOf(ctx context.Context, q querier, rows, hits int64) (float64, error) {
	var idf float64
	if err := q.QueryRowContext(ctx, `SELECT ln(?)`, (float64(rows-hits)+0.5)/(float64(hits)+0.5)).Scan(&idf); err != nil {
		return 0, err
	}
	if idf <= 0.0 {
		idf = 1e-6
	}
	return idf, nil
}

// listedTerm is a term of the ranking index with its list.
type listedTerm struct {
	term    string
	holders int64
	avg     float64
	bound   float64
	list    []holder
}

type holder struct {
	article      int64
	weight       float64
	freq, length int64
}

// RefreshSearchRanking brings the ranking index up to date after articles
// were added or changed: it takes in the articles added since it was
// built and the ones whose title or text changed, or builds it anew when
// the archive has doubled since (so that terms grown common get their
// lists) or it was never built. A read-only archive is left as it is, and
// its searches rank as before where the index is behind.
func (db *DB) RefreshSearchRanking(ctx context.Context, progress core.ProgressFunc) error {
	if db.readOnly {
		return nil
	}
	var rows int64
	built, err := db.Setting(ctx, rankingRows, &rows)
	if err != nil {
		return fmt.Errorf("ranking index: %w", err)
	}
	totals, err := readTotals(ctx, db.read)
	if err != nil {
		return fmt.Errorf("ranking index: %w", err)
	}
	if !built || totals.rows >= 2*rows {
		return db.BuildSearchRanking(ctx, progress)
	}
	return db.foldSearchRanking(ctx, progress)
}

// BuildSearchRanking builds the ranking index from FTS5's own ranking: for
// each term held by at least rankListed articles, its best rankKeep+1
// holders by bm25, from which each holder's frequency is recovered (it is
// an integer) and its weight checked to give FTS5's rank again. It reads
// one snapshot and writes at the end, so searches and other writers go on
// meanwhile; when articles changed in between it reads again.
func (db *DB) BuildSearchRanking(ctx context.Context, progress core.ProgressFunc) error {
	if err := db.CheckWritable(); err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		b, err := db.readRanking(ctx, progress)
		if err != nil {
			return fmt.Errorf("build the ranking index: %w", err)
		}
		done, err := db.writeRanking(ctx, b)
		if err != nil {
			return fmt.Errorf("build the ranking index: %w", err)
		}
		if done {
			return nil
		}
		if attempt == 2 {
			// The archive keeps changing under the build: searches rank
			// as before until the next refresh.
			return nil
		}
	}
}

// rankingBuild is what one snapshot gave.
type rankingBuild struct {
	stamp  string // what must not have changed before it is written
	upto   int64
	totals ftsTotals
	terms  []listedTerm
	// vocabulary is every term of the index.
	vocabulary []string
	// pairs is the pair index (searchpairs.go).
	pairs *pairBuild
}

// changeStamp identifies the state of the indexed articles: the newest id,
// the count of metadata edits, the rows waiting in search_changed and FTS5's
// totals (which move with any insert or delete).
func changeStamp(ctx context.Context, q querier) (string, error) {
	var stamp string
	err := q.QueryRowContext(ctx, `SELECT coalesce((SELECT max(id) FROM articles), 0) || '/' ||
		coalesce((SELECT value FROM settings WHERE key = ?), '0') || '/' ||
		(SELECT count(*) FROM search_changed) || '/' ||
		coalesce((SELECT hex(block) FROM articles_fts_data WHERE id = 1), '')`, metadataEdits).Scan(&stamp)
	return stamp, err
}

func (db *DB) readRanking(ctx context.Context, progress core.ProgressFunc) (*rankingBuild, error) {
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, articles_fts, row)`); err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	b := &rankingBuild{}
	if b.stamp, err = changeStamp(ctx, tx); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&b.upto); err != nil {
		return nil, err
	}
	if b.totals, err = readTotals(ctx, tx); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT term, doc FROM temp.search_vocab`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var t listedTerm
		if err := rows.Scan(&t.term, &t.holders); err != nil {
			rows.Close()
			return nil, err
		}
		b.vocabulary = append(b.vocabulary, t.term)
		if t.holders >= int64(rankListed) {
			b.terms = append(b.terms, t)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	avg := b.totals.avg()
	for i := range b.terms {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if progress != nil {
			progress(core.Progress{Stage: "ranking index", Done: i, Total: len(b.terms)})
		}
		t := &b.terms[i]
		t.avg = avg
		if err := listTerm(ctx, tx, t, b.totals, rankKeep); err != nil {
			return nil, err
		}
	}
	if progress != nil {
		progress(core.Progress{Stage: "ranking index", Done: len(b.terms), Total: len(b.terms)})
	}
	if b.pairs, err = readPairs(ctx, tx, b.terms, b.totals, b.upto, progress); err != nil {
		return nil, err
	}
	return b, nil
}

// listTerm reads a term's best keep+1 holders as FTS5 ranks them, and
// recovers each one's frequency from its rank, its length and the idf.
func listTerm(ctx context.Context, q querier, t *listedTerm, totals ftsTotals, keep int) error {
	idf, err := idfOf(ctx, q, totals.rows, t.holders)
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, `SELECT rowid, `+bm25+` AS s FROM articles_fts WHERE articles_fts MATCH ?
		ORDER BY s, rowid DESC LIMIT ?`, ftsPhrase(t.term), keep+1)
	if err != nil {
		return err
	}
	type ranked struct {
		id   int64
		rank float64
	}
	var got []ranked
	for rows.Next() {
		var r ranked
		if err := rows.Scan(&r.id, &r.rank); err != nil {
			rows.Close()
			return err
		}
		got = append(got, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	lengths, err := docLengths(ctx, q, func(yield func(int64) bool) {
		for _, r := range got {
			if !yield(r.id) {
				return
			}
		}
	})
	if err != nil {
		return err
	}
	for i, r := range got {
		length, ok := lengths[r.id]
		if !ok {
			return fmt.Errorf("article %d has no size in the search index", r.id)
		}
		// weight = f(k1+1)/(f+K), so f = weight×K/(k1+1-weight).
		w := -r.rank / idf
		k := bm25K1 * (1 - bm25B + bm25B*float64(length)/t.avg)
		freq := int64(math.Round(w * k / (bm25K1 + 1 - w)))
		weight := termWeight(float64(freq), float64(length), t.avg)
		if bm25Rank(idf, weight) != r.rank {
			return fmt.Errorf("the rank of article %d for a term could not be derived again (%v, FTS5 %v)", r.id, bm25Rank(idf, weight), r.rank)
		}
		if i == keep {
			t.bound = weight
			break
		}
		t.list = append(t.list, holder{article: r.id, weight: weight, freq: freq, length: length})
	}
	return nil
}

// docLengths reads the token counts of articles from FTS5's size records.
func docLengths(ctx context.Context, q querier, ids func(func(int64) bool)) (map[int64]int64, error) {
	out := map[int64]int64{}
	var batch []string
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rows, err := q.QueryContext(ctx, `SELECT id, sz FROM articles_fts_docsize WHERE id IN (`+strings.Join(batch, ",")+`)`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var sz []byte
			if err := rows.Scan(&id, &sz); err != nil {
				return err
			}
			n, err := docLength(sz)
			if err != nil {
				return err
			}
			out[id] = n
		}
		batch = batch[:0]
		return rows.Err()
	}
	for id := range ids {
		batch = append(batch, strconv.FormatInt(id, 10))
		if len(batch) == 500 {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	return out, flush()
}

// ftsPhrase quotes an index term as an FTS5 phrase.
func ftsPhrase(term string) string { return `"` + strings.ReplaceAll(term, `"`, `""`) + `"` }

// writeRanking replaces the index with b, unless the archive changed since
// b was read (then it reports false and writes nothing).
func (db *DB) writeRanking(ctx context.Context, b *rankingBuild) (bool, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	stamp, err := changeStamp(ctx, tx)
	if err != nil {
		return false, err
	}
	if stamp != b.stamp {
		return false, nil
	}
	for _, q := range []string{`DELETE FROM search_terms`, `DELETE FROM search_holders`, `DELETE FROM search_changed`, `DELETE FROM search_vocabulary`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return false, err
		}
	}
	insTerm, err := tx.PrepareContext(ctx, `INSERT INTO search_terms(term, holders, weight_avg, bound) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return false, err
	}
	defer insTerm.Close()
	insHolder, err := tx.PrepareContext(ctx, `INSERT INTO search_holders(term, weight, article, freq, length) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return false, err
	}
	defer insHolder.Close()
	for _, t := range b.terms {
		if _, err := insTerm.ExecContext(ctx, t.term, t.holders, t.avg, t.bound); err != nil {
			return false, err
		}
		for _, h := range t.list {
			if _, err := insHolder.ExecContext(ctx, t.term, h.weight, h.article, h.freq, h.length); err != nil {
				return false, err
			}
		}
	}
	if err := writePairs(ctx, tx, b.pairs); err != nil {
		return false, err
	}
	insTerm2, err := tx.PrepareContext(ctx, `INSERT INTO search_vocabulary(term) VALUES (?)`)
	if err != nil {
		return false, err
	}
	defer insTerm2.Close()
	for _, term := range b.vocabulary {
		if _, err := insTerm2.ExecContext(ctx, term); err != nil {
			return false, err
		}
	}
	for key, v := range map[string]int64{rankingUpto: b.upto, rankingRows: max(b.totals.rows, 1)} {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, strconv.FormatInt(v, 10)); err != nil {
			return false, err
		}
	}
	return true, tx.Commit()
}

// foldSearchRanking takes into the index the articles added since it was
// built or last refreshed and those whose title or text changed: their
// terms' counts of holders move, and a holder whose weight passes its
// list's bound joins the list (the others stay under the bound, as the
// holders left out at the build). The terms of an article are FTS5's own,
// from a temporary index over the article with the same tokenizer.
func (db *DB) foldSearchRanking(ctx context.Context, progress core.ProgressFunc) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("refresh the ranking index: %w", err)
	}
	defer tx.Rollback()
	if err := foldRanking(ctx, tx, progress, true); err != nil {
		return fmt.Errorf("refresh the ranking index: %w", err)
	}
	return tx.Commit()
}

// foldChanged takes an edit's article into the ranking index in the edit's
// transaction, so that a search never reads the index behind an edit.
func foldChanged(ctx context.Context, tx *sql.Tx) error {
	var any bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM search_changed)`).Scan(&any); err != nil || !any {
		return err
	}
	if err := foldRanking(ctx, tx, nil, false); err != nil {
		return fmt.Errorf("ranking index: %w", err)
	}
	return nil
}

// foldChunk is how many new articles one pass of the temporary index holds.
const foldChunk = 1000

// foldRanking takes in the changed articles, and the new ones too when
// withNew (an edit takes in only its own article, so that it never waits
// for an import's articles).
func foldRanking(ctx context.Context, tx *sql.Tx, progress core.ProgressFunc, withNew bool) error {
	var upto int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?), 0)`, rankingUpto).Scan(&upto); err != nil {
		return err
	}
	newest := upto
	if withNew {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&newest); err != nil {
			return err
		}
	}
	terms := map[string]*listedTerm{}
	rows, err := tx.QueryContext(ctx, `SELECT term, holders, weight_avg, bound FROM search_terms`)
	if err != nil {
		return err
	}
	for rows.Next() {
		t := &listedTerm{}
		if err := rows.Scan(&t.term, &t.holders, &t.avg, &t.bound); err != nil {
			rows.Close()
			return err
		}
		terms[t.term] = t
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var built bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?)`, rankingRows).Scan(&built); err != nil {
		return err
	}
	if built {
		if err := foldArticles(ctx, tx, terms, upto, newest, progress); err != nil {
			return err
		}
		upd, err := tx.PrepareContext(ctx, `UPDATE search_terms SET holders = ? WHERE term = ?`)
		if err != nil {
			return err
		}
		defer upd.Close()
		for _, t := range terms {
			if _, err := upd.ExecContext(ctx, t.holders, t.term); err != nil {
				return err
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_changed`); err != nil {
		return err
	}
	if !withNew {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, rankingUpto, strconv.FormatInt(newest, 10))
	return err
}

// foldArticles moves the changed articles' old terms and pairs out and the
// changed and new articles' terms and pairs in.
func foldArticles(ctx context.Context, tx *sql.Tx, terms map[string]*listedTerm, upto, newest int64, progress core.ProgressFunc) error {
	if err := foldTables(ctx, tx); err != nil {
		return err
	}
	totals, err := readTotals(ctx, tx)
	if err != nil {
		return err
	}
	pairs, err := newPairFold(ctx, tx, totals.avg())
	if err != nil {
		return err
	}
	defer pairs.close()
	index := map[string]int32{}
	// The old texts of changed articles the index took in.
	if _, err := tx.ExecContext(ctx, `INSERT INTO temp.search_fold(rowid, title, text)
		SELECT article, title, text FROM search_changed WHERE article <= ?`, upto); err != nil {
		return err
	}
	old, oldPairs, err := foldInstances(ctx, tx, "main.search_terms", index, &pairs.names, true)
	if err != nil {
		return err
	}
	gone, err := foldVocabulary(ctx, tx)
	if err != nil {
		return err
	}
	del, err := tx.PrepareContext(ctx, `DELETE FROM search_holders WHERE term = ? AND article = ?`)
	if err != nil {
		return err
	}
	defer del.Close()
	for _, tf := range old {
		t := terms[tf.term]
		if t == nil {
			continue
		}
		t.holders--
		if _, err := del.ExecContext(ctx, tf.term, tf.article); err != nil {
			return err
		}
	}
	for _, pf := range oldPairs {
		p, err := pairs.get(ctx, pf.a, pf.b)
		if err != nil {
			return err
		}
		if err := pairs.remove(ctx, p, pf.article); err != nil {
			return err
		}
	}
	if err := pairs.flush(ctx); err != nil {
		return err
	}
	// Then what they hold now, and the new articles, a chunk at a time.
	ins, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO search_holders(term, weight, article, freq, length) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	take := func(from string, args ...any) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO temp.search_fold(search_fold) VALUES ('delete-all')`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO temp.search_fold(rowid, title, text) `+from, args...); err != nil {
			return err
		}
		got, gotPairs, err := foldInstances(ctx, tx, "main.search_terms", index, &pairs.names, true)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO search_vocabulary(term) SELECT DISTINCT term FROM temp.search_fold_terms`); err != nil {
			return err
		}
		lengths, err := docLengths(ctx, tx, func(yield func(int64) bool) {
			seen := map[int64]bool{}
			for _, tf := range got {
				if !seen[tf.article] {
					seen[tf.article] = true
					if !yield(tf.article) {
						return
					}
				}
			}
		})
		if err != nil {
			return err
		}
		for _, tf := range got {
			t := terms[tf.term]
			if t == nil {
				continue
			}
			t.holders++
			w := termWeight(float64(tf.freq), float64(lengths[tf.article]), t.avg)
			if w > t.bound {
				if _, err := ins.ExecContext(ctx, tf.term, w, tf.article, tf.freq, lengths[tf.article]); err != nil {
					return err
				}
			}
		}
		for _, pf := range gotPairs {
			p, err := pairs.get(ctx, pf.a, pf.b)
			if err != nil {
				return err
			}
			pairs.take(p, holder{article: pf.article, freq: pf.freq, length: lengths[pf.article]})
		}
		return pairs.flush(ctx)
	}
	if err := take(`SELECT a.id, a.title, a.text FROM articles a JOIN search_changed c ON c.article = a.id WHERE a.id <= ?`, upto); err != nil {
		return err
	}
	// A word only the changed articles held, and no longer, leaves the
	// vocabulary (checked once every article is in).
	for _, term := range gone {
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_vocabulary WHERE term = ?1
			AND NOT EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?2)`, term, ftsPhrase(term)); err != nil {
			return err
		}
	}
	for from := upto + 1; from <= newest; from += foldChunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		if progress != nil {
			progress(core.Progress{Stage: "ranking index", Done: int(from - upto - 1), Total: int(newest - upto)})
		}
		if err := take(`SELECT id, title, text FROM articles WHERE id BETWEEN ? AND ?`, from, from+foldChunk-1); err != nil {
			return err
		}
	}
	return nil
}

// foldVocabulary returns the distinct terms of the temporary index.
func foldVocabulary(ctx context.Context, tx *sql.Tx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT term FROM temp.search_fold_terms`)
	if err != nil {
		return nil, err
	}
	return scanTerms(rows)
}

// termFreq is a listed term's frequency in one article, title
// occurrences counted five times as bm25 weighs them.
type termFreq struct {
	term          string
	article, freq int64
}
