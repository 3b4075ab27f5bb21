package report_test

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/storydiff/storydiff/report"
)

// TestJSONMatchesSchema checks every kind of JSON report against
// docs/report-schema.json, strictly: a field the schema does not document is
// an error here (the schema itself lets readers accept new fields).
func TestJSONMatchesSchema(t *testing.T) {
	raw, err := os.ReadFile("../docs/report-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	if got := schema["properties"].(map[string]any)["schema_version"].(map[string]any)["const"]; got != report.SchemaVersion {
		t.Fatalf("schema documents version %v, the code writes %s", got, report.SchemaVersion)
	}
	v := &validator{root: schema}
	for _, m := range models {
		t.Run(m.name, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal(write(t, m.model(), report.JSON), &doc); err != nil {
				t.Fatalf("report is not JSON: %v", err)
			}
			if err := v.check(schema, doc, "$", true); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("an aligned row without its text is refused", func(t *testing.T) {
		var doc map[string]any
		json.Unmarshal(write(t, alignedPairModel(), report.JSON), &doc)
		row := doc["alignment"].(map[string]any)["rows"].([]any)[0].(map[string]any)
		delete(row["a"].(map[string]any), "text")
		if err := v.check(schema, doc, "$", true); err == nil {
			t.Fatal("validator accepted an aligned row whose A side has no text")
		}
	})
	t.Run("a collation row without its first version is refused", func(t *testing.T) {
		var doc map[string]any
		json.Unmarshal(write(t, storyModel(), report.JSON), &doc)
		delete(doc["collation"].(map[string]any)["rows"].([]any)[0].(map[string]any), "first")
		if err := v.check(schema, doc, "$", true); err == nil {
			t.Fatal("validator accepted a collation row without first")
		}
	})
	t.Run("a broken report is refused", func(t *testing.T) {
		var doc map[string]any
		json.Unmarshal(write(t, pairModel(), report.JSON), &doc)
		delete(doc["a"].(map[string]any), "sha256")
		if err := v.check(schema, doc, "$", true); err == nil {
			t.Fatal("validator accepted a pair report whose article has no sha256")
		}
	})
}

// validator implements the part of JSON Schema 2020-12 the report schema
// uses: $ref to $defs, type, const, enum, pattern, required, properties,
// items and oneOf.
type validator struct{ root map[string]any }

func (v *validator) check(s map[string]any, doc any, path string, strict bool) error {
	if ref, ok := s["$ref"].(string); ok {
		s = v.root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	}
	if c, ok := s["const"]; ok && !reflect.DeepEqual(c, doc) {
		return fmt.Errorf("%s = %v, want %v", path, doc, c)
	}
	if e, ok := s["enum"].([]any); ok {
		found := false
		for _, x := range e {
			found = found || reflect.DeepEqual(x, doc)
		}
		if !found {
			return fmt.Errorf("%s = %v, not one of %v", path, doc, e)
		}
	}
	if ty, ok := s["type"]; ok && !typeOK(ty, doc) {
		return fmt.Errorf("%s = %v, want type %v", path, doc, ty)
	}
	if p, ok := s["pattern"].(string); ok {
		if str, _ := doc.(string); !regexp.MustCompile(p).MatchString(str) {
			return fmt.Errorf("%s = %q does not match %s", path, str, p)
		}
	}
	if items, ok := s["items"].(map[string]any); ok {
		for i, x := range doc.([]any) {
			if err := v.check(items, x, fmt.Sprintf("%s[%d]", path, i), true); err != nil {
				return err
			}
		}
	}
	obj, isObj := doc.(map[string]any)
	if !isObj {
		return nil
	}
	known := map[string]bool{}
	if err := v.object(s, obj, path, known); err != nil {
		return err
	}
	if branches, ok := s["oneOf"].([]any); ok {
		matched := 0
		for _, b := range branches {
			bk := map[string]bool{}
			if v.object(b.(map[string]any), obj, path, bk) == nil {
				matched++
				for k := range bk {
					known[k] = true
				}
			}
		}
		if matched != 1 {
			return fmt.Errorf("%s matches %d of the schema's oneOf branches, want 1", path, matched)
		}
	}
	if strict {
		for k := range obj {
			if !known[k] {
				return fmt.Errorf("%s.%s is not in the schema", path, k)
			}
		}
	}
	return nil
}

func (v *validator) object(s map[string]any, obj map[string]any, path string, known map[string]bool) error {
	if req, ok := s["required"].([]any); ok {
		for _, r := range req {
			if _, ok := obj[r.(string)]; !ok {
				return fmt.Errorf("%s lacks %q", path, r)
			}
		}
	}
	props, _ := s["properties"].(map[string]any)
	for k, ps := range props {
		known[k] = true
		if x, ok := obj[k]; ok {
			if err := v.check(ps.(map[string]any), x, path+"."+k, true); err != nil {
				return err
			}
		}
	}
	return nil
}

func typeOK(ty any, doc any) bool {
	if list, ok := ty.([]any); ok {
		for _, t := range list {
			if typeOK(t, doc) {
				return true
			}
		}
		return false
	}
	switch ty {
	case "object":
		_, ok := doc.(map[string]any)
		return ok
	case "array":
		_, ok := doc.([]any)
		return ok
	case "string":
		_, ok := doc.(string)
		return ok
	case "number":
		_, ok := doc.(float64)
		return ok
	case "integer":
		f, ok := doc.(float64)
		return ok && f == float64(int64(f))
	case "boolean":
		_, ok := doc.(bool)
		return ok
	case "null":
		return doc == nil
	}
	return false
}
