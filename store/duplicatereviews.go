package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
)

// GroupKey is how a duplicate group's review is found again: its members'
// ids, sorted, joined by commas.
func GroupKey(members []int64) string {
	ids := slices.Clone(members)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ",")
}

func parseGroupKey(key string) ([]int64, error) {
	var out []int64
	for _, f := range strings.Split(key, ",") {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("duplicate review %q: %w", key, err)
		}
		out = append(out, id)
	}
	return out, nil
}

// SetDuplicateReview records the review of the group of exactly members, in
// one transaction with the copy kept among them: verdict "" forgets the
// review (an undo), keep 0 clears the copy kept.
func (db *DB) SetDuplicateReview(ctx context.Context, members []int64, verdict string, keep int64) error {
	if len(members) == 0 {
		return core.Errorf(core.EINVALID, "a review needs the group's articles")
	}
	if verdict != "" && verdict != core.GroupDuplicates && verdict != core.GroupNotDuplicates {
		return core.Errorf(core.EINVALID, "a group's verdict is %q or %q, not %q", core.GroupDuplicates, core.GroupNotDuplicates, verdict)
	}
	if keep != 0 && !slices.Contains(members, keep) {
		return core.Errorf(core.EINVALID, "article %d is not in the group it should be kept from", keep)
	}
	key := GroupKey(members)
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if verdict == "" {
		_, err = tx.ExecContext(ctx, `DELETE FROM duplicate_reviews WHERE members = ?`, key)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO duplicate_reviews(members, verdict, keep, reviewed_at) VALUES (?, ?, ?, ?)`,
			key, verdict, keep, time.Now().UTC().Format(timeLayout))
	}
	if err != nil {
		return fmt.Errorf("record the group's review: %w", err)
	}
	for _, id := range members {
		if _, err := tx.ExecContext(ctx, `DELETE FROM keepers WHERE article_id = ?`, id); err != nil {
			return fmt.Errorf("record the group's review: %w", err)
		}
	}
	if keep != 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO keepers(article_id, chosen_at) VALUES (?, ?)`,
			keep, time.Now().UTC().Format(timeLayout)); err != nil {
			return fmt.Errorf("record the group's review: %w", err)
		}
	}
	return tx.Commit()
}

// DuplicateReviews returns every review, by its group's key. Reviews are
// made by hand, one group at a time, so they are few beside the groups.
func (db *DB) DuplicateReviews(ctx context.Context) (map[string]core.DuplicateReview, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT members, verdict, keep, reviewed_at FROM duplicate_reviews`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]core.DuplicateReview{}
	for rows.Next() {
		var key, at string
		var r core.DuplicateReview
		if err := rows.Scan(&key, &r.Verdict, &r.Keep, &at); err != nil {
			return nil, err
		}
		if r.Members, err = parseGroupKey(key); err != nil {
			return nil, err
		}
		r.ReviewedAt, _ = time.Parse(timeLayout, at)
		out[key] = r
	}
	return out, rows.Err()
}
