// Package render turns a plan.Plan into the printable PDF workbook.
package render

import (
	"errors"
	"io"

	"github.com/backplan/backplan/plan"
)

// Paper is a page size.
type Paper string

// The paper sizes.
const (
	A4     Paper = "a4"
	Letter Paper = "letter"
)

// Options control the look of the workbook.
type Options struct {
	Paper      Paper // A4 or Letter; empty means Letter
	LargePrint bool  // body text of at least 14 pt and larger boxes
}

// Workbook writes the PDF workbook for p to w.
func Workbook(w io.Writer, p *plan.Plan, o Options) error {
	return errors.New("render: not written yet")
}
