package cli_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/cli"
)

// startServe runs `storydiff serve` with args and returns the address line
// it printed and a function that stops it and returns its exit code.
func startServe(t *testing.T, args ...string) (string, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr strings.Builder
	env := &cli.Env{Stdout: pw, Stderr: &stderr}
	db := filepath.Join(t.TempDir(), "archive.db")
	code := make(chan int, 1)
	go func() {
		code <- cli.Main(ctx, append([]string{"--db", db, "serve"}, args...), env)
		pw.Close()
	}()
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "http://") {
				line <- sc.Text()
			}
		}
		close(line)
	}()
	select {
	case l, ok := <-line:
		if !ok {
			cancel()
			t.Fatalf("serve printed no address; exit %d, stderr %q", <-code, stderr.String())
		}
		return l, func() int {
			cancel()
			select {
			case c := <-code:
				return c
			case <-time.After(10 * time.Second):
				t.Fatal("serve did not stop within 10 s of its context ending")
				return -1
			}
		}
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatal("serve printed no address within 20 s")
	}
	return "", nil
}

var urlRE = regexp.MustCompile(`http://[^ ]+`)

func TestServeLoopback(t *testing.T) {
	line, stop := startServe(t, "--addr", "127.0.0.1:0")
	url := urlRE.FindString(line)
	if strings.Contains(url, "token=") {
		t.Errorf("loopback serve printed a token: %s", url)
	}
	res, err := http.Get(url + "api/facets")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET /api/facets: got %d, want 200", res.StatusCode)
	}
	if got := res.Header.Get("Content-Security-Policy"); got == "" {
		t.Error("no Content-Security-Policy header")
	}
	if code := stop(); code != 0 {
		t.Errorf("exit code after Ctrl-C: got %d, want 0", code)
	}
}

func TestServeNonLoopbackRequiresToken(t *testing.T) {
	line, stop := startServe(t, "--addr", "0.0.0.0:0")
	defer stop()
	url := urlRE.FindString(line)
	i := strings.Index(url, "?token=")
	if i < 0 || len(url)-i-len("?token=") < 32 {
		t.Fatalf("non-loopback serve printed %q, want a URL with a generated token", url)
	}
	base, token := url[:i], url[i+len("?token="):]
	for _, tt := range []struct {
		name, target string
		want         int
	}{
		{"without the token", base + "api/facets", http.StatusUnauthorized},
		{"with the token", base + "api/facets?token=" + token, http.StatusOK},
	} {
		res, err := http.Get(tt.target)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, res.StatusCode, tt.want)
		}
	}
}

func TestServeUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"address without a port", []string{"serve", "--addr", "localhost"}},
		{"stray argument", []string{"serve", "now"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb strings.Builder
			env := &cli.Env{Stdout: &out, Stderr: &errb}
			args := append([]string{"--db", filepath.Join(t.TempDir(), "a.db")}, tt.args...)
			if code := cli.Main(context.Background(), args, env); code != 2 {
				t.Errorf("exit code: got %d, want 2 (stderr %q)", code, errb.String())
			}
		})
	}
}
