package store

import (
	"context"
	"strconv"
	"strings"

	"github.com/storydiff/storydiff/core"
)

// DuplicatePairs returns the exact and near-duplicate pairs, without the
// story pairs: duplicate groups need only these, and story pairs are most
// of the table (294,000 of 295,000 on a 21,000-article archive), so reading
// them all took a second and a half of every import's analysis.
func (db *DB) DuplicatePairs(ctx context.Context) ([]core.Pair, error) {
	// The literal 'story' lets SQLite read the partial index pairs_duplicates.
	rows, err := db.read.QueryContext(ctx, `SELECT a, b, kind, jaccard, containment, score FROM pairs
		WHERE kind <> 'story' ORDER BY a, b, kind`)
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

// DuplicatePairsTouching returns the duplicate pairs (kind other than
// story) with a or b among ids, in the order of DuplicatePairs: what one
// page of the library needs to find its articles' groups without reading
// every pair of the archive.
func (db *DB) DuplicatePairsTouching(ctx context.Context, ids []int64) ([]core.Pair, error) {
	out := []core.Pair{}
	if len(ids) == 0 {
		return out, nil
	}
	in := intList(ids)
	rows, err := db.read.QueryContext(ctx, `SELECT a, b, kind, jaccard, containment, score FROM pairs
		WHERE kind <> 'story' AND a IN (`+in+`)
		UNION SELECT a, b, kind, jaccard, containment, score FROM pairs
		WHERE kind <> 'story' AND b IN (`+in+`)
		ORDER BY 1, 2, 3`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p core.Pair
		if err := rows.Scan(&p.A, &p.B, &p.Kind, &p.Jaccard, &p.Containment, &p.Score); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// BadgeFacts says, of the given articles, which are found at several places,
// which repeat a passage inside themselves and which are in an event of two
// or more versions: the library's badges other than duplicate groups, for
// one page.
func (db *DB) BadgeFacts(ctx context.Context, ids []int64) (multiLocated, repeated, inMultiEvent map[int64]bool, err error) {
	multiLocated, repeated, inMultiEvent = map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	if len(ids) == 0 {
		return
	}
	in := intList(ids)
	for _, q := range []struct {
		set   map[int64]bool
		query string
	}{
		{multiLocated, `SELECT article_id FROM multi_located WHERE article_id IN (` + in + `)`},
		{repeated, `SELECT DISTINCT article_id FROM repeats WHERE article_id IN (` + in + `)`},
		{inMultiEvent, `SELECT m.article_id FROM event_members m JOIN events e ON e.id = m.event_id
			WHERE e.size > 1 AND m.article_id IN (` + in + `)`},
	} {
		found, err := db.idsWhere(ctx, q.query)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, id := range found {
			q.set[id] = true
		}
	}
	return
}

// intList spells ids for an IN (...) list: integers only, so nothing a user
// typed reaches the SQL text.
func intList(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ",")
}
