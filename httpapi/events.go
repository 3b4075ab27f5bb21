package httpapi

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"sync"
	"time"
)

// Broker relays the service's events to every connected browser as
// Server-Sent Events. It implements app.Emitter.
type Broker struct {
	mu   sync.Mutex
	subs map[chan []byte]struct{}
}

// NewBroker returns a broker with no subscribers.
func NewBroker() *Broker { return &Broker{subs: map[chan []byte]struct{}{}} }

// Emit sends an event to every subscriber. It never blocks the job that
// emits: a browser too slow to read 256 queued events loses the newest
// ones (progress is throttled to 10 a second, so this means a stuck tab).
func (b *Broker) Emit(event string, data any) {
	payload, err := json.Marshal(data)
	if err != nil {
		log.Printf("storydiff serve: event %s: %v", event, err)
		return
	}
	msg := []byte(fmt.Sprintf("event: %s\ndata: %s\n\n", event, payload))
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- msg:
		default:
		}
	}
}

func (b *Broker) subscribe() chan []byte {
	ch := make(chan []byte, 256)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	return ch
}

func (b *Broker) unsubscribe(ch chan []byte) {
	b.mu.Lock()
	delete(b.subs, ch)
	b.mu.Unlock()
}

// streamWriteWindow is how long one write of the event stream may take.
const streamWriteWindow = 30 * time.Second

// ServeHTTP streams events until the client goes away.
func (b *Broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	ch := b.subscribe()
	defer b.unsubscribe(ch)
	// The stream outlives the server's write timeout: each write gets its
	// own deadline instead, so a browser that stops reading is still let go.
	extendWrite(w, streamWriteWindow)
	w.WriteHeader(http.StatusOK)
	// A first comment lets the browser's EventSource report "open" at once.
	if _, err := fmt.Fprint(w, ": connected\n\n"); err != nil || rc.Flush() != nil {
		return
	}
	// Keep-alives stop idle proxies and timeouts from closing the stream.
	tick := time.NewTicker(25 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg := <-ch:
			extendWrite(w, streamWriteWindow)
			if _, err := w.Write(msg); err != nil {
				return
			}
		case <-tick.C:
			extendWrite(w, streamWriteWindow)
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
		}
		if rc.Flush() != nil {
			return
		}
	}
}
