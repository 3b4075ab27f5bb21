package httpapi_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/httpapi"
)

// A body with anything after its JSON value is refused, and nothing is
// recorded from its first part.
func TestHostileJSONBodies(t *testing.T) {
	svc := newService(t)
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	const verdict = `{"a":"001_d9fdc833d6f29732.txt","b":"002_965cdb6d1926d39b.txt","relation":"duplicate","same":true}`
	for _, body := range []string{verdict + " garbage", verdict + verdict, verdict + "}", verdict + ` {"a":1}`,
		`{"a":"1","b":"2","relation":"duplicate","same":true,"extra":1}`} {
		w := do(h, request{method: "POST", target: "/api/judge", body: body, header: map[string]string{"Content-Type": "application/json"}})
		if w.Code != http.StatusBadRequest {
			t.Errorf("POST /api/judge %q: got %d, want 400: %s", body, w.Code, w.Body.String())
		}
	}
	if js, err := svc.Judgements(context.Background()); err != nil || len(js) != 0 {
		t.Errorf("judgements recorded from refused bodies: %+v, %v", js, err)
	}
	w := do(h, request{method: "POST", target: "/api/import", body: `{"paths":["/nowhere"]} []`, header: map[string]string{"Content-Type": "application/json"}})
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "more than one JSON value") {
		t.Errorf("POST /api/import with a second value: got %d %s, want 400 saying so", w.Code, w.Body.String())
	}
	// One value with white space after it is fine.
	w = do(h, request{method: "POST", target: "/api/judge", body: verdict + "\n\n", header: map[string]string{"Content-Type": "application/json"}})
	if w.Code != http.StatusOK {
		t.Errorf("POST /api/judge with a trailing line break: got %d %s, want 200", w.Code, w.Body.String())
	}
}

// A similarity threshold that is no number, infinite, negative or above 1
// is refused, over HTTP and through the desktop's calls alike, rather than
// printed into a report.
func TestHostileThresholds(t *testing.T) {
	svc := newService(t)
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	for _, v := range []string{"NaN", "nan", "Inf", "+Inf", "-Inf", "-0.5", "1.5", "1e309", "0x1p-2x"} {
		for _, target := range []string{"/api/duplicates?min=" + v, "/api/report?kind=duplicates&format=md&min=" + v} {
			w := do(h, request{target: strings.ReplaceAll(target, "+", "%2B")})
			if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "between 0 and 1") {
				t.Errorf("GET %s: got %d %.200s, want 400 asking for a similarity between 0 and 1", target, w.Code, w.Body.String())
			}
		}
	}
	u := app.NewUI(svc)
	ctx := context.Background()
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1.5} {
		if _, err := u.DuplicateGroups(ctx, f, app.Page{}); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("DuplicateGroups(%g): error %v, want invalid", f, err)
		}
		var buf bytes.Buffer
		err := u.Report(ctx, app.ReportRequest{Kind: "duplicates", Format: "md", MinSimilarity: f}, &buf)
		if core.ErrorCode(err) != core.EINVALID || buf.Len() != 0 {
			t.Errorf("Report(min %g): error %v and %d bytes, want invalid and nothing", f, err, buf.Len())
		}
	}
	if _, err := u.DuplicateGroups(ctx, -1, app.Page{}); err != nil {
		t.Errorf("DuplicateGroups(-1), the default: %v", err)
	}
}

// dupesService holds seed 000, a copy of it with one word changed (a
// near-duplicate), and seed 001.
func dupesService(t *testing.T) *app.Service {
	t.Helper()
	dir := t.TempDir()
	seeds := filepath.Join("..", "testdata", "seeds")
	for _, name := range []string{"000_e445162bcb1b35cb.txt", "001_d9fdc833d6f29732.txt"} {
		b, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
		if strings.HasPrefix(name, "000") {
			os.WriteFile(filepath.Join(dir, "000_edited.txt"), bytes.Replace(b, []byte(" the "), []byte(" a "), 1), 0o644)
		}
	}
	ctx := context.Background()
	svc, err := app.Open(ctx, filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	if _, err := svc.Import(ctx, []string{dir}, app.ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Analyze(ctx, app.AnalyzeOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	return svc
}

// The copy to keep is chosen from one existing duplicate group: any other
// list of articles is refused.
func TestHostileKeep(t *testing.T) {
	svc := dupesService(t)
	ctx := context.Background()
	groups, err := svc.DuplicateGroups(ctx, 0)
	if err != nil || len(groups) != 1 || len(groups[0].Articles) != 2 {
		t.Fatalf("groups at threshold 0: %+v, %v; want one group of two", groups, err)
	}
	g := groups[0].Articles
	var other int64
	for id := int64(1); id <= 3; id++ {
		if id != g[0] && id != g[1] {
			other = id
		}
	}
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	keep := func(article int64, group []int64) *httptest.ResponseRecorder {
		body, _ := json.Marshal(map[string]any{"article": fmt.Sprint(article), "group": group})
		return do(h, request{method: "POST", target: "/api/keep", body: string(body), header: map[string]string{"Content-Type": "application/json"}})
	}
	for _, bad := range [][]int64{{g[0], other}, {g[0], g[1], other}, {g[0]}, {g[0], g[0]}, {g[0], 999}} {
		if w := keep(g[0], bad); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "not one duplicate group") {
			t.Errorf("keep %d from %v: got %d %s, want 400", g[0], bad, w.Code, w.Body.String())
		}
		if err := app.NewUI(svc).Keep(ctx, fmt.Sprint(g[0]), bad); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("UI.Keep %d from %v: %v, want invalid", g[0], bad, err)
		}
	}
	if again, _ := svc.DuplicateGroups(ctx, 0); again[0].Keep != 0 {
		t.Errorf("a refused keep was recorded: %+v", again[0])
	}
	if w := keep(g[1], []int64{g[1], g[0]}); w.Code != http.StatusOK {
		t.Errorf("keep %d from its group: got %d %s, want 200", g[1], w.Code, w.Body.String())
	}
	if again, _ := svc.DuplicateGroups(ctx, 0); again[0].Keep != g[1] {
		t.Errorf("kept %d, want %d", again[0].Keep, g[1])
	}
}

// A search too long or of too many words is refused with a clear message;
// a search the client gave up is answered as canceled, and nothing the
// researcher searched for reaches the log.
func TestHostileSearch(t *testing.T) {
	svc := newService(t)
	h := httpapi.New(svc, httpapi.Options{Frontend: ui})
	var words []string
	for i := range 60_000 {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	for _, c := range []struct{ q, want string }{
		{strings.Join(words, " ") + "*", "at most 2000 bytes"},
		{strings.Join(words[:200], " "), "at most 64 words"},
	} {
		w := do(h, request{target: "/api/search?q=" + strings.ReplaceAll(c.q, " ", "+")})
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), c.want) {
			t.Errorf("search of %d bytes: got %d %.200s, want 400 saying %q", len(c.q), w.Code, w.Body.String(), c.want)
		}
	}
	if w := do(h, request{target: "/api/search?q=" + strings.Join(words[:64], "+")}); w.Code != http.StatusOK {
		t.Errorf("search of 64 words: got %d %.200s, want 200", w.Code, w.Body.String())
	}

	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "http://127.0.0.1:7788/api/search?q=ceasefire+secretword", nil).WithContext(ctx)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != 499 {
		t.Errorf("a canceled search: got %d %s, want 499", w.Code, w.Body.String())
	}
	if strings.Contains(logged.String(), "secretword") || strings.Contains(w.Body.String(), "secretword") {
		t.Errorf("the search's words reached the log or the answer: log %q, body %q", logged.String(), w.Body.String())
	}
}

// serve runs the API with limits on a loopback port.
func serve(t *testing.T, limits httpapi.Limits) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := limits.Server(httpapi.New(newService(t), httpapi.Options{Frontend: ui}))
	go srv.Serve(limits.Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// closedByServer waits until deadline (far past the limits under test) for
// the server to close c, and reports whether it did.
func closedByServer(c net.Conn, r *bufio.Reader, deadline time.Time) bool {
	c.SetReadDeadline(deadline)
	_, err := io.Copy(io.Discard, r)
	var ne net.Error
	return err == nil || !(errors.As(err, &ne) && ne.Timeout())
}

// Idle keep-alive connections, connections that never send a request, and
// slow bodies are closed by the server once their timeout passes.
func TestHostileIdleConnectionsAreClosed(t *testing.T) {
	limits := httpapi.Limits{ReadHeader: time.Second, Read: time.Second, Write: 2 * time.Second, Idle: time.Second, MaxConns: 500}
	addr := serve(t, limits)
	const n = 100
	type conn struct {
		c net.Conn
		r *bufio.Reader
	}
	var conns []conn
	for i := range n {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		r := bufio.NewReader(c)
		switch i % 3 {
		case 0: // one request, then idle on a kept-alive connection
			fmt.Fprint(c, "GET /api/facets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
			res, err := http.ReadResponse(r, nil)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || res.Close {
				t.Fatalf("GET /api/facets: %d, close %v; want 200 on a kept-alive connection", res.StatusCode, res.Close)
			}
		case 1: // half a header
			fmt.Fprint(c, "GET /api/facets HTTP/1.1\r\nHost: 127.0.0.1\r\n")
		case 2: // a body that never comes
			fmt.Fprint(c, "POST /api/judge HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"a\":")
		}
		conns = append(conns, conn{c, r})
	}
	// Each connection is watched at once: a read past the deadline
	// fails without looking, so one after another would count them wrong.
	deadline := time.Now().Add(20 * time.Second)
	closed := make(chan bool, len(conns))
	for _, c := range conns {
		go func() { closed <- closedByServer(c.c, c.r, deadline) }()
	}
	open := 0
	for range conns {
		if !<-closed {
			open++
		}
	}
	if open > 0 {
		t.Errorf("%d of %d idle or slow connections still open 20 s after timeouts of a second", open, n)
	}
}

// The event stream outlives the read and write timeouts: each of its
// writes has a deadline of its own.
func TestHostileEventStreamOutlivesTimeouts(t *testing.T) {
	limits := httpapi.Limits{ReadHeader: 5 * time.Second, Read: 500 * time.Millisecond, Write: 500 * time.Millisecond,
		Idle: 5 * time.Second, MaxConns: 10}
	addr := serve(t, limits)
	req, _ := http.NewRequest("GET", "http://"+addr+"/api/events", nil)
	req.Header.Set("Accept", "text/event-stream")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	time.Sleep(1500 * time.Millisecond) // past the read and write timeouts
	post, err := http.Post("http://"+addr+"/api/analyze", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	post.Body.Close()
	if post.StatusCode != http.StatusAccepted {
		t.Fatalf("POST /api/analyze: %d", post.StatusCode)
	}
	readEvent(t, res.Body, "job:done")
}

// At most MaxConns connections are served at once: one more waits until
// another closes.
func TestHostileConnectionCap(t *testing.T) {
	limits := httpapi.DefaultLimits
	limits.MaxConns = 2
	addr := serve(t, limits)
	var held []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		held = append(held, c)
	}
	third, err := net.Dial("tcp", addr) // the kernel accepts it; the server does not yet
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	fmt.Fprint(third, "GET /api/facets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	r := bufio.NewReader(third)
	third.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	if _, err := r.Peek(1); err == nil {
		t.Fatal("a third connection was served while two were held")
	}
	held[0].Close()
	third.SetReadDeadline(time.Now().Add(20 * time.Second))
	res, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatalf("the third connection was not served once one closed: %v", err)
	}
	res.Body.Close()
}
