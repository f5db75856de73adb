// Package validators opens PDFs with independent PDF engines and reports
// anything any of them complains about: qpdf (structure, cross-reference
// table, streams), poppler (pdfinfo for the metadata, pdffonts for every
// font embedded, pdftotext for the text), MuPDF (mutool draws every page)
// and Ghostscript (gs draws every page). Tests call it, in place of a
// script outside the repository; backplan itself never does.
package validators

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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

//go:embed pdfjs.mjs
var pdfjsScript []byte

// ErrPassword is a PDF that pdf.js would not open with the password
// given.
var ErrPassword = errors.New("pdf.js: wrong password")

// PDFJSDir is the folder of the npm package pdfjs-dist that PDFJS uses:
// $BACKPLAN_PDFJS, else $HOME/.cache/backplan-pdfjs/node_modules/pdfjs-dist,
// where .ci/run installs it. Nothing is fetched when tests run.
func PDFJSDir() string {
	if d := os.Getenv("BACKPLAN_PDFJS"); d != "" {
		return d
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".cache", "backplan-pdfjs", "node_modules", "pdfjs-dist")
}

// PDFJS opens file with pdf.js under node, with the password, and
// returns the text of its pages, one a line; ErrPassword when pdf.js
// refuses the password. It skips t only when node is missing; with node
// and without pdfjs-dist it fails t, saying how to install it.
func PDFJS(t testing.TB, file, password string) (string, error) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is missing (apt-get install nodejs), so pdf.js cannot open the PDF")
	}
	dir := PDFJSDir()
	if _, err := os.Stat(filepath.Join(dir, "legacy", "build", "pdf.mjs")); err != nil {
		t.Fatalf("pdf.js is not installed in %s: npm install --prefix %s pdfjs-dist@5.6.205 (.ci/run does)", dir, filepath.Dir(filepath.Dir(dir)))
	}
	script := filepath.Join(t.TempDir(), "pdfjs.mjs")
	if err := os.WriteFile(script, pdfjsScript, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, script, file, password)
	cmd.Env = append(os.Environ(), "BACKPLAN_PDFJS="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee) && ee.ExitCode() == 3:
		return "", ErrPassword
	case err != nil:
		return "", fmt.Errorf("pdf.js: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// QRCodes draws the pages of file (every page, or those given) at 150
// dots an inch with poppler's pdftoppm and reads every QR code on them
// with zbarimg (Debian's zbar-tools), returning the texts found on each
// page, by page number. With either program missing it skips t; .ci/run
// installs both and fails if a test that calls it skipped.
func QRCodes(t testing.TB, file string, pages ...int) map[int][]string {
	t.Helper()
	for prog, pkg := range map[string]string{"pdftoppm": "poppler-utils", "zbarimg": "zbar-tools"} {
		if _, err := exec.LookPath(prog); err != nil {
			t.Skipf("%s is missing (apt-get install %s)", prog, pkg)
		}
	}
	dir := t.TempDir()
	draw := func(args ...string) {
		args = append([]string{"-r", "150", "-gray", "-png"}, append(args, file, filepath.Join(dir, "p"))...)
		if out, err := exec.Command("pdftoppm", args...).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm %s: %v\n%s", file, err, out)
		}
	}
	if len(pages) == 0 {
		draw()
	}
	for _, n := range pages {
		draw("-f", fmt.Sprint(n), "-l", fmt.Sprint(n))
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	found := map[int][]string{}
	for _, png := range pngs {
		var n int
		fmt.Sscanf(strings.TrimLeft(strings.TrimSuffix(filepath.Base(png), ".png")[2:], "0"), "%d", &n)
		cmd := exec.Command("zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", png)
		out, err := cmd.Output()
		var ee *exec.ExitError
		if errors.As(err, &ee) && ee.ExitCode() == 4 {
			continue // no code on the page
		}
		if err != nil {
			t.Fatalf("zbarimg %s: %v", png, err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if line != "" {
				found[n] = append(found[n], line)
			}
		}
	}
	return found
}

// Protected checks that file is encrypted with AES-256 (R 6, AESv3) and
// opens with password only: qpdf reports the encryption, decrypts it to
// a file qpdf --check accepts, and pdftotext -upw reads it; a wrong
// password is refused by both. It returns the text pdftotext read.
func Protected(t testing.TB, file, password string) string {
	t.Helper()
	for _, prog := range []string{"qpdf", "pdftotext"} {
		if _, err := exec.LookPath(prog); err != nil {
			t.Skipf("%s is missing (apt-get install %s)", prog, Packages[prog])
		}
	}
	out, err := exec.Command("qpdf", "--password="+password, "--show-encryption", file).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --show-encryption: %v\n%s", err, out)
	}
	for _, want := range []string{"R = 6", "stream encryption method: AESv3", "string encryption method: AESv3",
		"print high resolution: allowed", "extract for any purpose: allowed", "modify anything: not allowed"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("qpdf --show-encryption does not say %q:\n%s", want, out)
		}
	}
	plain := filepath.Join(t.TempDir(), "decrypted.pdf")
	if out, err := exec.Command("qpdf", "--password="+password, "--decrypt", file, plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --decrypt: %v\n%s", err, out)
	}
	if out, err := exec.Command("qpdf", "--check", plain).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check of the decrypted file: %v\n%s", err, out)
	}
	text, err := exec.Command("pdftotext", "-upw", password, file, "-").Output()
	if err != nil {
		t.Errorf("pdftotext -upw: %v", err)
	}
	wrong := strings.ToUpper(password) // poppler reads only 32 characters: the difference comes first
	if out, err := exec.Command("qpdf", "--password="+wrong, "--check", file).CombinedOutput(); err == nil {
		t.Errorf("qpdf opened the file with a wrong password:\n%s", out)
	}
	if _, err := exec.Command("pdftotext", "-upw", wrong, file, "-").Output(); err == nil {
		t.Error("pdftotext read the file with a wrong password")
	}
	if _, err := exec.Command("pdftotext", file, "-").Output(); err == nil {
		t.Error("pdftotext read the file with no password")
	}
	return string(text)
}
