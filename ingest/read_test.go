package ingest_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "ok.txt"), "Title\n\nBody text of the story.\n")
	write(t, filepath.Join(dir, "big.txt"), strings.Repeat("word ", 300))
	fifo := filepath.Join(dir, "pipe.txt")
	if err := mkfifo(fifo); err != nil {
		t.Logf("no named pipe: %v", err)
		fifo = ""
	}
	tests := []struct {
		name, path string
		opts       ingest.Options
		wantCode   string
		wantErr    string
	}{
		{name: "readable", path: filepath.Join(dir, "ok.txt")},
		{name: "over the size limit", path: filepath.Join(dir, "big.txt"), opts: ingest.Options{MaxSize: 1000}, wantCode: core.EINVALID, wantErr: "file is 1 KB, over the 1000 bytes limit (--max-size)"},
		{name: "no limit", path: filepath.Join(dir, "big.txt"), opts: ingest.Options{MaxSize: -1}},
		{name: "missing", path: filepath.Join(dir, "nope.txt"), wantCode: core.ENOTFOUND, wantErr: "no such file"},
		{name: "a folder", path: dir, wantCode: core.EINVALID, wantErr: "not a regular file (a folder)"},
		{name: "a named pipe does not block", path: fifo, wantCode: core.EINVALID, wantErr: "not a regular file (a named pipe)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.path == "" {
				t.Skip("fixture unavailable on this system")
			}
			docs, err := ingest.Read(tt.path, tt.opts)
			if tt.wantErr == "" {
				if err != nil || len(docs) != 1 {
					t.Fatalf("Read() = %d docs, %v; want 1 document", len(docs), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Read() error = %v, want one containing %q", err, tt.wantErr)
			}
			if code := core.ErrorCode(err); code != tt.wantCode {
				t.Errorf("error code = %q, want %q", code, tt.wantCode)
			}
		})
	}
}

// TestReadDeviceError reads a file that opens but fails to read, which
// even root cannot read: /proc/self/mem at offset 0 gives an I/O error.
func TestReadDeviceError(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs Linux's /proc")
	}
	_, err := ingest.Read("/proc/self/mem", ingest.Options{})
	if err == nil || !strings.Contains(err.Error(), "cannot read file") {
		t.Fatalf("Read() error = %v, want a read failure", err)
	}
	if code := core.ErrorCode(err); code != core.EINVALID {
		t.Errorf("error code = %q, want %q", code, core.EINVALID)
	}
}

func TestReadPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads files whatever their permissions; TestReadDeviceError covers a read failure")
	}
	path := filepath.Join(t.TempDir(), "locked.txt")
	write(t, path, "secret")
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Read(path, ingest.Options{}); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("Read() error = %v, want permission denied", err)
	}
}

// TestReadBBCLatin1 checks the one Latin-1 file of the BBC corpus, which the
// repository does not carry; it is skipped where the corpus is absent.
func TestReadBBCLatin1(t *testing.T) {
	path := filepath.Join(corpusDir(), "sport", "199.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("BBC corpus not found (%v); set STORYDIFF_BBC", err)
	}
	docs, err := ingest.Read(path, ingest.Options{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("Read() = %d docs, %v", len(docs), err)
	}
	if d := docs[0]; !strings.Contains(d.Text, "£15.8m") || d.Encoding != ingest.EncLatin1 {
		t.Errorf("encoding %q, text lacks £15.8m: %.200q", d.Encoding, d.Text)
	}
}
