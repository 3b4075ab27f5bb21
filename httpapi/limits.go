package httpapi

import (
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"
)

// Limits bound what one client may hold of `storydiff serve`: without
// them a client that sends its body a byte at a time, or keeps idle
// connections open, holds them for ever, and enough such clients starve
// the researcher's own browser.
type Limits struct {
	// ReadHeader bounds the reading of a request's headers.
	ReadHeader time.Duration
	// Read bounds the reading of a whole request, its body included (once
	// the request is read, net/http lifts it while the handler runs).
	Read time.Duration
	// Write bounds the writing of a response. The event stream extends its
	// own deadline at each message, and a report extends it once rendered.
	Write time.Duration
	// Idle bounds how long a keep-alive connection waits for its next
	// request.
	Idle time.Duration
	// MaxConns is how many connections are served at once; more wait to
	// be accepted.
	MaxConns int
}

// DefaultLimits are generous for one researcher's browser (a page opens a
// handful of connections) and tight for a flood.
var DefaultLimits = Limits{
	ReadHeader: 10 * time.Second,
	Read:       30 * time.Second,
	Write:      60 * time.Second,
	Idle:       30 * time.Second,
	MaxConns:   256,
}

// Server returns a server for h with these limits.
func (l Limits) Server(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeader,
		ReadTimeout:       l.Read,
		WriteTimeout:      l.Write,
		IdleTimeout:       l.Idle,
	}
}

// Listener caps ln at MaxConns connections open at once.
func (l Limits) Listener(ln net.Listener) net.Listener {
	if l.MaxConns <= 0 {
		return ln
	}
	return netutil.LimitListener(ln, l.MaxConns)
}

// extendWrite gives a response d more to be written: for the event
// stream, at each message; for a report, once it is rendered.
func extendWrite(w http.ResponseWriter, d time.Duration) {
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(d))
}
