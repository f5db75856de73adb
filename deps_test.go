package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The import rules: imports point one way, main → serve → job → render →
// plan → figure, and only package main touches the world (files, flags,
// the terminal, exit codes). TestImportRules checks them over `go list`'s
// view of the package graph, which covers the non-test files of each
// package.

const module = "github.com/backplan/backplan"

// fileAccess are the standard packages that read or write files, run
// programs or make system calls. plan and render take readers and writers
// instead.
var fileAccess = []string{"os", "os/exec", "io/ioutil", "path/filepath", "syscall"}

// An importRule forbids the package pkg (a directory of this module, "."
// for main) to import any of banned (import paths; one ending in "/..."
// stands for that package and all below it). A direct rule looks at pkg's
// own import lines; the others at everything pkg is built from, so a
// banned package cannot come in through a third one. A rule with only
// set looks at pkg's own import lines too: of this module's packages, pkg
// may import those only (directories, as pkg is written).
type importRule struct {
	pkg    string
	direct bool
	banned []string
	why    string
	only   []string
}

// edge is what a package of the edge may not reach: flags, the terminal.
var edge = []string{"github.com/spf13/pflag", "golang.org/x/term"}

var importRules = []importRule{
	{"plan", false, []string{module + "/render", module + "/internal/fpdf", module + "/job", module + "/serve", "github.com/spf13/pflag"},
		"plan is the domain: it knows nothing of PDFs, front ends or flags", nil},
	{"plan", true, fileAccess,
		"plan reads and writes through io.Reader and io.Writer; main owns files", nil},
	{"render", true, fileAccess,
		"render writes to an io.Writer; main owns files", nil},
	{"render", false, []string{"github.com/spf13/pflag", module + "/job", module + "/serve"},
		"render never parses flags, and knows no front end", nil},
	{"render", true, []string{"gopkg.in/yaml.v3", "go.yaml.in/yaml/..."},
		"render never parses YAML; plan reads catalogues and plan files", nil},
	{"figure", false, []string{module + "/..."},
		"figure imports nothing of the project", nil},
	{"internal/fpdf", false, []string{module + "/..."},
		"internal/fpdf is a third-party library and imports nothing of backplan", nil},
	{".", true, []string{module + "/internal/fpdf"},
		"main draws through render and never calls the PDF library itself", nil},
	{"job", true, append(slices.Clone(fileAccess), "net/http"),
		"job takes what a front end read (bytes, a form, the environment, an fs.FS); main owns files, serve the web", nil},
	{"job", false, edge,
		"job has no flags and no terminal: each front end words its own", nil},
	{"job", true, nil,
		"job knows options, plans and the page's print, nothing of a front end",
		[]string{"plan", "render", "internal/words", "internal/i18n"}},
	{"serve", true, fileAccess,
		"serve reads every body into memory and writes no file; main listens and owns files", nil},
	{"serve", false, edge,
		"serve has no flags and no terminal; main wraps it as backplan serve", nil},
	{"serve", true, nil,
		"serve is a front end over job: it makes workbooks as the command line does",
		[]string{"job", "plan", "render", "figure", "internal/words"}},
}

// listed is one package as `go list -json` describes it.
type listed struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

func TestImportRules(t *testing.T) {
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.Bytes())
	}
	pkgs, err := decodeList(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, problem := range checkImports(pkgs, importRules) {
		t.Error(problem)
	}
}

// TestImportRulesCatch shows that checkImports reports each kind of
// broken rule, and a rule about a package that is not there, on a made-up
// graph.
func TestImportRulesCatch(t *testing.T) {
	pkgs := map[string]listed{
		module: {ImportPath: module,
			Imports: []string{module + "/internal/fpdf", module + "/render"},
			Deps:    []string{"os", module + "/internal/fpdf", module + "/render"}},
		module + "/plan": {ImportPath: module + "/plan",
			Imports: []string{"fmt", module + "/figure"},
			Deps:    []string{"fmt", "os", "github.com/spf13/pflag", module + "/figure"}},
		module + "/render": {ImportPath: module + "/render",
			Imports: []string{"os", module + "/plan"},
			Deps:    []string{"os", "gopkg.in/yaml.v3", module + "/plan", module + "/figure"}},
		module + "/figure": {ImportPath: module + "/figure",
			Imports: []string{"strings", module + "/internal/words"},
			Deps:    []string{"strings", module + "/internal/words"}},
		module + "/job": {ImportPath: module + "/job",
			Imports: []string{"io/fs", module + "/plan", module + "/serve"},
			Deps:    []string{"io/fs", module + "/plan", module + "/serve"}},
		module + "/serve": {ImportPath: module + "/serve",
			Imports: []string{"net/http", module + "/job"},
			Deps:    []string{"net/http", module + "/job", "golang.org/x/term"}},
	}
	got := checkImports(pkgs, importRules)
	want := []string{
		"plan imports, through another package, github.com/spf13/pflag",
		"render imports os",
		"figure imports " + module + "/internal/words",
		"internal/fpdf: no such package",
		"main imports " + module + "/internal/fpdf",
		"job imports " + module + "/serve: job knows",
		"serve imports, through another package, golang.org/x/term",
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("checkImports missed %q; it said:\n%s", w, strings.Join(got, "\n"))
		}
	}
	if len(got) != len(want) {
		t.Errorf("checkImports said %d things, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
}

// decodeList reads the stream of JSON objects `go list -json` prints.
func decodeList(out []byte) (map[string]listed, error) {
	pkgs := map[string]listed{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); err == io.EOF {
			return pkgs, nil
		} else if err != nil {
			return nil, fmt.Errorf("reading go list's output: %v", err)
		}
		pkgs[p.ImportPath] = p
	}
}

// checkImports returns one line for each import that breaks a rule, and
// for each rule whose package is not in pkgs (a renamed package must not
// leave its rules checking nothing).
func checkImports(pkgs map[string]listed, rules []importRule) []string {
	var problems []string
	for _, r := range rules {
		name := r.pkg
		if name == "." {
			name = "main"
		}
		p, ok := pkgs[importPath(r.pkg)]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: no such package, so its import rule (%s) checks nothing", r.pkg, r.why))
			continue
		}
		imports := p.Deps
		if r.direct {
			imports = p.Imports
		}
		for _, imp := range imports {
			if r.only != nil && banned(imp, module+"/...") && !slices.Contains(r.only, strings.TrimPrefix(imp, module+"/")) {
				problems = append(problems, fmt.Sprintf("%s imports %s: %s", name, imp, r.why))
			}
			if slices.ContainsFunc(r.banned, func(b string) bool { return banned(imp, b) }) {
				how := "imports"
				if !slices.Contains(p.Imports, imp) {
					how = "imports, through another package,"
				}
				problems = append(problems, fmt.Sprintf("%s %s %s: %s", name, how, imp, r.why))
			}
		}
	}
	return problems
}

// banned reports whether the import path imp is matched by b, an import
// path or one with "/..." for everything below it.
func banned(imp, b string) bool {
	if tree, ok := strings.CutSuffix(b, "/..."); ok {
		return imp == tree || strings.HasPrefix(imp, tree+"/")
	}
	return imp == b
}

// importPath turns a directory of this module ("render", ".") into its
// import path.
func importPath(dir string) string {
	if dir == "." {
		return module
	}
	return module + "/" + dir
}
