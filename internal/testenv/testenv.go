// Package testenv says how thorough a test run is. The default go test
// ./... is the quick one a developer runs after every change; the full
// sweeps (every pair of option values, every stress file) run when the
// environment sets BACKPLAN_SLOW_TESTS=1, as .ci/run does.
package testenv

import (
	"os"
	"testing"
)

// Full reports whether the full sweeps run.
func Full() bool { return os.Getenv("BACKPLAN_SLOW_TESTS") == "1" }

// SkipUnlessFull skips a test that only the full run makes.
func SkipUnlessFull(t testing.TB, what string) {
	t.Helper()
	if !Full() {
		t.Skipf("%s; BACKPLAN_SLOW_TESTS=1 runs it", what)
	}
}
