// Package testfs gives tests real file systems to fail on: full disks and
// read-only archives are tested on a small tmpfs, because a mock would not
// show what SQLite does when a write or its -wal file meets ENOSPC or EROFS,
// and root ignores file permissions. A test re-runs one of its helpers
// inside a new user and mount namespace (RunInNamespace), where the helper
// may mount a tmpfs (MountTmpfs); nothing is mounted outside that namespace.
// Where namespaces are not allowed, the tests skip and say why.
package testfs

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// helperEnv marks the child test binary run inside a namespace.
const helperEnv = "STORYDIFF_NS_HELPER"

// InHelper reports whether this process is a helper run by RunInNamespace
// or RunAsNobody.
func InHelper() bool { return os.Getenv(helperEnv) != "" }

// RunInNamespace runs the test function helper in a child test binary
// under unshare, as root of a new user and mount namespace, and fails with
// the child's output if the child fails.
func RunInNamespace(t *testing.T, helper string) {
	t.Helper()
	run(t, helper, []string{"--user", "--map-root-user", "--mount"})
}

// RunAsNobody runs helper in a new user namespace without a mapping, where
// it is an unprivileged user to whom file permissions apply; env is added
// to its environment.
func RunAsNobody(t *testing.T, helper string, env ...string) {
	t.Helper()
	run(t, helper, []string{"--user"}, env...)
}

func run(t *testing.T, helper string, flags []string, env ...string) {
	t.Helper()
	if InHelper() {
		t.Skip("already inside a namespace helper")
	}
	if out, err := exec.Command("unshare", append(flags, "--", "true")...).CombinedOutput(); err != nil {
		t.Skipf("cannot make a user and mount namespace here (%v: %s)", err, strings.TrimSpace(string(out)))
	}
	cmd := exec.Command("unshare", append(flags, "--", os.Args[0], "-test.run=^"+helper+"$", "-test.v", "-test.count=1")...)
	cmd.Env = append(append(os.Environ(), helperEnv+"=1"), env...)
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "--- SKIP: "+helper) {
		t.Skipf("%s skipped:\n%s", helper, out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS: "+helper) {
		t.Fatalf("%s failed (%v):\n%s", helper, err, out)
	}
	t.Logf("%s:\n%s", helper, out)
}
