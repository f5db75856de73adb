package render_test

import (
	"errors"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestCheckCatalogGivesTheExercise: the TextError of a catalogue names
// the exercise by its id, for the loader to point at its line.
func TestCheckCatalogGivesTheExercise(t *testing.T) {
	c := testCatalog(t)
	e := &c.Exercises[1]
	e.Steps = append([]string{}, e.Steps...)
	e.Steps[0] = "Roll ➰ them"
	var te *render.TextError
	if err := rend.CheckCatalog(c); !errors.As(err, &te) || te.Exercise != e.ID {
		t.Fatalf("got %v, want a TextError about %s", err, e.ID)
	}
	p := &plan.Plan{Patient: plan.Patient{Name: "Ana ➰"}}
	if err := rend.CheckText(p); !errors.As(err, &te) || te.Exercise != "" {
		t.Errorf("the patient's name: got %v with exercise %q, want none", err, te.Exercise)
	}
}
