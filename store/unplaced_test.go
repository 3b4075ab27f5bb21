package store_test

import (
	"context"
	"strings"
	"testing"
)

// The articles to place are found from the analysis queue (a few rows after
// an import), never by scanning every profile: the plan reads the queue
// and looks each queued article up.
func TestUnplacedProfiledReadsTheQueue(t *testing.T) {
	db := MustOpenDB(t)
	plan, err := db.UnplacedProfiledPlan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(plan) == 0 || !strings.HasPrefix(plan[0], "SCAN q") {
		t.Fatalf("plan %q: want the queue scanned first", plan)
	}
	for _, step := range plan {
		if strings.HasPrefix(step, "SCAN p") || strings.HasPrefix(step, "SCAN m") {
			t.Errorf("plan %q scans a table that grows with the archive", plan)
		}
	}
}
