// Package validators opens PDFs with independent PDF engines and reports
// anything any of them complains about: qpdf (structure, cross-reference
// table, streams), poppler (pdfinfo for the metadata, pdffonts for every
// font embedded, pdftotext for the text), MuPDF (mutool draws every page)
// and Ghostscript (gs draws every page). Tests call it, in place of a
// script outside the repository; backplan itself never does.
package validators

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Packages are the programs Check runs, each with the Debian package that
// has it.
var Packages = map[string]string{
	"qpdf": "qpdf", "pdfinfo": "poppler-utils", "pdffonts": "poppler-utils",
	"pdftotext": "poppler-utils", "mutool": "mupdf-tools", "gs": "ghostscript",
}

// Missing returns the programs that are not installed, in order.
func Missing() []string {
	var out []string
	for name := range Packages {
		if _, err := exec.LookPath(name); err != nil {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Run checks files with every engine, a file to a CPU at once, failing t
// for each problem. With a program missing it skips t, naming the
// packages to install; .ci/run installs them and fails if a test that
// calls Run skipped.
func Run(t testing.TB, files ...string) {
	t.Helper()
	if missing := Missing(); len(missing) > 0 {
		var pkgs []string
		for _, m := range missing {
			if !slices.Contains(pkgs, Packages[m]) {
				pkgs = append(pkgs, Packages[m])
			}
		}
		t.Skipf("the PDF engines %s are missing (apt-get install %s)", strings.Join(missing, ", "), strings.Join(pkgs, " "))
	}
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			errs[i] = Check(f)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// engine runs one program on a PDF and returns what it complains about,
// or "".
type engine struct {
	name  string
	args  func(file string) []string
	judge func(out string, err error) string
}

// engines are the checks, in the order they run.
var engines = []engine{
	{"qpdf", func(f string) []string { return []string{"--check", f} }, func(out string, err error) string {
		if err != nil || strings.Contains(strings.ToLower(out), "warning") {
			return firstLines(out, 5)
		}
		return ""
	}},
	{"pdfinfo", func(f string) []string { return []string{f} }, func(out string, err error) string {
		if err != nil || strings.Contains(strings.ToLower(out), "error") {
			return firstLines(out, 3)
		}
		return ""
	}},
	{"pdffonts", func(f string) []string { return []string{f} }, notEmbedded},
	{"pdftotext", func(f string) []string { return []string{"-q", f, "-"} }, failed},
	{"mutool", func(f string) []string { return []string{"draw", "-q", "-o", os.DevNull, f} }, func(out string, err error) string {
		out = strings.ReplaceAll(out, "warning: ICC support is not available\n", "")
		if err != nil || strings.TrimSpace(out) != "" {
			return firstLines(out, 3)
		}
		return ""
	}},
	{"gs", func(f string) []string {
		return []string{"-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", f}
	}, func(out string, err error) string {
		if err != nil || strings.TrimSpace(out) != "" {
			return firstLines(out, 3)
		}
		return ""
	}},
}

// Check runs every engine on a PDF. The error lists each engine's
// complaint; nil means all were silent.
func Check(file string) error {
	var problems []string
	for _, e := range engines {
		cmd := exec.Command(e.name, e.args(file)...)
		var out bytes.Buffer
		cmd.Stderr = &out
		if e.name != "pdftotext" {
			cmd.Stdout = &out // pdftotext's is the text
		}
		err := cmd.Run()
		if p := e.judge(out.String(), err); p != "" {
			problems = append(problems, e.name+": "+p)
		}
	}
	if problems != nil {
		return fmt.Errorf("%s:\n  %s", file, strings.Join(problems, "\n  "))
	}
	return nil
}

// failed is a complaint when the program failed or wrote to standard
// error.
func failed(out string, err error) string {
	if err != nil || strings.TrimSpace(out) != "" {
		return firstLines(out+errText(err), 3)
	}
	return ""
}

// notEmbedded complains of a font pdffonts lists as not embedded: its
// table has an "emb" column of yes or no, fifth from the right.
func notEmbedded(out string, err error) string {
	if err != nil {
		return firstLines(out+errText(err), 3)
	}
	var bad []string
	for i, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if i < 2 || len(f) < 6 {
			continue
		}
		if f[len(f)-5] != "yes" {
			bad = append(bad, f[0])
		}
	}
	if bad != nil {
		return "fonts not embedded: " + strings.Join(bad, ", ")
	}
	return ""
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return " (exit " + fmt.Sprint(ee.ExitCode()) + ")"
	}
	return " (" + err.Error() + ")"
}

// firstLines is the first n lines of s, for a message.
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[:min(n, len(lines))], "; ")
}
