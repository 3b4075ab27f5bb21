package store

import (
	"context"
	"fmt"
	"strings"
)

// The analysis queue (migration 0007) holds the articles an analysis must
// still look at: new articles by a trigger, and every article when the whole
// archive turns stale. StaleFeatures, UncountedLines, UnquotedArticles,
// StaleProfiles and UnplacedProfiled choose among the queued articles, so an
// analysis after an import reads a few rows rather than every article.

// QueueAll queues every article, when something makes the whole archive
// stale: a full analysis, features or profiles made by other code.
func (db *DB) QueueAll(ctx context.Context) error {
	_, err := db.write.ExecContext(ctx, `INSERT OR IGNORE INTO analysis_queue(article_id) SELECT id FROM articles`)
	return err
}

// Queued returns the queued articles, in id order.
func (db *DB) Queued(ctx context.Context) ([]int64, error) {
	return db.idsWhere(ctx, `SELECT article_id FROM analysis_queue ORDER BY article_id`)
}

// Dequeue removes articles an analysis has been through from the queue
// (articles queued meanwhile stay).
func (db *DB) Dequeue(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := inBatches(ids, func(part []any) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM analysis_queue WHERE article_id IN (?`+strings.Repeat(",?", len(part)-1)+`)`, part...)
		return err
	}); err != nil {
		return err
	}
	return tx.Commit()
}

// FeaturesMadeOtherwise reports whether some stored features were made with
// parameters other than paramsHash (and so some article not queued may be
// stale).
func (db *DB) FeaturesMadeOtherwise(ctx context.Context, paramsHash uint64) (bool, error) {
	return db.otherTags(ctx, "features", int64(paramsHash))
}

// ProfilesMadeOtherwise reports whether some stored profiles were made by a
// version other than version.
func (db *DB) ProfilesMadeOtherwise(ctx context.Context, version int) (bool, error) {
	return db.otherTags(ctx, "profiles", int64(version))
}

func (db *DB) otherTags(ctx context.Context, name string, tag int64) (bool, error) {
	var found bool
	err := db.read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM row_counts WHERE name = ? AND tag <> ? AND n > 0)`,
		name, tag).Scan(&found)
	return found, err
}

// checkQueue finds the articles outside the queue that some step of
// analysis has not done: an analysis after an import would never look at
// them again.
func (db *DB) checkQueue(ctx context.Context) ([]string, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM analysis_queue q WHERE q.article_id = a.id) AND (
		      NOT EXISTS (SELECT 1 FROM features f WHERE f.article_id = a.id)
		   OR NOT EXISTS (SELECT 1 FROM line_counted c WHERE c.article_id = a.id)
		   OR NOT EXISTS (SELECT 1 FROM quoted d WHERE d.article_id = a.id)
		   OR NOT EXISTS (SELECT 1 FROM profiles p WHERE p.article_id = a.id)
		   OR NOT EXISTS (SELECT 1 FROM event_members m WHERE m.article_id = a.id))`).Scan(&n)
	if err != nil || n == 0 {
		return nil, err
	}
	return []string{fmt.Sprintf("%d articles are neither analysed nor queued for analysis", n)}, nil
}

// rowCount reads a count kept by the triggers of migration 0007.
func (db *DB) rowCount(ctx context.Context, name string, tag int64) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT coalesce((SELECT n FROM row_counts WHERE name = ? AND tag = ?), 0)`,
		name, tag).Scan(&n)
	return n, err
}

// countedRows is what each kept count counts, for Check.
var countedRows = []struct{ name, query string }{
	{"features", `SELECT 'features', params_hash, count(*) FROM features GROUP BY params_hash`},
	{"sketches", `SELECT 'sketches', params_hash, count(*) FROM sketches GROUP BY params_hash`},
	{"profiles", `SELECT 'profiles', version, count(*) FROM profiles GROUP BY version`},
	{"pairs", `SELECT 'pairs', 0, count(*) FROM pairs`},
	{"event_links", `SELECT 'event_links', 0, count(*) FROM event_links`},
	{"events", `SELECT 'events', 0, count(*) FROM events`},
	{"events_multi", `SELECT 'events_multi', 0, count(*) FROM events WHERE size > 1`},
	{"threads", `SELECT 'threads', 0, count(*) FROM threads`},
	{"repeat_articles", `SELECT 'repeat_articles', 0, count(DISTINCT article_id) FROM repeats`},
}

// checkCounts compares the kept counts with the tables they count.
func (db *DB) checkCounts(ctx context.Context) ([]string, error) {
	var problems []string
	for _, c := range countedRows {
		actual := map[int64]int{}
		rows, err := db.read.QueryContext(ctx, c.query)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var name string
			var tag int64
			var n int
			if err := rows.Scan(&name, &tag, &n); err != nil {
				rows.Close()
				return nil, err
			}
			actual[tag] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		kept := map[int64]int{}
		rows, err = db.read.QueryContext(ctx, `SELECT tag, n FROM row_counts WHERE name = ?`, c.name)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var tag int64
			var n int
			if err := rows.Scan(&tag, &n); err != nil {
				rows.Close()
				return nil, err
			}
			kept[tag] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for tag, n := range actual {
			if kept[tag] != n {
				problems = append(problems, fmt.Sprintf("kept count of %s (%d) is %d, the table holds %d", c.name, tag, kept[tag], n))
			}
		}
		for tag, n := range kept {
			if _, ok := actual[tag]; !ok && n != 0 {
				problems = append(problems, fmt.Sprintf("kept count of %s (%d) is %d, the table holds 0", c.name, tag, n))
			}
		}
	}
	// The key counts (migration 0010), one row a key: only how many differ.
	var wrong int
	if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT key, count(*) AS n FROM profile_keys GROUP BY key) p
		FULL JOIN key_counts k ON k.key = p.key
		WHERE coalesce(p.n, 0) <> coalesce(k.n, 0)`).Scan(&wrong); err != nil {
		return nil, err
	}
	if wrong > 0 {
		problems = append(problems, fmt.Sprintf("kept counts of %d keys of the key index differ from the index", wrong))
	}
	return problems, nil
}
