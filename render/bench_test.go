package render_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// benchWeeks are the plan lengths the benchmarks cover: the default, a
// quarter and a year.
var benchWeeks = []int{4, 12, 52}

// benchPlan builds a plan of the given length from the real catalogue, with
// the options a clinic would most often choose.
func benchPlan(b *testing.B, weeks int) *plan.Plan {
	b.Helper()
	return build(b, realCatalog(b), plan.Options{
		Weeks:   weeks,
		Days:    3,
		Patient: plan.Patient{Name: "Ana Ruiz", Clinician: "Dr Lee"},
	})
}

// BenchmarkLayout places a workbook on pages, without drawing it.
func BenchmarkLayout(b *testing.B) {
	for _, weeks := range benchWeeks {
		b.Run(fmt.Sprintf("weeks=%d", weeks), func(b *testing.B) {
			p := benchPlan(b, weeks)
			o := render.Options{Paper: render.Letter}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rend.Layout(p, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDraw paints a laid-out workbook as a PDF.
func BenchmarkDraw(b *testing.B) {
	for _, weeks := range benchWeeks {
		b.Run(fmt.Sprintf("weeks=%d", weeks), func(b *testing.B) {
			d, err := rend.Layout(benchPlan(b, weeks), render.Options{Paper: render.Letter})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var n int64
			for b.Loop() {
				cw := &countWriter{}
				if err := rend.Draw(cw, d); err != nil {
					b.Fatal(err)
				}
				n = cw.n
			}
			b.ReportMetric(float64(n), "pdf-bytes")
		})
	}
}

// BenchmarkWorkbook is the whole of rendering, as the command runs it:
// checking the text, laying out and drawing.
func BenchmarkWorkbook(b *testing.B) {
	for _, weeks := range benchWeeks {
		b.Run(fmt.Sprintf("weeks=%d", weeks), func(b *testing.B) {
			p := benchPlan(b, weeks)
			o := render.Options{Paper: render.Letter}
			b.ReportAllocs()
			var n int64
			for b.Loop() {
				cw := &countWriter{}
				if err := rend.Workbook(cw, p, o); err != nil {
					b.Fatal(err)
				}
				n = cw.n
			}
			b.ReportMetric(float64(n), "pdf-bytes")
		})
	}
}

// BenchmarkWorkbookParallel renders 4-week workbooks on every CPU at once,
// as a batch run does.
func BenchmarkWorkbookParallel(b *testing.B) {
	p := benchPlan(b, 4)
	o := render.Options{Paper: render.Letter}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := rend.Workbook(io.Discard, p, o); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// countWriter counts the bytes written to it and keeps none.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}
