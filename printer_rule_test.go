package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestOnlyThePrinterWrites keeps the printer's promise that nothing else
// writes to the terminal: outside func main, which hands standard output
// and standard error to run, no code of package main names os.Stdout or
// os.Stderr, or calls fmt.Print*, print, println or the log package's
// printers. Everything reaches the terminal through the writers run was
// given, and so through the printer.
func TestOnlyThePrinterWrites(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "main" {
				return false
			}
			switch n := n.(type) {
			case *ast.SelectorExpr:
				pkg, ok := n.X.(*ast.Ident)
				if !ok {
					break
				}
				switch {
				case pkg.Name == "os" && (n.Sel.Name == "Stdout" || n.Sel.Name == "Stderr"):
					t.Errorf("%s: os.%s outside func main", fset.Position(n.Pos()), n.Sel.Name)
				case pkg.Name == "fmt" && strings.HasPrefix(n.Sel.Name, "Print"):
					t.Errorf("%s: fmt.%s writes to standard output", fset.Position(n.Pos()), n.Sel.Name)
				case pkg.Name == "log":
					t.Errorf("%s: log.%s writes to standard error", fset.Position(n.Pos()), n.Sel.Name)
				}
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && (id.Name == "print" || id.Name == "println") {
					t.Errorf("%s: %s writes to standard error", fset.Position(n.Pos()), id.Name)
				}
			}
			return true
		})
	}
	if checked < 5 {
		t.Fatalf("checked %d files", checked)
	}
}
