package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// goList runs `go list` on this module as a build without cgo would see it,
// with extra arguments.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the build's packages: %v", err)
	}
	cmd := exec.Command(goTool, append([]string{"list"}, args...)...)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=")
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return strings.Fields(string(out))
}

func wailsPackages(pkgs []string) []string {
	var w []string
	for _, p := range pkgs {
		if strings.HasPrefix(p, "github.com/wailsapp/") {
			w = append(w, p)
		}
	}
	return w
}

// The CLI and `serve` must not link Wails: it brings GTK and WebKit to a
// binary meant for headless machines. Only the desktop build may.
func TestOnlyTheDesktopBuildLinksWails(t *testing.T) {
	if w := wailsPackages(goList(t, "-deps", ".")); len(w) > 0 {
		t.Errorf("the build without the desktop tag depends on %d Wails packages, %s first: "+
			"some package other than desktop imports Wails, or main imports desktop without the desktop tag", len(w), w[0])
	}
	// The same check on the desktop build finds Wails, so the list above is
	// the one that would show it.
	if w := wailsPackages(goList(t, "-e", "-deps", "-tags", "desktop,production,webkit2_41", ".")); len(w) == 0 {
		t.Error("the desktop build does not depend on Wails: this test no longer sees what it checks")
	}
}

// Of this module's packages, only main and desktop may import Wails
// themselves: the others are shared by every build.
func TestOnlyDesktopImportsWails(t *testing.T) {
	lines := goList(t, "-e", "-tags", "desktop,production,webkit2_41",
		"-f", `{{.ImportPath}}:{{range .Imports}}{{if eq (printf "%.19s" .) "github.com/wailsapp"}}wails{{end}}{{end}}`, "./...")
	for _, l := range lines {
		pkg, imports, _ := strings.Cut(l, ":")
		if imports == "" {
			continue
		}
		switch pkg {
		case "github.com/storydiff/storydiff", "github.com/storydiff/storydiff/desktop":
		default:
			t.Errorf("%s imports Wails: move what needs it into the desktop package", pkg)
		}
	}
}

// The Beam pipeline is a module of its own (pipeline/): its dependencies
// (gRPC, cloud SDKs) must never reach the storydiff binary.
func TestTheBinaryLinksNoBeam(t *testing.T) {
	for _, p := range goList(t, "-deps", ".") {
		if strings.HasPrefix(p, "github.com/apache/beam") || strings.HasPrefix(p, "github.com/storydiff/storydiff/pipeline") {
			t.Errorf("storydiff depends on %s: Beam belongs to the pipeline module only", p)
		}
	}
}

// TestPipelineUsesThePatchedCopies checks that the pipeline module replaces
// every module this one replaces by a copy in third_party/: a replace in
// this go.mod does not reach a module that requires this one, and without
// it the pipeline would analyse with upstream's code, not the app's.
func TestPipelineUsesThePatchedCopies(t *testing.T) {
	replaces := func(path, prefix string) map[string]string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, line := range strings.Split(string(data), "\n") {
			f := strings.Fields(line)
			if len(f) == 4 && f[0] == "replace" && f[2] == "=>" && strings.HasPrefix(f[3], prefix) {
				out[f[1]] = strings.TrimPrefix(f[3], prefix)
			}
		}
		return out
	}
	ours := replaces("go.mod", "./third_party/")
	theirs := replaces("pipeline/go.mod", "../third_party/")
	if len(ours) == 0 {
		t.Fatal("go.mod replaces nothing by a copy in third_party/: the test reads it wrongly")
	}
	for mod, dir := range ours {
		if theirs[mod] != dir {
			t.Errorf("pipeline/go.mod: want replace %s => ../third_party/%s (go.mod has it), got %q", mod, dir, theirs[mod])
		}
	}
}
