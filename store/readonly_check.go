package store

import (
	"context"
	"fmt"
)

// CheckFullText checks that the full-text index agrees with the articles and
// returns the problems found, none when it does.
//
// On a writable archive this is FTS5's own integrity-check command. That
// command is an INSERT, which a read-only archive refuses, and PRAGMA
// integrity_check does not compare an external-content index with its
// content table. So on a read-only archive the index is built afresh from
// the articles in a temporary table (in memory or a temporary file, never
// beside the archive) and the two are compared term by term: for each term,
// the number of articles holding it and of its occurrences.
func (db *DB) CheckFullText(ctx context.Context) ([]string, error) {
	if !db.readOnly {
		if _, err := db.write.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
			return []string{"full-text index: " + err.Error()}, nil
		}
		return nil, nil
	}
	// Temporary tables belong to one connection.
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	drop := func() {
		for _, t := range []string{"sd_check_index", "sd_check_fresh", "sd_check_fts"} {
			conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS temp.`+t)
		}
	}
	drop()
	defer drop()
	for _, q := range []string{
		// Same tokenizer as articles_fts (migration 0001); prefix indexes do
		// not change the terms listed.
		`CREATE VIRTUAL TABLE temp.sd_check_fts USING fts5(title, text, content='', tokenize='unicode61 remove_diacritics 2')`,
		`INSERT INTO temp.sd_check_fts(rowid, title, text) SELECT id, title, text FROM main.articles`,
		`CREATE VIRTUAL TABLE temp.sd_check_fresh USING fts5vocab(temp, sd_check_fts, row)`,
		`CREATE VIRTUAL TABLE temp.sd_check_index USING fts5vocab(main, articles_fts, row)`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return nil, fmt.Errorf("check the full-text index: %w", err)
		}
	}
	var differ int
	var example string
	err = conn.QueryRowContext(ctx, `SELECT count(*), coalesce(min(term), '') FROM (
		SELECT term FROM (SELECT term, doc, cnt FROM temp.sd_check_index EXCEPT SELECT term, doc, cnt FROM temp.sd_check_fresh)
		UNION ALL
		SELECT term FROM (SELECT term, doc, cnt FROM temp.sd_check_fresh EXCEPT SELECT term, doc, cnt FROM temp.sd_check_index))`).Scan(&differ, &example)
	if err != nil {
		// A damaged index fails to read: that is a finding, not a failure.
		return []string{"full-text index: " + err.Error()}, nil
	}
	if differ > 0 {
		return []string{fmt.Sprintf("full-text index: %d terms disagree with the articles (first: %q)", differ, example)}, nil
	}
	return nil, nil
}
