package render_test

import (
	"os"
	"testing"

	"github.com/backplan/backplan/plan"
)

// today is the fixed run date every test plans from (a Tuesday).
var today = plan.NewDate(2026, 11, 24)

// loadCatalog reads a catalogue file.
func loadCatalog(t testing.TB, name string) *plan.Catalog {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := plan.LoadCatalog(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// testCatalog is a small, stable catalogue of testdata/.
func testCatalog(t testing.TB) *plan.Catalog { return loadCatalog(t, "testdata/catalog.yaml") }

// realCatalog is the project's catalogue, or the test one while
// ../exercises.yaml is still a placeholder.
func realCatalog(t testing.TB) *plan.Catalog {
	t.Helper()
	f, err := os.Open("../exercises.yaml")
	if err == nil {
		defer f.Close()
		if c, err := plan.LoadCatalog(f, "exercises.yaml"); err == nil {
			return c
		}
	}
	return testCatalog(t)
}

func build(t testing.TB, c *plan.Catalog, o plan.Options) *plan.Plan {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = today
	}
	// The patient is set after Build, which refuses text that is not
	// safe to print: these tests check that render copes with any text.
	patient := o.Patient
	o.Patient = plan.Patient{}
	p, err := plan.Build(c, o)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	p.Patient = patient
	return p
}
