// Command lazyvars rewrites package-level variables of one Go package so that
// each is built the first time it is used instead of when the program starts:
//
//	var rxDigits = regexp.MustCompile(`\d+`)
//
// becomes
//
//	var rxDigits = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d+`) })
//
// and every use of rxDigits in the package becomes rxDigits(). It is how
// scripts/patch-third-party.sh takes work out of third-party package
// initialisers: Go runs every linked package's initialisers before main, so
// a regular expression compiled there is paid by every command, used or not.
//
// Usage: lazyvars -match REGEXP [-except REGEXP] -want N DIR
//
// Every package-level variable of DIR's package whose name matches -match
// (and not -except) is rewritten; exactly N must match, so that a new upstream version stops the
// script instead of changing silently. Only the edited spans change (the files
// are not reformatted), so `diff -r` against the module cache shows just the
// edits. It refuses what it cannot keep lazy or correct: an exported
// variable (its users are in other packages), a variable assigned elsewhere,
// and an initialiser that stays eager (or an init function) but uses a
// rewritten variable, which would build it at start after all.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type edit struct {
	start, end int // byte offsets in the file
	text       string
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("lazyvars: ")
	match := flag.String("match", "", "regular expression the names of the variables to rewrite match")
	except := flag.String("except", "^$", "regular expression of names to leave as they are")
	want := flag.Int("want", -1, "how many variables must match")
	flag.Parse()
	if *match == "" || *want < 0 || flag.NArg() != 1 {
		log.Fatal("usage: lazyvars -match REGEXP -want N DIR")
	}
	names, skip := regexp.MustCompile(*match), regexp.MustCompile(*except)
	dir := flag.Arg(0)

	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		log.Fatal(err)
	}
	sort.Strings(paths)
	var files []*ast.File
	src := map[*ast.File][]byte{}
	path := map[*ast.File]string{}
	pkgName := ""
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			log.Fatal(err)
		}
		f, err := parser.ParseFile(fset, p, b, parser.ParseComments)
		if err != nil {
			log.Fatal(err)
		}
		if strings.HasSuffix(f.Name.Name, "_test") {
			continue // an external test package sees only exported names
		}
		if pkgName == "" {
			pkgName = f.Name.Name
		}
		if f.Name.Name != pkgName {
			continue
		}
		files = append(files, f)
		src[f], path[f] = b, p
	}
	if len(files) == 0 {
		log.Fatalf("%s: no Go files", dir)
	}

	// Type-checking resolves each identifier to its object (a local of the
	// same name is not the package variable). Imports are stand-ins, so
	// their errors are expected and ignored: only this package's own
	// objects are looked at.
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: fakeImporter{}, Error: func(error) {}}
	conf.Check(pkgName, fset, files, info)

	off := func(p token.Pos) int { return fset.Position(p).Offset }
	text := func(f *ast.File, n ast.Node) string { return string(src[f][off(n.Pos()):off(n.End())]) }
	funcResult := map[string]ast.Expr{} // package functions with one result
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Type.Results != nil &&
				len(fd.Type.Results.List) == 1 && len(fd.Type.Results.List[0].Names) <= 1 {
				funcResult[fd.Name.Name] = fd.Type.Results.List[0].Type
			}
		}
	}
	funcFile := map[string]*ast.File{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				funcFile[fd.Name.Name] = f
			}
		}
	}

	lazy := map[types.Object]string{} // rewritten variable -> name
	edits := map[*ast.File][]edit{}
	needSync := map[*ast.File]bool{}
	type eager struct {
		f    *ast.File
		name string
		expr ast.Expr
	}
	var eagers []eager
	type value struct {
		f   *ast.File
		v   ast.Expr
		typ string
	}
	var values []value
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if !names.MatchString(id.Name) || skip.MatchString(id.Name) {
						if i < len(vs.Values) {
							eagers = append(eagers, eager{f, id.Name, vs.Values[i]})
						}
						continue
					}
					if id.IsExported() {
						log.Fatalf("%s: %s is exported: its users are outside the package", fset.Position(id.Pos()), id.Name)
					}
					if len(vs.Values) != len(vs.Names) {
						log.Fatalf("%s: %s has no initialiser of its own", fset.Position(id.Pos()), id.Name)
					}
					v := vs.Values[i]
					typ := ""
					if vs.Type != nil {
						if len(vs.Names) != 1 {
							log.Fatalf("%s: %s shares its declared type with others", fset.Position(id.Pos()), id.Name)
						}
						typ = text(f, vs.Type)
						edits[f] = append(edits[f], edit{off(vs.Type.Pos()), off(vs.Type.End()), "func() " + typ})
					} else {
						typ = typeOf(f, v, text, funcResult, funcFile)
						if typ == "" {
							log.Fatalf("%s: cannot tell the type of %s: give it one in the declaration", fset.Position(id.Pos()), id.Name)
						}
					}
					values = append(values, value{f, v, typ})
					needSync[f] = true
					lazy[info.Defs[id]] = id.Name
				}
			}
		}
	}
	if len(lazy) != *want {
		log.Fatalf("%s: %d variables match %q, expected %d", dir, len(lazy), *match, *want)
	}

	// Every use becomes a call; an assignment cannot be kept.
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						if name, ok := lazy[info.Uses[id]]; ok {
							log.Fatalf("%s: %s is assigned to: it cannot become a function", fset.Position(id.Pos()), name)
						}
					}
				}
			}
			if id, ok := n.(*ast.Ident); ok {
				if _, ok := lazy[info.Uses[id]]; ok {
					edits[f] = append(edits[f], edit{off(id.End()), off(id.End()), "()"})
				}
			}
			return true
		})
	}

	// Each initialiser is wrapped, with the uses inside it (of other
	// rewritten variables) already made calls.
	for _, v := range values {
		start, end := off(v.v.Pos()), off(v.v.End())
		var inner, rest []edit
		for _, e := range edits[v.f] {
			if e.start == e.end && e.start > start && e.start < end {
				inner = append(inner, edit{e.start - start, e.end - start, e.text})
			} else {
				rest = append(rest, e)
			}
		}
		body := apply(src[v.f][start:end], inner)
		edits[v.f] = append(rest, edit{start, end, "sync.OnceValue(func() " + v.typ + " { return " + string(body) + " })"})
	}

	// What runs at start must not use a rewritten variable.
	for _, e := range eagers {
		if name := usesLazy(e.expr, info, lazy); name != "" {
			log.Fatalf("%s: the initialiser of %s uses %s, which would then be built at start: rewrite %s too",
				fset.Position(e.expr.Pos()), e.name, name, e.name)
		}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" {
				if name := usesLazy(fd.Body, info, lazy); name != "" {
					log.Fatalf("%s: an init function uses %s", fset.Position(fd.Pos()), name)
				}
			}
		}
	}

	for f := range needSync {
		if e, ok := syncImport(f, off); ok {
			edits[f] = append(edits[f], e)
		}
	}
	for f, es := range edits {
		b := apply(src[f], es)
		if err := os.WriteFile(path[f], b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Fprintf(os.Stderr, "lazyvars: %s: %d variables built on first use\n", dir, len(lazy))
}

// typeOf names the type of an initialiser the rewrite needs to spell out:
// a regular expression, a composite literal, a call of a function literal
// or of a package function with one result.
func typeOf(f *ast.File, v ast.Expr, text func(*ast.File, ast.Node) string, funcResult map[string]ast.Expr, funcFile map[string]*ast.File) string {
	switch e := v.(type) {
	case *ast.CompositeLit:
		if e.Type != nil {
			return text(f, e.Type)
		}
	case *ast.CallExpr:
		switch fn := e.Fun.(type) {
		case *ast.SelectorExpr:
			// regexp.MustCompile, or a package of the same shape under
			// another name (go-dateparser's own regexp, stdregex).
			if x, ok := fn.X.(*ast.Ident); ok && strings.HasPrefix(fn.Sel.Name, "MustCompile") {
				return "*" + x.Name + ".Regexp"
			}
		case *ast.FuncLit:
			if r := fn.Type.Results; r != nil && len(r.List) == 1 && len(r.List[0].Names) <= 1 {
				return text(f, r.List[0].Type)
			}
		case *ast.Ident:
			if r, ok := funcResult[fn.Name]; ok {
				return text(funcFile[fn.Name], r)
			}
		}
	}
	return ""
}

// usesLazy returns the name of a rewritten variable that n uses when it is
// evaluated: the bodies of function literals are skipped unless called at
// once.
func usesLazy(n ast.Node, info *types.Info, lazy map[types.Object]string) string {
	found := ""
	var walk func(ast.Node) bool
	walk = func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch x := n.(type) {
		case *ast.CallExpr:
			if fl, ok := x.Fun.(*ast.FuncLit); ok {
				ast.Inspect(fl.Body, walk)
				for _, a := range x.Args {
					ast.Inspect(a, walk)
				}
				return false
			}
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if name, ok := lazy[info.Uses[x]]; ok {
				found = name
			}
		}
		return true
	}
	ast.Inspect(n, walk)
	return found
}

// syncImport adds "sync" to the file's imports unless it is there.
func syncImport(f *ast.File, off func(token.Pos) int) (edit, bool) {
	for _, im := range f.Imports {
		if im.Path.Value == `"sync"` && im.Name == nil {
			return edit{}, false
		}
	}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Lparen.IsValid() {
			p := off(gd.Lparen) + 1
			return edit{p, p, "\n\t\"sync\""}, true
		}
	}
	p := off(f.Name.End())
	return edit{p, p, "\n\nimport \"sync\""}, true
}

func apply(b []byte, es []edit) []byte {
	sort.Slice(es, func(i, j int) bool { return es[i].start > es[j].start })
	out := bytes.Clone(b)
	for _, e := range es {
		out = append(out[:e.start:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	return out
}

// fakeImporter gives every import an empty package: the rewrite needs this
// package's own objects only.
type fakeImporter struct{}

func (fakeImporter) Import(path string) (*types.Package, error) {
	name := path[strings.LastIndex(path, "/")+1:]
	name = strings.TrimPrefix(name, "go-")
	p := types.NewPackage(path, name)
	p.MarkComplete()
	return p, nil
}
