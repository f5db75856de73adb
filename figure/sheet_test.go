package figure_test

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/internal/fpdf"

	"github.com/backplan/backplan/figure"
)

var sheet = flag.String("sheet", "", "write a contact sheet of every picture in ../exercises.yaml to this PDF file")

// TestContactSheet draws every pose onto a PDF to look at:
//
//	go test ./figure -run ContactSheet -sheet /tmp/sheet.pdf
//	pdftoppm -png -r 80 /tmp/sheet.pdf /tmp/sheet
func TestContactSheet(t *testing.T) {
	if *sheet == "" {
		t.Skip("no -sheet file")
	}
	specs := loadPoses(t)
	ids := make([]string, 0, len(specs))
	for id := range specs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	cols, rows := 3, 4
	cw, ch := 92.0, 48.0
	if only := os.Getenv("SHEET_ONLY"); only != "" {
		ids = strings.Split(only, ",")
		cols, rows, cw, ch = 2, 3, 135, 64
	}

	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 9)
	pdf.SetAutoPageBreak(false, 0)
	for i, id := range ids {
		if i%(cols*rows) == 0 {
			pdf.AddPage()
		}
		k := i % (cols * rows)
		x0, y0 := 10+float64(k%cols)*(cw+2), 8+float64(k/cols)*(ch+1)
		pdf.SetDrawColor(200, 200, 200)
		pdf.SetLineWidth(0.2)
		pdf.Rect(x0, y0, cw, ch, "D")
		pdf.SetXY(x0+1, y0+1)
		pdf.CellFormat(cw-2, 4, id, "", 0, "L", false, 0, "")
		pics := specs[id].Draw(cw/2-3, ch-8)
		for j, p := range pics {
			paint(pdf, p, x0+2+float64(j)*(cw/2-1), y0+6)
		}
	}
	if err := pdf.OutputFileAndClose(*sheet); err != nil {
		t.Fatal(err)
	}
}

func grey(pdf *fpdf.Fpdf, v float64, fill bool) {
	g := int(v*255 + 0.5)
	if fill {
		pdf.SetFillColor(g, g, g)
	} else {
		pdf.SetDrawColor(g, g, g)
	}
}

// paint draws a picture with its top-left corner at (x, y): what a renderer
// does with figure's shapes.
func paint(pdf *fpdf.Fpdf, p figure.Picture, x, y float64) {
	pdf.SetLineCapStyle("round")
	pdf.SetLineJoinStyle("round")
	for _, s := range p.Shapes {
		style := ""
		if s.Fill != figure.NoFill {
			grey(pdf, s.Fill, true)
			style += "F"
		}
		if s.Width > 0 {
			grey(pdf, s.Stroke, false)
			pdf.SetLineWidth(s.Width)
			style = "D" + style
		}
		if style == "" {
			continue
		}
		switch s.Kind {
		case figure.Circle:
			pdf.Circle(x+s.Points[0].X, y+s.Points[0].Y, s.Radius, style)
		default:
			pdf.MoveTo(x+s.Points[0].X, y+s.Points[0].Y)
			for _, pt := range s.Points[1:] {
				pdf.LineTo(x+pt.X, y+pt.Y)
			}
			if s.Closed {
				pdf.ClosePath()
			}
			pdf.DrawPath(style)
		}
	}
}
