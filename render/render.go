// Package render turns a plan.Plan into the printable PDF workbook a patient
// takes home.
//
// It works in two steps. Layout places everything on pages, measuring text
// with the embedded fonts' own widths, and returns a Document: pages of
// positioned text lines, boxes and rules in millimetres, which WriteText
// dumps for golden tests. Drawing then paints the Document with fpdf and
// decides nothing of its own. Workbook does both.
//
// The workbook is made to be read on paper, in black and white, by people
// who may be over seventy: body text is at least 12 pt (15 pt in large
// print), tick boxes at least 6 mm (8 mm), nothing depends on colour, and
// anything too long for a page flows on to the next with its heading
// repeated rather than shrinking.
//
// render never parses flags or YAML and never reads the clock: the dates in
// the PDF come from the plan, so the same plan gives the same bytes.
package render

import (
	"io"

	"github.com/backplan/backplan/plan"
)

// Paper is a page size.
type Paper string

// The paper sizes.
const (
	A4     Paper = "a4"     // 210 × 297 mm
	Letter Paper = "letter" // 8.5 × 11 in
)

// Options control the look of the workbook.
type Options struct {
	Paper      Paper // A4 or Letter; empty means Letter
	LargePrint bool  // body text of at least 14 pt and larger boxes
}

// Workbook writes the PDF workbook for p to w. Text the fonts cannot draw
// is reported as a *TextError before anything is written.
func Workbook(w io.Writer, p *plan.Plan, o Options) error {
	d, err := Layout(p, o)
	if err != nil {
		return err
	}
	return d.Draw(w)
}

// Renderer draws workbooks. It is made once, by New, and shared: by the
// rows of a batch and the requests of a server alike. It is safe for
// concurrent use.
//
// (For now it forwards to the package functions; the caches and pools
// they keep move into it.)
type Renderer struct {
	workers int
}

// New returns a Renderer that draws one workbook on up to workers
// goroutines. A caller that draws many workbooks at once (a batch, a
// server) passes 1 and runs workbooks side by side instead, so that
// parallelism never nests.
func New(workers int) (*Renderer, error) {
	return &Renderer{workers: max(workers, 1)}, nil
}

// Workbook writes the PDF workbook for p to w. Text the fonts cannot draw
// is reported as a *TextError before anything is written.
func (r *Renderer) Workbook(w io.Writer, p *plan.Plan, o Options) error {
	return Workbook(w, p, o)
}

// Figures writes a contact sheet of the exercises' pictures to w.
func (r *Renderer) Figures(w io.Writer, exercises []plan.Exercise, o Options) error {
	return Figures(w, exercises, o)
}
