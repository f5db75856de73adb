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
	p := &painter{b: make([]byte, 0, 64*len(shapes)+64), stroke: -1, fill: -1, width: -1} // greys not yet set
	p.b = append(p.b, "q 1 J 1 j 0.1 0 0 -0.1 "...)
	p.b = append(p.b, num(ox*ptPerMM)+" "+num((pageH-oy)*ptPerMM)+" cm\n"...)
	for _, s := range shapes {
		filled := s.Fill != figure.NoFill
		stroked := s.Width > 0
		if len(s.Points) == 0 || !filled && !stroked {
			continue
		}
		p.look(s, filled, stroked)
		p.path(s)
		switch {
		case filled && stroked:
			p.b = append(p.b, "B\n"...)
		case filled:
			p.b = append(p.b, "f\n"...)
		default:
			p.b = append(p.b, "S\n"...)
		}
	}
	p.b = append(p.b, 'Q')
	return string(p.b)
}

// painter writes a drawing's operators, and remembers its greys and
// line width so as to write each only when it changes.
type painter struct {
	b                   []byte
	stroke, fill, width float64
}

// n writes a length in tenths of a point.
func (p *painter) n(mm float64) { p.b = strconv.AppendInt(p.b, int64(math.Round(mm*ptPerMM*10)), 10) }

// pt writes a point.
func (p *painter) pt(x, y float64) {
	p.n(x)
	p.b = append(p.b, ' ')
	p.n(y)
}

// look sets the fill grey, the stroke grey and the line width of s
// where they change.
func (p *painter) look(s figure.Shape, filled, stroked bool) {
	if filled && s.Fill != p.fill {
		p.fill = s.Fill
		p.b = append(p.b, grey2(p.fill)+" g\n"...)
	}
	if !stroked {
		return
	}
	if s.Stroke != p.stroke {
		p.stroke = s.Stroke
		p.b = append(p.b, grey2(p.stroke)+" G\n"...)
	}
	if s.Width != p.width {
		p.width = s.Width
		p.n(p.width)
		p.b = append(p.b, " w\n"...)
	}
}

// path writes the outline of s: a circle of four Bézier curves, or a
// line through its points (a dot for one point), closed if s is.
func (p *painter) path(s figure.Shape) {
	p0 := s.Points[0]
	if s.Kind == figure.Circle {
		r, c := s.Radius, s.Radius*kappa
		cx, cy := p0.X, p0.Y
		p.pt(cx+r, cy)
		p.b = append(p.b, " m\n"...)
		for _, q := range [4][6]float64{
			{cx + r, cy + c, cx + c, cy + r, cx, cy + r},
			{cx - c, cy + r, cx - r, cy + c, cx - r, cy},
			{cx - r, cy - c, cx - c, cy - r, cx, cy - r},
			{cx + c, cy - r, cx + r, cy - c, cx + r, cy},
		} {
			p.pt(q[0], q[1])
			p.b = append(p.b, ' ')
			p.pt(q[2], q[3])
			p.b = append(p.b, ' ')
			p.pt(q[4], q[5])
			p.b = append(p.b, " c\n"...)
		}
		p.b = append(p.b, "h "...)
		return
	}
	p.pt(p0.X, p0.Y)
	p.b = append(p.b, " m"...)
	for _, q := range s.Points[1:] {
		p.b = append(p.b, ' ')
		p.pt(q.X, q.Y)
		p.b = append(p.b, " l"...)
	}
	if len(s.Points) == 1 {
		// A dot: a round-capped stroke of no length.
		p.b = append(p.b, ' ')
		p.pt(p0.X, p0.Y)
		p.b = append(p.b, " l"...)
	}
	if s.Closed {
		p.b = append(p.b, " h"...)
	}
	p.b = append(p.b, ' ')
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
