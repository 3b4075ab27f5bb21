package version

import (
	"runtime/debug"
	"testing"
)

func info(version string, settings ...string) *debug.BuildInfo {
	bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/storydiff/storydiff", Version: version}}
	for i := 0; i+1 < len(settings); i += 2 {
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
	}
	return bi
}

func TestDescribe(t *testing.T) {
	const rev = "74dd1ca405399d72f343dcc6ec6e909b8ac98082"
	for _, c := range []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build information", nil, "(devel)"},
		{"a checkout without a tag, changed", info("(devel)", "vcs", "git", "vcs.revision", rev, "vcs.time", "2026-11-30T21:58:25Z", "vcs.modified", "true"),
			"(devel) 74dd1ca 2026-11-30, modified"},
		{"a checkout without a tag, clean", info("(devel)", "vcs.revision", rev, "vcs.time", "2026-11-30T21:58:25Z", "vcs.modified", "false"),
			"(devel) 74dd1ca 2026-11-30"},
		{"no VCS stamp (go test, -buildvcs=false)", info("(devel)"), "(devel)"},
		{"empty main version", info(""), "(devel)"},
		{"a tagged release", info("v1.2.3", "vcs.revision", rev, "vcs.time", "2026-11-30T21:58:25Z", "vcs.modified", "false"), "v1.2.3"},
		{"a tag with changes on top", info("v1.2.3+dirty", "vcs.revision", rev, "vcs.modified", "true"), "v1.2.3, modified"},
		{"go install of a tag", info("v1.2.3"), "v1.2.3"},
		{"a pseudo-version is no release", info("v0.0.0-20261130215825-74dd1ca40539+dirty", "vcs.revision", rev, "vcs.time", "2026-11-30T21:58:25Z", "vcs.modified", "true"),
			"(devel) 74dd1ca 2026-11-30, modified"},
		{"a pseudo-version after a tag, without VCS settings", info("v1.2.4-0.20261130215825-74dd1ca40539"),
			"(devel) 74dd1ca 2026-11-30"},
		{"a short revision is kept whole", info("(devel)", "vcs.revision", "abc"), "(devel) abc"},
		{"a time that is no time is left out", info("(devel)", "vcs.revision", rev, "vcs.time", "yesterday"), "(devel) 74dd1ca"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := describe(c.bi); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestStringOverride(t *testing.T) {
	old := Override
	t.Cleanup(func() { Override = old })
	Override = "v9.9.9"
	if got := String(); got != "v9.9.9" {
		t.Errorf("String: got %q, want the override", got)
	}
	if got := Full(); got != "StoryDiff v9.9.9" {
		t.Errorf("Full: got %q", got)
	}
}
