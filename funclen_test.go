package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// maxLines is the longest a function may be, outside internal/fpdf (the
// PDF library, upstream's code), not counting its flat tables.
const maxLines = 80

// longFunctions are the functions over maxLines allowed for now: none
// since the last ones in plan and figure were split. It only shrinks: a
// function on it that is no longer long is an error too, so that it
// comes off.
var longFunctions = []string{}

// TestFunctionLength keeps every function one a reader can hold: at most
// maxLines lines from its func to its closing brace, in every Go file of
// the module but internal/fpdf, tests included, not counting the lines of
// its flat tables. A flat table is a composite literal whose elements
// (or, in a map, whose values) are each a literal: a list of rows, such
// as a table-driven test's cases, which reads as data, not as steps.
func TestFunctionLength(t *testing.T) {
	got := longFuncs(t, ".")
	for _, f := range got {
		if !slices.Contains(longFunctions, f) {
			t.Errorf("%s is over %d lines: split it into functions a reader can hold", f, maxLines)
		}
	}
	for _, f := range longFunctions {
		if !slices.Contains(got, f) {
			t.Errorf("%s is no longer over %d lines: take it off longFunctions", f, maxLines)
		}
	}
}

// TestFunctionLengthCatches shows the check finding a long function, and
// letting long flat tables pass, in made-up files.
func TestFunctionLengthCatches(t *testing.T) {
	steps := func(n int) string { return strings.Repeat("\tn++\n", n) }
	rows := func(n int) string { return strings.Repeat("\t\t{\"a\", 1},\n", n) }
	long := "package x\n\nfunc long() (n int) {\n" + steps(maxLines) + "\treturn n\n}\n"
	short := "package x\n\nfunc short() (n int) {\n" + steps(maxLines-3) + "\treturn n\n}\n"
	table := "package x\n\nfunc table() (n int) {\n\tcases := []struct{ s string; i int }{\n" + rows(maxLines) + "\t}\n" +
		steps(maxLines-10) + "\treturn n + len(cases)\n}\n"
	longAfterTable := "package x\n\nfunc longAfterTable() (n int) {\n\tcases := []struct{ s string; i int }{\n" + rows(10) + "\t}\n" +
		steps(maxLines) + "\treturn n + len(cases)\n}\n"
	notTable := "package x\n\nfunc notTable() []func() int {\n\treturn []func() int{\n" +
		strings.Repeat("\t\tfunc() int { return 1 },\n", maxLines) + "\t}\n}\n"
	for src, want := range map[string]bool{long: true, short: false, table: false, longAfterTable: true, notTable: true} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "x.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(longIn(fset, f, "x.go")) > 0; got != want {
			t.Errorf("function %q: long %v, want %v", f.Decls[0].(*ast.FuncDecl).Name.Name, got, want)
		}
	}
}

// longFuncs returns "path: name" for each function over maxLines under
// root, in files that go/parser reads.
func longFuncs(t *testing.T, root string) []string {
	var out []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == filepath.Join(root, "internal", "fpdf") || path != root && strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		out = append(out, longIn(fset, f, filepath.ToSlash(path))...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// longIn returns the functions of f over maxLines, not counting their
// flat tables, as "path: name".
func longIn(fset *token.FileSet, f *ast.File, path string) []string {
	var out []string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		lines := span(fset, fn)
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			if cl, ok := n.(*ast.CompositeLit); ok && flatTable(cl) {
				lines -= span(fset, cl) - 1 // the table counts as one line
				return false
			}
			return true
		})
		if lines > maxLines {
			out = append(out, fmt.Sprintf("%s: %s", path, fn.Name.Name))
		}
	}
	return out
}

// span is how many lines n covers.
func span(fset *token.FileSet, n ast.Node) int {
	return fset.Position(n.End()).Line - fset.Position(n.Pos()).Line + 1
}

// flatTable reports whether cl is a table written as data: at least two
// elements, each (or each value, in a map) a literal.
func flatTable(cl *ast.CompositeLit) bool {
	if len(cl.Elts) < 2 {
		return false
	}
	for _, e := range cl.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		if !literal(e) {
			return false
		}
	}
	return true
}

// literal reports whether e is data: a basic literal, a name or a
// selector (a constant, a variable), a composite literal of literals, or
// a call on literals (a conversion such as string(b), a constructor such
// as plan.NewDate(2026, 12, 7)). A function literal is steps, not data.
func literal(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr:
		return true
	case *ast.UnaryExpr:
		return literal(e.X)
	case *ast.BinaryExpr: // 7 * 24, not cx + r, which is a sum
		_, x := e.X.(*ast.BasicLit)
		_, y := e.Y.(*ast.BasicLit)
		return x && y
	case *ast.CallExpr:
		for _, a := range e.Args {
			if !literal(a) {
				return false
			}
		}
		return literal(e.Fun)
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if !literal(el) {
				return false
			}
		}
		return true
	}
	return false
}
