package desktop

import (
	"os"
	"path"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// Every binding the frontend calls (binding: 'Name' in its API client) is a
// method of Bindings: Wails only reports a missing one when it is called.
func TestEveryBindingTheFrontendCallsExists(t *testing.T) {
	src, err := os.ReadFile("../frontend/src/lib/api/client.ts")
	if err != nil {
		t.Fatal(err)
	}
	calls := regexp.MustCompile(`binding: '(\w+)'`).FindAllStringSubmatch(string(src), -1)
	if len(calls) < 10 {
		t.Fatalf("found %d bindings in client.ts: the pattern no longer matches how it names them", len(calls))
	}
	bound := reflect.TypeOf(&Bindings{})
	for _, c := range calls {
		if _, ok := bound.MethodByName(c[1]); !ok {
			t.Errorf("the frontend calls %s, which Bindings does not have", c[1])
		}
	}
}

// Wails binds a method as window.go.<package>.<Type>.<Method>: the frontend
// must look under this package's name and this type's.
func TestTheFrontendLooksForBindingsWhereWailsPutsThem(t *testing.T) {
	src, err := os.ReadFile("../frontend/src/lib/api/wails.ts")
	if err != nil {
		t.Fatal(err)
	}
	typ := reflect.TypeOf(Bindings{})
	pkg := path.Base(typ.PkgPath())
	if want := "go?." + pkg + "?." + typ.Name(); !strings.Contains(string(src), want) {
		t.Errorf("wails.ts does not look up %s", want)
	}
}
