// Package golden compares test output with files in testdata, for the
// golden tests of plan, render and figure. Run the tests with -update to
// rewrite the files when a change is meant.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update is the -update flag of any test binary that uses this package.
var Update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Check compares got with the file at path, or writes got there under
// -update. what names the output in the failure ("layout", "plan").
func Check(t testing.TB, path, what string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run the test with -update if the change is meant):\n%s", what, path, Diff(string(want), string(got)))
	}
}

// Diff lists the first lines that differ, with their numbers, and says
// when the line counts differ.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 20; i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n  - %s\n  + %s\n", i+1, a, c)
			shown++
		}
	}
	if len(w) != len(g) {
		fmt.Fprintf(&b, "(%d lines, want %d)\n", len(g), len(w))
	}
	return b.String()
}
