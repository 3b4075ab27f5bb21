package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// ProfileRow is one article's evidence profile as stored: the blob, the
// version of the code that made it, and its rare keys for the key index.
type ProfileRow struct {
	ID   int64
	Data []byte
	Keys []uint64
}

// SaveProfiles stores a batch of profiles and replaces their rows in the key
// index, in one transaction.
func (db *DB) SaveProfiles(ctx context.Context, version int, batch []ProfileRow) error {
	if len(batch) == 0 {
		return nil
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save profiles: %w", err)
	}
	defer tx.Rollback()
	del, err := tx.PrepareContext(ctx, `DELETE FROM profile_keys WHERE article_id = ?`)
	if err != nil {
		return err
	}
	defer del.Close()
	put, err := tx.PrepareContext(ctx, `INSERT INTO profiles(article_id, version, data) VALUES (?, ?, ?)
		ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, data = excluded.data`)
	if err != nil {
		return err
	}
	defer put.Close()
	// An article's keys are written after every profile of the batch, all
	// together (see insertKeyRows); an article given twice keeps the keys
	// of its last row, as its profile.
	last := make(map[int64]int, len(batch))
	for i, p := range batch {
		last[p.ID] = i
	}
	var keys []keyRow
	for i, p := range batch {
		if _, err := del.ExecContext(ctx, p.ID); err != nil {
			return fmt.Errorf("save profile of article %d: %w", p.ID, err)
		}
		if _, err := put.ExecContext(ctx, p.ID, version, p.Data); err != nil {
			return fmt.Errorf("save profile of article %d: %w", p.ID, err)
		}
		if last[p.ID] == i {
			for _, k := range p.Keys {
				keys = append(keys, keyRow{int64(k), p.ID})
			}
		}
	}
	st := &txStmts{tx: tx}
	defer st.close()
	if err := st.insertKeyRows(ctx, "profile_keys", keys); err != nil {
		return fmt.Errorf("index profiles: %w", err)
	}
	return tx.Commit()
}

// StaleProfiles returns the queued articles without a profile made by
// version, in id order.
func (db *DB) StaleProfiles(ctx context.Context, version int) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT q.article_id FROM analysis_queue q LEFT JOIN profiles p ON p.article_id = q.article_id
		WHERE p.article_id IS NULL OR p.version <> ? ORDER BY q.article_id`, version)
}

// Profiles returns the stored profiles of ids made by version (missing ones
// are left out).
func (db *DB) Profiles(ctx context.Context, version int, ids []int64) (map[int64][]byte, error) {
	out := make(map[int64][]byte, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 500)
		chunk := ids[:n]
		ids = ids[n:]
		rows, err := db.read.QueryContext(ctx, `SELECT article_id, data FROM profiles WHERE version = ? AND article_id IN (`+placeholders(len(chunk))+`)`,
			append([]any{version}, int64Args(chunk)...)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var data []byte
			if err := rows.Scan(&id, &data); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = data
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// EachProfile calls fn with every profile made by version, in id order.
func (db *DB) EachProfile(ctx context.Context, version int, fn func(id int64, data []byte) error) error {
	return db.eachBlob(ctx, `SELECT article_id, data FROM profiles WHERE version = ? ORDER BY article_id`, []any{version}, fn)
}

// EachProfileBetween is EachProfile for the articles with ids from lo to hi.
func (db *DB) EachProfileBetween(ctx context.Context, version int, lo, hi int64, fn func(id int64, data []byte) error) error {
	return db.eachBlob(ctx, `SELECT article_id, data FROM profiles WHERE article_id BETWEEN ? AND ? AND version = ? ORDER BY article_id`,
		[]any{lo, hi, version}, fn)
}

// KeyCandidates returns, for each article sharing at least one of keys with
// the caller, how many keys it shares. A key held by more than maxPerKey
// articles is skipped (a word every notice of a template shares says
// nothing). Each key's holders are counted first in key_counts, one row a
// key, so that a skipped key costs no read of its holders: in a large
// archive most of an article's keys are over the cap, and reading
// maxPerKey+1 holders of each only to drop them was most of an import's
// linking. The rows read are at most len(keys)·(maxPerKey+1).
func (db *DB) KeyCandidates(ctx context.Context, keys []uint64, maxPerKey int) (map[int64]int, error) {
	holders, err := db.KeyHolders(ctx, keys)
	if err != nil {
		return nil, err
	}
	stmt, err := db.read.PrepareContext(ctx, `SELECT article_id FROM profile_keys WHERE key = ? LIMIT ?`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	out := map[int64]int{}
	var ids []int64
	for _, k := range keys {
		// A key no profile holds has no row in key_counts (or a count of 0).
		if n, ok := holders[k]; !ok || n > maxPerKey {
			continue
		}
		rows, err := stmt.QueryContext(ctx, int64(k), maxPerKey+1)
		if err != nil {
			return nil, err
		}
		ids = ids[:0]
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		// The count and the rows agree while the triggers keep key_counts
		// (storydiff check verifies it); this bound holds even if not.
		if len(ids) > maxPerKey {
			continue
		}
		for _, id := range ids {
			out[id]++
		}
	}
	return out, nil
}

// KeyHolderIDs returns the articles holding each of keys that at most
// maxPerKey articles hold, as KeyCandidates counts them, for many articles
// at once: the caller reads the counts of the union of their keys once
// (KeyHolders) and passes them, and the holders of keys over the cap or
// held by none are not read. The keys under the cap are read a few hundred
// a statement. A key found to hold more rows than maxPerKey (the counts
// disagree with the index) is left out, as KeyCandidates leaves it.
func (db *DB) KeyHolderIDs(ctx context.Context, counts map[uint64]int, maxPerKey int) (map[uint64][]int64, error) {
	var keys []int64
	for k, n := range counts {
		if n > 0 && n <= maxPerKey {
			keys = append(keys, int64(k))
		}
	}
	slices.Sort(keys)
	// Each batch's holders are kept apart while the batches are read at
	// once; a key's rows all come from its one batch, in article order.
	parts := make([]map[uint64][]int64, (len(keys)+idBatch-1)/idBatch)
	err := inBatchesConcurrently(keys, func(b int, part []any) error {
		rows, err := db.read.QueryContext(ctx, `SELECT key, article_id FROM profile_keys WHERE key IN (?`+strings.Repeat(",?", len(part)-1)+`)`, part...)
		if err != nil {
			return err
		}
		defer rows.Close()
		got := make(map[uint64][]int64, len(part))
		for rows.Next() {
			var k, id int64
			if err := rows.Scan(&k, &id); err != nil {
				return err
			}
			got[uint64(k)] = append(got[uint64(k)], id)
		}
		parts[b] = got
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	out := make(map[uint64][]int64, len(keys))
	for _, got := range parts {
		maps.Copy(out, got)
	}
	for k, ids := range out {
		if len(ids) > maxPerKey {
			delete(out, k)
		}
	}
	return out, nil
}

// Languages returns the language code of each of ids ("" when unknown).
func (db *DB) Languages(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 500)
		chunk := ids[:n]
		ids = ids[n:]
		rows, err := db.read.QueryContext(ctx, `SELECT id, language FROM articles WHERE id IN (`+placeholders(len(chunk))+`)`, int64Args(chunk)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var lang string
			if err := rows.Scan(&id, &lang); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = lang
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// ProfileCount returns how many articles hold a profile made by version.
func (db *DB) ProfileCount(ctx context.Context, version int) (int, error) {
	return db.rowCount(ctx, "profiles", int64(version))
}

// KeyHolders returns, for each of keys, how many profiled articles hold it
// (kept by the triggers of key_counts). Keys no article holds are left out.
func (db *DB) KeyHolders(ctx context.Context, keys []uint64) (map[uint64]int, error) {
	out := make(map[uint64]int, len(keys))
	ids := make([]int64, len(keys))
	for i, k := range keys {
		ids[i] = int64(k)
	}
	parts := make([]map[uint64]int, (len(ids)+idBatch-1)/idBatch)
	err := inBatchesConcurrently(ids, func(b int, part []any) error {
		rows, err := db.read.QueryContext(ctx, `SELECT key, n FROM key_counts WHERE n > 0 AND key IN (?`+strings.Repeat(",?", len(part)-1)+`)`, part...)
		if err != nil {
			return err
		}
		defer rows.Close()
		got := make(map[uint64]int, len(part))
		for rows.Next() {
			var k int64
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				return err
			}
			got[uint64(k)] = n
		}
		parts[b] = got
		return rows.Err()
	})
	for _, got := range parts {
		maps.Copy(out, got)
	}
	return out, err
}
