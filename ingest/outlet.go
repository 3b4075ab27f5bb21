package ingest

import (
	"net/url"
	"strings"
)

// hostOutlet names the outlet after the site a URL points to, for documents
// that give a URL but no outlet: the domain is a fact about the article,
// and researchers group by it.
func hostOutlet(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
