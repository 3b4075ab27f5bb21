package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// writeJSON writes the model's fields after "schema_version" and "kind", so
// that a reader can check the layout before anything else.
func writeJSON(w io.Writer, kind Kind, model any) error {
	body, err := json.MarshalIndent(model, "", "  ")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if !bytes.HasPrefix(body, []byte("{\n")) {
		return fmt.Errorf("report: %s model is not a JSON object", kind)
	}
	head := fmt.Sprintf("{\n  \"schema_version\": %q,\n  \"kind\": %q,\n", SchemaVersion, kind)
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	if _, err := w.Write(body[2:]); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}
