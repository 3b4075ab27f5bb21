package cli_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/cli"
)

// With no command, storydiff opens the window on the archive --db names
// (the default one without --db); help and commands never open it.
func TestNoCommandOpensTheWindowOnTheArchiveGiven(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args       []string
		wantWindow []string // the archive each window was opened on
		wantCode   int
		wantErr    string
	}{
		{[]string{"--db", "/data/news.db"}, []string{"/data/news.db"}, 0, ""},
		{nil, []string{""}, 0, ""},
		{[]string{"--db", "/data/news.db", "--help"}, nil, 0, ""},
		{[]string{"--db", "/data/news.db", "help"}, nil, 0, ""},
		{[]string{"--db", dir}, nil, 2, "is a directory"},
		// --open names the view the window opens on: a deep link only.
		{[]string{"--db", "/data/news.db", "--open", "#/thread/3"}, []string{"/data/news.db#/thread/3"}, 0, ""},
		{[]string{"--open", "#/story/12/network"}, []string{"#/story/12/network"}, 0, ""},
		{[]string{"--open", "#/story/1\";alert(1)//"}, nil, 2, "a view is a deep link"},
		{[]string{"--open", "javascript:alert(1)"}, nil, 2, "a view is a deep link"},
	}
	for _, tc := range cases {
		var opened []string
		var out, errb bytes.Buffer
		env := &cli.Env{Stdout: &out, Stderr: &errb, OpenWindow: func(db, route string) error {
			opened = append(opened, db+route)
			return nil
		}}
		code := cli.Main(context.Background(), tc.args, env)
		if code != tc.wantCode || strings.Join(opened, ",") != strings.Join(tc.wantWindow, ",") || len(opened) != len(tc.wantWindow) {
			t.Errorf("%q: exit %d, windows %q; want exit %d, windows %q (stderr %s)", tc.args, code, opened, tc.wantCode, tc.wantWindow, errb.String())
		}
		if !strings.Contains(errb.String(), tc.wantErr) {
			t.Errorf("%q: stderr %q, want %q in it", tc.args, errb.String(), tc.wantErr)
		}
	}
	var errb bytes.Buffer
	env := &cli.Env{Stdout: &bytes.Buffer{}, Stderr: &errb, OpenWindow: func(string, string) error { return errors.New("no window here") }}
	if code := cli.Main(context.Background(), []string{"--db", "/data/news.db"}, env); code != 1 || !strings.Contains(errb.String(), "no window here") {
		t.Errorf("a window that cannot open: exit %d, %q; want 1 and the reason", code, errb.String())
	}
}
