package plan_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// TestUnknownExerciseKind: an id the catalogue lacks is an OptionProblem
// of the kind ErrUnknownExercise, carrying the id, so that a front end
// can point at its list of ids without reading the message.
func TestUnknownExerciseKind(t *testing.T) {
	c, err := plan.LoadCatalog(strings.NewReader(entry), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []plan.Options{
		{Today: today, Include: []string{"plank99"}},
		{Today: today, Exclude: []string{"plank", "plank99"}},
	} {
		_, err := plan.Build(c, o)
		var pe *plan.Error
		if !errors.Is(err, plan.ErrUnknownExercise) || !errors.As(err, &pe) || pe.Exercise != "plank99" {
			t.Errorf("%+v: got %v, want an unknown-exercise error about plank99", o, err)
		}
		checkError(t, err, plan.OptionProblem, "")
	}
	// Another option problem is not of that kind.
	_, err = plan.Build(c, plan.Options{Today: today, Weeks: 99})
	if errors.Is(err, plan.ErrUnknownExercise) {
		t.Errorf("weeks 99: %v is of the unknown-exercise kind", err)
	}
}

// TestCatalogLine: each exercise knows the line of the file where it
// starts, for messages about it found after loading.
func TestCatalogLine(t *testing.T) {
	data := "# a catalogue\nexercises:\n" + strings.TrimPrefix(entry, "exercises:\n") +
		strings.ReplaceAll(strings.TrimPrefix(entry, "exercises:\n"), "plank", "side-plank")
	c, err := plan.LoadCatalog(strings.NewReader(data), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]int{"plank": 3, "side-plank": 16, "none": 0} {
		if got := c.Line(id); got != want {
			t.Errorf("Line(%q) = %d, want %d", id, got, want)
		}
	}
	if got := (&plan.Catalog{}).Line("plank"); got != 0 {
		t.Errorf("a catalogue not read from a file: Line = %d, want 0", got)
	}
}
