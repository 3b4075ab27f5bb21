package app

import (
	"strings"
	"time"

	"github.com/storydiff/storydiff/core"
)

// ListRequest is a library query as the frontend sends it: dates are
// "YYYY-MM-DD" (an HTML date input's value) or RFC 3339.
type ListRequest struct {
	Offset   int    `json:"offset"`
	Limit    int    `json:"limit"`
	Sort     string `json:"sort"`
	Desc     bool   `json:"desc"`
	Outlet   string `json:"outlet"`
	Language string `json:"language"`
	From     string `json:"from"`
	To       string `json:"to"`
	// Badge keeps only the articles with this badge (see the Badge constants).
	Badge string `json:"badge"`
	// Tag keeps only the articles a researcher tagged so.
	Tag string `json:"tag"`
}

// Query converts the request for the store. To is inclusive: a date means
// up to the end of that day. A zero Limit is the store's default page.
func (r ListRequest) Query() (core.ListQuery, error) {
	q := core.ListQuery{Offset: r.Offset, Limit: r.Limit, Sort: r.Sort, Desc: r.Desc, Outlet: r.Outlet, Language: r.Language, Tag: strings.TrimSpace(r.Tag)}
	if err := (Page{Offset: r.Offset, Limit: r.Limit}).Check(); err != nil {
		return q, err
	}
	var err error
	if q.From, err = parseDay(r.From, false); err != nil {
		return q, err
	}
	if q.To, err = parseDay(r.To, true); err != nil {
		return q, err
	}
	return q, nil
}

func parseDay(s string, endOfDay bool) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return &t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "%q is not a date (use YYYY-MM-DD)", s)
	}
	if endOfDay {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	return &t, nil
}
