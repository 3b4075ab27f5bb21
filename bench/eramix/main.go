// Command eramix counts, in an analysed archive, the events that put
// undated articles beside dated ones: in an archive of undated reports of
// one era and dated reports of another (BBC's 2004-05 reports and
// Reuters-21578's 1987 stories), such an event is most often a topic shared
// across the years rather than one event. It prints the archive's event
// figures, the mixed events with their titles, and the undated articles
// given an estimated date.
//
//	go run ./bench/eramix -db archive.db [-list 20]
//
// It only reads the archive.
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"log"
	"strings"

	_ "modernc.org/sqlite"
)

func main() {
	db := flag.String("db", "", "an analysed archive")
	list := flag.Int("list", 20, "mixed events to list, largest first (0 for none)")
	flag.Parse()
	if *db == "" {
		log.Fatal("give -db: an analysed archive")
	}
	d, err := sql.Open("sqlite", "file:"+*db+"?mode=ro")
	if err != nil {
		log.Fatal(err)
	}
	defer d.Close()
	one := func(q string) int {
		var n int
		if err := d.QueryRow(q).Scan(&n); err != nil {
			log.Fatalf("%s: %v", q, err)
		}
		return n
	}
	fmt.Printf("articles: %d (undated %d)\n", one(`SELECT count(*) FROM articles`), one(`SELECT count(*) FROM articles WHERE published IS NULL`))
	fmt.Printf("event links: %d (same event, p >= 0.5: %d)\n", one(`SELECT count(*) FROM event_links`), one(`SELECT count(*) FROM event_links WHERE event_p >= 0.5`))
	fmt.Printf("events: %d, of two or more: %d, largest: %d\n", one(`SELECT count(*) FROM events`), one(`SELECT count(*) FROM events WHERE size > 1`), one(`SELECT coalesce(max(size), 0) FROM events`))
	fmt.Printf("same-event links between an undated and a dated article: %d\n", one(`
		SELECT count(*) FROM event_links l JOIN articles a ON a.id = l.a JOIN articles b ON b.id = l.b
		WHERE l.event_p >= 0.5 AND (a.published IS NULL) != (b.published IS NULL)`))
	// An event is mixed when it holds undated and dated articles.
	const mixed = `
		SELECT m.event_id, count(*) AS n, sum(a.published IS NULL) AS undated
		FROM event_members m JOIN articles a ON a.id = m.article_id
		GROUP BY m.event_id HAVING undated > 0 AND undated < n`
	fmt.Printf("events mixing undated and dated articles: %d, holding %d undated articles\n",
		one(`SELECT count(*) FROM (`+mixed+`)`), one(`SELECT coalesce(sum(undated), 0) FROM (`+mixed+`)`))
	fmt.Printf("undated articles with an anchor: %d, with an estimated span: %d\n",
		one(`SELECT count(*) FROM date_estimates`), one(`SELECT count(*) FROM date_estimates WHERE lo != 0`))
	if *list <= 0 {
		return
	}
	rows, err := d.Query(`SELECT event_id, n, undated FROM (`+mixed+`) ORDER BY n DESC, event_id LIMIT ?`, *list)
	if err != nil {
		log.Fatal(err)
	}
	type ev struct{ id, n, undated int }
	var evs []ev
	for rows.Next() {
		var e ev
		if err := rows.Scan(&e.id, &e.n, &e.undated); err != nil {
			log.Fatal(err)
		}
		evs = append(evs, e)
	}
	if err := rows.Err(); err != nil {
		log.Fatal(err)
	}
	for _, e := range evs {
		fmt.Printf("\nevent %d: %d articles, %d undated\n", e.id, e.n, e.undated)
		ms, err := d.Query(`SELECT a.id, coalesce(substr(a.published, 1, 10), 'undated'), a.title
			FROM event_members m JOIN articles a ON a.id = m.article_id
			WHERE m.event_id = ? ORDER BY a.published IS NOT NULL, a.published, a.id LIMIT 12`, e.id)
		if err != nil {
			log.Fatal(err)
		}
		for ms.Next() {
			var id int
			var day, title string
			if err := ms.Scan(&id, &day, &title); err != nil {
				log.Fatal(err)
			}
			fmt.Printf("  %6d  %-10s  %s\n", id, day, strings.TrimSpace(title))
		}
		if err := ms.Err(); err != nil {
			log.Fatal(err)
		}
		ms.Close()
	}
}
