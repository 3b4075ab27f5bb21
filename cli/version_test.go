package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/cli"
	"github.com/storydiff/storydiff/report"
	"github.com/storydiff/storydiff/version"
)

// TestVersionCommand checks that `storydiff version` prints what every
// report's provenance states.
func TestVersionCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := cli.Main(context.Background(), []string{"version"}, &cli.Env{Stdout: &stdout, Stderr: &stderr})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got := strings.TrimSpace(stdout.String())
	if got != version.Full() {
		t.Errorf("got %q, want %q", got, version.Full())
	}
	prov, err := report.NewProvenance("x.db", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := prov.Tool + " " + prov.Version; got != want {
		t.Errorf("version prints %q, reports state %q", got, want)
	}
	if strings.Contains(got, "devel+") || got == "StoryDiff devel" {
		t.Errorf("got the old form %q", got)
	}
}
