package plan_test

import (
	"os"
	"sync"
	"testing"

	"github.com/backplan/backplan/plan"
)

// today is the fixed run date every test plans from (a Tuesday).
var today = plan.NewDate(2026, 11, 24)

var (
	realOnce sync.Once
	realCat  *plan.Catalog
	realErr  error
)

// realCatalog loads the embedded catalogue from the repository root.
func realCatalog(t testing.TB) *plan.Catalog {
	t.Helper()
	realOnce.Do(func() {
		f, err := os.Open("../exercises.yaml")
		if err != nil {
			realErr = err
			return
		}
		defer f.Close()
		realCat, realErr = plan.LoadCatalog(f, "exercises.yaml")
	})
	if realErr != nil {
		t.Fatalf("loading exercises.yaml: %v", realErr)
	}
	return realCat
}

func build(t testing.TB, o plan.Options) *plan.Plan {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = today
	}
	p, err := plan.Build(realCatalog(t), o)
	if err != nil {
		t.Fatalf("Build(%+v): %v", o, err)
	}
	return p
}
