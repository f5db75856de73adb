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
	// Every exported field, so that a field added to Catalog and not to
	// the snapshot fails here.
	g, w := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	for i := range g.NumField() {
		f := g.Type().Field(i)
		if f.IsExported() && !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			t.Errorf("Builtin().%s differs from exercises.yaml's: run go generate ./... (and write the field in plan/internal/snapshot)", f.Name)
		}
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
