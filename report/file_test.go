package report_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/storydiff/storydiff/report"
)

func TestWriteFileIsAtomic(t *testing.T) {
	cases := []struct {
		name    string
		write   func(io.Writer) error
		wantErr bool
		want    string
	}{
		{"success replaces the old file", func(w io.Writer) error { _, err := io.WriteString(w, "new report"); return err }, false, "new report"},
		{"failure keeps the old file", func(w io.Writer) error {
			io.WriteString(w, "half a rep")
			return errors.New("canceled")
		}, true, "old report"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "r.html")
			if err := os.WriteFile(path, []byte("old report"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := report.WriteFile(path, c.write)
			if (err != nil) != c.wantErr {
				t.Fatalf("WriteFile error = %v, want error %v", err, c.wantErr)
			}
			got, _ := os.ReadFile(path)
			if string(got) != c.want {
				t.Errorf("file holds %q, want %q", got, c.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("folder holds %d entries, want only the report", len(entries))
			}
		})
	}
}
