package plan_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/plan/internal/snapshot"
)

// TestSnapshotIsFresh: the committed snapshot of the built-in catalogue
// is what exercises.yaml gives now, so editing the YAML without
// regenerating fails here, and says how to regenerate.
func TestSnapshotIsFresh(t *testing.T) {
	data, err := os.ReadFile("../exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := snapshot.Source(data, "exercises.yaml")
	if err != nil {
		t.Fatalf("exercises.yaml does not load, so its snapshot cannot be made: %v", err)
	}
	got, err := os.ReadFile(snapshot.File)
	if err != nil {
		t.Fatalf("%v: run go generate ./... at the module's root", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("plan/%s is stale: exercises.yaml (or the catalogue's types) changed since it was made.\n"+
			"Run `go generate ./...` at the module's root and commit plan/%s.", snapshot.File, snapshot.File)
	}
}

// TestBuiltinLines: a message about a built-in exercise still names its
// line in exercises.yaml.
func TestBuiltinLines(t *testing.T) {
	c := plan.Builtin()
	if len(c.Exercises) == 0 {
		t.Fatal("the built-in catalogue is empty")
	}
	for _, id := range c.IDs() {
		if c.Line(id) <= 0 {
			t.Errorf("exercise %q has no line", id)
		}
	}
}
