package store

import (
	"context"
	"errors"

	"github.com/storydiff/storydiff/core"
	"modernc.org/sqlite"
)

// SetNarrowFilter sets how many articles a search filter may keep to be
// applied as a set of ids, until the returned function restores it.
func SetNarrowFilter(n int) (restore func()) {
	old := narrowFilter
	narrowFilter = n
	return func() { narrowFilter = old }
}

// SortColumns lists the library's sort names.
func SortColumns() []string {
	var out []string
	for name := range sortColumns {
		out = append(out, name)
	}
	return out
}

// PageIDsPlan returns SQLite's plan for the query that finds a library
// page's ids, one line a step.
func (db *DB) PageIDsPlan(ctx context.Context, q core.ListQuery) ([]string, error) {
	cond, order, args, err := listClauses(q)
	if err != nil {
		return nil, err
	}
	rows, err := db.read.QueryContext(ctx, "EXPLAIN QUERY PLAN "+pageIDsSQL(cond, order), append(args, 10, 5)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return nil, err
		}
		plan = append(plan, detail)
	}
	return plan, rows.Err()
}

// SetRankingLists sets how many holders a term needs for a list in the
// ranking index and how many its list keeps, until restore is called.
func SetRankingLists(listed, keep int) (restore func()) {
	oldListed, oldKeep := rankListed, rankKeep
	rankListed, rankKeep = listed, keep
	return func() { rankListed, rankKeep = oldListed, oldKeep }
}

// RankFromIndex ranks a one-word search from the ranking index alone: ok
// is false when the index cannot prove the page.
func (db *DB) RankFromIndex(ctx context.Context, input string, opt core.SearchOptions) (ids []int64, ranks []float64, ok bool, err error) {
	ranked, ok, err := db.rankExactly(ctx, input, opt)
	for _, r := range ranked {
		ids, ranks = append(ids, r.id), append(ranks, r.rank)
	}
	return ids, ranks, ok, err
}

// UnplacedProfiledPlan returns SQLite's plan for UnplacedProfiled's query.
func (db *DB) UnplacedProfiledPlan(ctx context.Context) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, "EXPLAIN QUERY PLAN "+unplacedQuery, 8)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return nil, err
		}
		plan = append(plan, detail)
	}
	return plan, rows.Err()
}

// KeyLists is a key index held as lists, for tests that replace the index
// with one written out by hand.
type KeyLists struct {
	Keys  []uint64
	Lists [][]int64
}

func (l KeyLists) Len() int                         { return len(l.Keys) }
func (l KeyLists) Key(i int) uint64                 { return l.Keys[i] }
func (l KeyLists) Holders(i int, _ []int64) []int64 { return l.Lists[i] }

// SetPairKeep sets how many holders a list of the pair index keeps, until
// restore is called.
func SetPairKeep(keep int) (restore func()) {
	old := pairKeep
	pairKeep = keep
	return func() { pairKeep = old }
}

// WriterCacheSpills returns how many times the writer's page cache has
// written dirty pages out before a commit because it was full
// (SQLITE_DBSTATUS_CACHE_SPILL).
func (db *DB) WriterCacheSpills(ctx context.Context) (int, error) {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var spills int
	err = conn.Raw(func(dc any) error {
		st, ok := dc.(*writerConn).Conn.(sqlite.DBStatus)
		if !ok {
			return errors.New("the writer's connection reports no status")
		}
		spills, _, err = st.Status(sqlite.DBStatusCacheSpill, false)
		return err
	})
	return spills, err
}
