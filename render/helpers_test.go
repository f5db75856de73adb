package render_test

import (
	"os"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
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

// realCatalog is the project's catalogue, as backplan builds it in.
func realCatalog(testing.TB) *plan.Catalog { return plan.Builtin() }

// rend is the Renderer the tests share, as a batch shares one, on two
// workers so that the parallel paths run.
var rend = func() *render.Renderer {
	r, err := render.New(2)
	if err != nil {
		panic(err)
	}
	return r
}()

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

// catalogText is the test catalogue's YAML.
func catalogText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
