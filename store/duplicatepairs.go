package store

import (
	"context"

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
