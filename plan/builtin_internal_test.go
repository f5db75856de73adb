package plan

import (
	"bytes"
	"os"
	"reflect"
	"testing"
)

// TestBuiltinIsTheYAML: the snapshot gives exactly the catalogue that
// LoadCatalog makes of exercises.yaml: exercises and prescriptions with
// their defaults, the file's name and each exercise's line for messages,
// and the index by id.
func TestBuiltinIsTheYAML(t *testing.T) {
	data, err := os.ReadFile("../exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := LoadCatalog(bytes.NewReader(data), "exercises.yaml")
	if err != nil {
		t.Fatalf("exercises.yaml does not load: %v", err)
	}
	got := Builtin()
	if !reflect.DeepEqual(got.Exercises, want.Exercises) {
		t.Errorf("Builtin().Exercises differ from exercises.yaml's: run go generate ./...")
	}
	if !reflect.DeepEqual(got.Prescriptions, want.Prescriptions) {
		t.Errorf("Builtin().Prescriptions differ from exercises.yaml's: run go generate ./...")
	}
	if got.name != want.name {
		t.Errorf("Builtin's name is %q, want %q", got.name, want.name)
	}
	if !reflect.DeepEqual(got.byID, want.byID) {
		t.Errorf("Builtin's index by id is %v, want %v", got.byID, want.byID)
	}
	if g, w := got.lines(), want.lines(); !reflect.DeepEqual(g, w) || len(w) != len(want.Exercises) {
		t.Errorf("Builtin's lines are %v, want %v (one for each of %d exercises)", g, w, len(want.Exercises))
	}
	// Each call gives a catalogue of its own.
	got.Exercises[0].Name = "changed"
	if Builtin().Exercises[0].Name == "changed" {
		t.Error("a change to one Builtin() shows in the next")
	}
}
