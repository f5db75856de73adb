package render

import (
	"bytes"
	"os"
	"testing"

	"github.com/backplan/backplan/plan"
)

// BenchmarkColdWorkbook is the work of one `backplan --weeks 4` run in
// this package's terms: load the catalogue, build the plan and render it
// with no drawing cached, as in a fresh process.
func BenchmarkColdWorkbook(b *testing.B) {
	data, err := os.ReadFile("../exercises.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := New(1) // a fresh process parses the fonts and draws every picture
		if err != nil {
			b.Fatal(err)
		}
		c, err := plan.LoadCatalog(bytes.NewReader(data), "exercises.yaml")
		if err != nil {
			b.Fatal(err)
		}
		p, err := plan.Build(c, plan.Options{Weeks: 4, Today: plan.NewDate(2026, 11, 24)})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.Workbook(&buf, p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
