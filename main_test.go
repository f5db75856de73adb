package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/spf13/pflag"

	"github.com/backplan/backplan/internal/testenv"
)

// The date every script runs on: Tuesday 24 November 2026, 12:00 UTC.
const sourceDateEpoch = "1795521600"

// TestMain runs the tests, and backplan itself for the scripts: as a
// user runs it, except that a script that sets BACKPLAN_TEST_SEED gets a
// fixed stream in place of crypto/rand, so that its passphrases, and so
// its protected workbooks, are the same every time.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"backplan": func() {
		e := realEnv()
		if seed := os.Getenv("BACKPLAN_TEST_SEED"); seed != "" {
			e.rand = seeded(seed)
		}
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, e))
	}})
}

// slowTest skips a test that renders many workbooks unless the full run
// was asked for (see internal/testenv), so that the default go test ./...
// stays quick.
func slowTest(t *testing.T, what string) { testenv.SkipUnlessFull(t, what) }

// TestScripts runs the command-line scripts in testdata/script. Each starts
// in a fresh folder holding clinic.yaml, a small test catalogue, and
// logo.png, a clinic's logo, with the
// run date fixed by SOURCE_DATE_EPOCH, a locale of the United States, and
// PAPERCONF naming a papersize file that is not there, so that the
// machine's /etc/papersize plays no part: the default paper is Letter
// unless a script says otherwise.
func TestScripts(t *testing.T) {
	clinic, err := os.ReadFile(filepath.Join("testdata", "clinic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	logo, err := os.ReadFile(filepath.Join("testdata", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("SOURCE_DATE_EPOCH", sourceDateEpoch)
			e.Setenv("LANG", "en_US.UTF-8")
			e.Setenv("PAPERCONF", filepath.Join(e.WorkDir, "papersize"))
			if err := os.WriteFile(filepath.Join(e.WorkDir, "logo.png"), logo, 0o644); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(e.WorkDir, "clinic.yaml"), clinic, 0o644)
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, errors.New("unknown condition " + cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":  cmdStatus,
			"pdf":     cmdPDF,
			"notemp":  cmdNoTemp,
			"lines<=": cmdMaxLines,
			"replace": cmdReplace,
		},
	})
}

// status N PROG ARGS... runs a program and checks its exit code; stdout and
// stderr are kept for the commands that follow.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// pdf FILE checks that a file looks like a whole PDF: it starts with the
// PDF header and ends with the end-of-file marker. In the full run
// (BACKPLAN_SLOW_TESTS=1, as in CI), where qpdf is installed, it also runs
// qpdf --check, which reads every object.
func cmdPDF(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: pdf FILE")
	}
	data := ts.ReadFile(args[0])
	if !strings.HasPrefix(data, "%PDF-") {
		ts.Fatalf("%s does not start with %%PDF-", args[0])
	}
	if !strings.HasSuffix(strings.TrimRight(data, "\r\n"), "%%EOF") {
		ts.Fatalf("%s does not end with %%%%EOF", args[0])
	}
	if _, err := exec.LookPath("qpdf"); err == nil && testenv.Full() {
		out, err := exec.Command("qpdf", "--check", ts.MkAbs(args[0])).CombinedOutput()
		if err != nil {
			ts.Fatalf("qpdf --check %s: %v\n%s", args[0], err, out)
		}
	}
}

// notemp [DIR] fails if the folder (default the current one) holds a
// temporary file left by a write: .NAME.*.tmp (testscript's own .tmp
// folder is not one).
func cmdNoTemp(ts *testscript.TestScript, neg bool, args []string) {
	dir := ts.MkAbs(".")
	if len(args) == 1 {
		dir = ts.MkAbs(args[0])
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		ts.Fatalf("%v", err)
	}
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, ".") && strings.HasSuffix(n, ".tmp") && n != ".tmp" {
			ts.Fatalf("temporary file left behind: %s", e.Name())
		}
	}
}

// lines<= N FILE checks that a file has at most N lines.
func cmdMaxLines(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: lines<= N FILE")
	}
	n, _ := strconv.Atoi(args[0])
	got := strings.Count(ts.ReadFile(args[1]), "\n")
	if got > n {
		ts.Fatalf("%s has %d lines, want at most %d", args[1], got, n)
	}
}

// replace FILE OLD NEW replaces the first OLD in a file with NEW, as a
// clinician editing a saved plan would. OLD must be there. In OLD and NEW,
// \n stands for a line break.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	old := strings.ReplaceAll(args[1], `\n`, "\n")
	repl := strings.ReplaceAll(args[2], `\n`, "\n")
	data := ts.ReadFile(args[0])
	if !strings.Contains(data, old) {
		ts.Fatalf("%s does not contain %q", args[0], old)
	}
	data = strings.Replace(data, old, repl, 1)
	if err := os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644); err != nil {
		ts.Fatalf("%v", err)
	}
}

func TestUsageFitsOneScreen(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(usage, "\n"), "\n")
	if len(lines) > 40 {
		t.Errorf("usage has %d lines, want at most 40", len(lines))
	}
	for i, l := range lines {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("usage line %d is %d characters, want at most 80: %q", i+1, n, l)
		}
	}
}

// TestUsageNamesEveryOption keeps the hand-written help and the flags in step.
func TestUsageNamesEveryOption(t *testing.T) {
	var c config
	c.flagSet().VisitAll(func(f *pflag.Flag) {
		if !strings.Contains(usage, "--"+f.Name+" ") && !strings.Contains(usage, "--"+f.Name+"\n") {
			t.Errorf("usage does not mention --%s", f.Name)
		}
	})
}
