package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/backplan/backplan/internal/fpdf"

	"github.com/backplan/backplan/figure"
)

// ptPerMM converts millimetres to PDF points.
const ptPerMM = 72 / 25.4

// kappa places the control points of four Bézier curves that make a circle.
const kappa = 0.5523

// sharedPictures makes a Form XObject (an fpdf template) of each drawing
// that appears more than once, such as the weekly grid's thumbnails: the
// file then holds it once however many weeks show it. Drawings used once
// are painted in place, which costs less.
func (d *Document) sharedPictures(pdf *fpdf.Fpdf) map[picKey]fpdf.Template {
	count := map[picKey]int{}
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if it.Kind == Picture {
				count[pictureKey(it)]++
			}
		}
	}
	shared := map[picKey]fpdf.Template{}
	for _, p := range d.Pages {
		for _, it := range p.Items {
			k := pictureKey(it)
			if it.Kind != Picture || count[k] < 2 || shared[k] != nil {
				continue
			}
			ops := pictureOps(it.Shapes, 0, 0, it.H)
			shared[k] = pdf.CreateTemplateCustom(fpdf.PointType{}, fpdf.SizeType{Wd: it.W, Ht: it.H}, func(t *fpdf.Tpl) {
				t.RawWriteStr(ops)
			})
		}
	}
	return shared
}

// pictureKey tells drawings apart: the same drawing at the same size has
// the same key.
func pictureKey(it Item) picKey { return picKey{it.Ref, it.W, it.H} }

type picKey struct {
	ref  string
	w, h float64
}

// pictureOps returns the PDF content operators that paint shapes with
// their origin at (ox, oy) mm on a page pageH millimetres tall. The drawing
// is wrapped in q … Q so the round caps and joins, greys and widths it sets
// end with it, and each setting is written only when it changes: a figure
// has dozens of shapes and most share their look, so this keeps the file
// small. For the same reason it moves the origin to the box's corner,
// turns y downward and counts in tenths of a point, so every coordinate is
// a short whole number.
func pictureOps(shapes []figure.Shape, ox, oy, pageH float64) string {
	b := make([]byte, 0, 64*len(shapes)+64)
	b = append(b, "q 1 J 1 j 0.1 0 0 -0.1 "...)
	b = append(b, num(ox*ptPerMM)+" "+num((pageH-oy)*ptPerMM)+" cm\n"...)
	var (
		stroke, fill = -1.0, -1.0 // greys not yet set
		width        = -1.0
	)
	n := func(b []byte, mm float64) []byte { return strconv.AppendInt(b, int64(math.Round(mm*ptPerMM*10)), 10) }
	pt := func(b []byte, x, y float64) []byte {
		b = n(b, x)
		b = append(b, ' ')
		return n(b, y)
	}
	for _, s := range shapes {
		if len(s.Points) == 0 {
			continue
		}
		filled := s.Fill != figure.NoFill
		stroked := s.Width > 0
		if !filled && !stroked {
			continue
		}
		if filled && s.Fill != fill {
			fill = s.Fill
			b = append(b, grey2(fill)+" g\n"...)
		}
		if stroked {
			if s.Stroke != stroke {
				stroke = s.Stroke
				b = append(b, grey2(stroke)+" G\n"...)
			}
			if s.Width != width {
				width = s.Width
				b = append(n(b, width), " w\n"...)
			}
		}
		p0 := s.Points[0]
		switch s.Kind {
		case figure.Circle:
			r, c := s.Radius, s.Radius*kappa
			cx, cy := p0.X, p0.Y
			b = append(pt(b, cx+r, cy), " m\n"...)
			for _, q := range [4][6]float64{
				{cx + r, cy + c, cx + c, cy + r, cx, cy + r},
				{cx - c, cy + r, cx - r, cy + c, cx - r, cy},
				{cx - r, cy - c, cx - c, cy - r, cx, cy - r},
				{cx + c, cy - r, cx + r, cy - c, cx + r, cy},
			} {
				b = append(pt(b, q[0], q[1]), ' ')
				b = append(pt(b, q[2], q[3]), ' ')
				b = append(pt(b, q[4], q[5]), " c\n"...)
			}
			b = append(b, "h "...)
		default:
			b = append(pt(b, p0.X, p0.Y), " m"...)
			for _, p := range s.Points[1:] {
				b = append(b, ' ')
				b = append(pt(b, p.X, p.Y), " l"...)
			}
			if len(s.Points) == 1 {
				// A dot: a round-capped stroke of no length.
				b = append(b, ' ')
				b = append(pt(b, p0.X, p0.Y), " l"...)
			}
			if s.Closed {
				b = append(b, " h"...)
			}
			b = append(b, ' ')
		}
		switch {
		case filled && stroked:
			b = append(b, "B\n"...)
		case filled:
			b = append(b, "f\n"...)
		default:
			b = append(b, "S\n"...)
		}
	}
	b = append(b, 'Q')
	return string(b)
}

// num writes a number with at most two decimals and no trailing zeros.
func num(v float64) string {
	s := strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0")
	s = strings.TrimSuffix(s, ".")
	if s == "" || s == "-0" {
		return "0"
	}
	return s
}

// grey2 writes a grey level with two decimals, trimmed: one decimal would
// merge greys the figures keep apart.
func grey2(v float64) string {
	s := strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0")
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return "0"
	}
	return s
}
