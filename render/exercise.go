package render

import (
	"fmt"
	"sync"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/plan"
)

func (l *layout) exercises() {
	s := l.s
	l.section("exercises", "How to do each exercise", 0)
	l.heading("How to do each exercise", s.h1, 0)
	l.para("Read about each exercise before you first do it, and look back here whenever you need to. At the end of each one is how much to do each week.", false, s.body)
	for i, e := range l.p.Exercises {
		l.onBreak = nil
		if i > 0 {
			l.ensure(s.para*2 + 8*s.lineH(s.body))
			if l.y > l.top {
				l.hline(l.left, l.y, l.width(), normal)
				l.y += s.para * 2
			}
		}
		l.exercise(e)
	}
	l.onBreak = nil
}

func (l *layout) exercise(e plan.Exercise) {
	s := l.s
	name := clean(e.Name)
	lh := s.lineH(s.body)
	l.onBreak = nil
	l.heading(name, s.h2, 6*lh)
	l.found["ex:"+e.ID] = l.page.Number
	// The outline stays flat: fpdf writes /Count 0 on outline items with
	// children, which strict validators reject.
	l.page.Marks = append(l.page.Marks, Mark{Title: name, Level: 0, Y: l.y - s.lineH(s.h2)})
	l.onBreak = func() { l.heading(name+" (continued)", s.h3, 0) }

	l.para(categoryWords(e.Category), false, s.body)
	l.pictures(e)
	if p := clean(e.Purpose); p != "" {
		l.para(p, false, s.body)
	}
	l.labelled("Position", startWords(e))
	l.labelled("You need", needsWords(e))

	l.heading("Steps", s.h3, 2*lh)
	l.list(e.Steps, number)
	if len(e.Cues) > 0 {
		l.heading("For good form", s.h3, 2*lh)
		l.list(e.Cues, bullet)
	}
	if len(e.Cautions) > 0 {
		l.heading("Take care", s.h3, 2*lh)
		l.list(e.Cautions, bullet)
	}
	if e.Easier != "" || e.Harder != "" {
		l.heading("Changing it", s.h3, 2*lh)
		if e.Easier != "" {
			l.labelled("Too hard?", e.Easier)
		}
		if e.Harder != "" {
			l.labelled("Too easy?", e.Harder+" Check with your clinician first.")
		}
	}
	l.heading("How much to do", s.h3, 3*lh)
	l.doseTable(e)
}

// doseTable lists the exercise's dose week by week, joining weeks that
// share a dose.
func (l *layout) doseTable(e plan.Exercise) {
	doses := l.p.DoseByWeek(e.ID)
	var rows [][2]string
	for i := 0; i < len(doses); {
		j := i
		for j+1 < len(doses) && doses[j+1] == doses[i] {
			j++
		}
		weeks := fmt.Sprintf("Week %d", i+1)
		if j > i {
			weeks = fmt.Sprintf("Weeks %d to %d", i+1, j+1)
		}
		what := "Not in these weeks"
		if j == i {
			what = "Not this week"
		}
		if d := doses[i]; !d.IsZero() {
			what = d.String()
			if d.Sets > 1 || d.Hold > 0 || d.Each != "" || d.Level > 1 {
				what += ": " + d.Words() // "3 min" needs no spelling out
			}
		}
		if l.p.Weeks[i].Easy && j == i && !doses[i].IsZero() {
			what += " (easier week)"
		}
		rows = append(rows, [2]string{weeks, what})
		i = j + 1
	}
	l.table(rows)
}

// pictures places an exercise's drawings under its name: the start and
// the end of the movement side by side with an arrow between them, or the
// position held, each in a frame with a numbered label beneath.
func (l *layout) pictures(e plan.Exercise) {
	if e.Picture == nil {
		return
	}
	s := l.s
	lh := s.lineH(s.body)
	gap := s.picGap
	pw, ph, in := s.pictureBox(l.width())
	pics := drawings(e.Picture, pw-2*in, ph-2*in, 0)
	l.ensure(ph + lh + s.para)
	for i, p := range pics {
		x := l.left + float64(i)*(pw+gap)
		l.rect(x, l.y, pw, ph, thin, 0)
		l.add(Item{Kind: Picture, X: x + in, Y: l.y + in, W: pw - 2*in, H: ph - 2*in, Ref: e.ID + " " + p.Name, Shapes: p.Shapes})
		label := "Hold this position"
		if len(e.Picture.Arrows) > 0 {
			label = "Move as the arrow shows"
		}
		switch p.Name {
		case "start":
			label = "1. Start like this"
		case "end":
			label = "2. Move to this"
		}
		l.textCenter(x+pw/2, l.y+ph+0.5, label, true, s.body)
	}
	if len(pics) == 2 {
		aw, ah := gap-4, 8.0
		l.add(Item{Kind: Picture, X: l.left + pw + 2, Y: l.y + (ph-ah)/2, W: aw, H: ah, Ref: "arrow", Shapes: rightArrow(aw, ah)})
	}
	l.y += ph + lh + s.para
}

// pictureBox is the frame of one of an exercise's pictures on a page
// width wide, and the space inside it around the drawing.
func (s style) pictureBox(width float64) (w, h, in float64) {
	return (width - s.picGap) / 2, s.pic, s.pad
}

// warmDrawings makes the drawings of every exercise of p on all CPUs
// before layout, which then finds them made: posing bodies is the slowest
// part of laying out a workbook.
func warmDrawings(p *plan.Plan, s style, width float64) {
	var specs []*figure.Spec
	for _, e := range p.Exercises {
		if e.Picture != nil {
			specs = append(specs, e.Picture)
		}
	}
	pw, ph, in := s.pictureBox(width)
	onCPUs(len(specs), nil, nil, func(_ struct{}, i int) {
		drawings(specs[i], pw-2*in, ph-2*in, 0)
		drawings(specs[i], s.thumbW, s.thumbH, s.thumbLine)
	})
}

// rightArrow is a bold arrow pointing right, filling a w × h box.
func rightArrow(w, h float64) []figure.Shape {
	head := min(w*0.45, h)
	return []figure.Shape{
		{Kind: figure.Path, Points: []figure.Point{{X: 0.6, Y: h / 2}, {X: w - head, Y: h / 2}}, Width: 1.2, Stroke: 0, Fill: figure.NoFill},
		{Kind: figure.Path, Closed: true, Points: []figure.Point{{X: w - head, Y: 0}, {X: w, Y: h / 2}, {X: w - head, Y: h}}, Width: 0, Stroke: 0, Fill: 0},
	}
}

// thumbnail is the small drawing beside an exercise's name in the weekly
// grid, or nil if it has none.
func (l *layout) thumbnail(e plan.Exercise) []figure.Shape {
	if e.Picture == nil {
		return nil
	}
	return drawings(e.Picture, l.s.thumbW, l.s.thumbH, l.s.thumbLine)[0].Shapes
}

// drawingCache keeps drawings between layout passes and documents: posing
// a body costs far more than placing it, and a batch draws the same
// catalogue again and again. Drawings in it are shared and never changed.
var drawingCache sync.Map // drawingKey → []figure.Picture

// specKeys remembers each Spec's Key by its address: a catalogue's specs
// are loaded once and never changed, and making a key costs more than
// finding the drawing.
var specKeys sync.Map // *figure.Spec → string

type drawingKey struct {
	spec       string
	w, h, line float64
}

// drawings returns the pictures of s in a w × h box; with line > 0, only
// the thumbnail, its outline at least line wide.
func drawings(s *figure.Spec, w, h, line float64) []figure.Picture {
	key, ok := specKeys.Load(s)
	if !ok {
		key, _ = specKeys.LoadOrStore(s, s.Key())
	}
	k := drawingKey{key.(string), w, h, line}
	if p, ok := drawingCache.Load(k); ok {
		return p.([]figure.Picture)
	}
	var p []figure.Picture
	if line > 0 {
		p = []figure.Picture{s.Thumbnail(w, h, line)}
	} else {
		p = s.Draw(w, h)
	}
	drawingCache.Store(k, p)
	return p
}
