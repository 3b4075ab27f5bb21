package report_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storydiff/storydiff/report"
)

// TestHTMLInChromium opens each HTML report in headless Chromium and checks
// that the browser logs nothing: the page's Content-Security-Policy forbids
// every script and every load, and Chromium logs each attempt it blocks (and
// every console message) as a CONSOLE line. A control page with a script and
// a remote image shows that such attempts are caught.
func TestHTMLInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	bin := ""
	for _, b := range []string{"/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if _, err := os.Stat(b); err == nil {
			bin = b
			break
		}
	}
	if bin == "" {
		t.Skip("no Chromium found (apt-get install chromium): HTML not checked in a browser")
	}
	control := []byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'">` +
		`</head><body><img src="http://192.0.2.1/x.png"><script>console.error("ran")</script></body></html>`)
	cases := []struct {
		name    string
		page    []byte
		wantLog bool
	}{{"control: a page with a script and a remote image", control, true}}
	for _, m := range models {
		cases = append(cases, struct {
			name    string
			page    []byte
			wantLog bool
		}{m.name, write(t, m.model(), report.HTML), false})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			page := filepath.Join(dir, "report.html")
			if err := os.WriteFile(page, c.page, 0o644); err != nil {
				t.Fatal(err)
			}
			stdout, stderr := dumpDOM(t, bin, dir, page)
			var logged []string
			for _, line := range strings.Split(stderr.String(), "\n") {
				if strings.Contains(line, ":CONSOLE") {
					logged = append(logged, line)
				}
			}
			if got := len(logged) > 0; got != c.wantLog {
				t.Fatalf("console lines: %d, want some: %v\n%s", len(logged), c.wantLog, strings.Join(logged, "\n"))
			}
			if c.wantLog {
				return
			}
			dom := stdout.String()
			if !strings.Contains(dom, "</body>") {
				t.Fatalf("Chromium gave no page:\n%s", dom)
			}
			for _, bad := range []string{"<script", "<img", "<iframe", "<object"} {
				if strings.Contains(dom, bad) {
					t.Errorf("the page as Chromium parsed it holds %s", bad)
				}
			}
		})
	}
}

// dumpDOM loads page in headless Chromium and returns what it printed. A
// browser killed by a signal (on a loaded machine Chromium now and then dies
// of a segmentation fault before it reads the page) is started again, up to
// three times: such a crash says nothing of the page, while any other failure
// ends the test at once.
func dumpDOM(t *testing.T, bin, dir, page string) (stdout, stderr bytes.Buffer) {
	t.Helper()
	for attempt := 1; ; attempt++ {
		stdout.Reset()
		stderr.Reset()
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run",
			"--user-data-dir="+filepath.Join(dir, fmt.Sprintf("profile-%d", attempt)),
			"--enable-logging=stderr", "--v=0", "--dump-dom", "file://"+page)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		timedOut := ctx.Err() != nil
		cancel()
		if err == nil {
			return stdout, stderr
		}
		var exit *exec.ExitError
		crashed := errors.As(err, &exit) && !exit.Exited() && !timedOut
		if !crashed || attempt == 3 {
			t.Fatalf("chromium (attempt %d): %v\n%s", attempt, err, stderr.String())
		}
		t.Logf("chromium died (%v) before reading the page; starting it again", err)
	}
}
