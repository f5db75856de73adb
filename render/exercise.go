package render

import (
	"fmt"
	"strconv"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/internal/words"
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
	// The name keeps with what it is and the pictures.
	kind := categoryWords(e.Category)
	keep := 0.0
	if e.Picture != nil {
		_, ph, _ := s.pictureBox(l.width())
		keep += ph + lh + s.para
	}
	beside := l.headingBeside(name, s.h2, kind, false, keep)
	if !beside {
		l.heading(name, s.h2, keep+float64(len(l.wrap(kind, l.width(), false, s.body)))*lh+s.para)
	}
	l.found["ex:"+e.ID] = l.page.Number
	// The outline stays flat: fpdf writes /Count 0 on outline items with
	// children, which strict validators reject.
	l.page.Marks = append(l.page.Marks, Mark{Title: name, Level: 0, Y: l.y - s.lineH(s.h2)})
	l.onBreak = func() { l.heading(name+" (continued)", s.h3, 0) }

	if !beside {
		l.para(kind, false, s.body)
	}
	l.pictures(e)
	if p := clean(e.Purpose); p != "" {
		l.para(p, false, s.body)
	}
	l.labelled("Position", startWords(e))
	l.labelled("You need", needsWords(e))

	l.heading("Steps", s.h3, 3*lh)
	l.list(e.Steps, number)
	if len(e.Cues) > 0 {
		l.heading("For good form", s.h3, 3*lh)
		l.list(e.Cues, bullet)
	}
	if len(e.Cautions) > 0 {
		l.heading("Take care", s.h3, 3*lh)
		l.list(e.Cautions, bullet)
	}
	if e.Easier != "" || e.Harder != "" {
		l.heading("Changing it", s.h3, 3*lh)
		if e.Easier != "" {
			l.labelled("Too hard?", e.Easier)
		}
		if e.Harder != "" {
			l.labelled("Too easy?", e.Harder+" Check with your clinician first.")
		}
	}
	rows := l.doseRows(e)
	head := doseHead
	if len(rows) <= 3 {
		head = [2]string{} // a table this short never splits: the heading says it all
	}
	l.heading("How much to do", s.h3, l.tableStart(head, rows))
	l.tableWithHeader(head, rows)
}

// doseHead is the header of an exercise's table of amounts.
var doseHead = [2]string{"Weeks", "How much to do"}

// doseRows lists each amount of the exercise once, with the weeks it is
// done in that amount, in the order the amounts first come: a year's plan
// gives a few rows, not one for every change. Weeks without the exercise
// are left out; the week pages show them.
func (l *layout) doseRows(e plan.Exercise) [][2]string {
	var order []plan.Dose
	weeks := map[plan.Dose][]int{}
	for i, d := range l.p.DoseByWeek(e.ID) {
		if d.IsZero() {
			continue
		}
		if _, ok := weeks[d]; !ok {
			order = append(order, d)
		}
		weeks[d] = append(weeks[d], i+1)
	}
	if len(order) == 0 {
		return [][2]string{{"Weeks", "Not in this plan's weeks"}}
	}
	var rows [][2]string
	for _, d := range order {
		rows = append(rows, [2]string{weekList(weeks[d]), e.DoseText(d)})
	}
	return rows
}

// weekList names weeks in order, runs joined: "Week 3", "Weeks 1 to 4",
// "Weeks 1, 4 and 7 to 52".
func weekList(ns []int) string {
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(ns[i]))
		case j == i+1:
			parts = append(parts, strconv.Itoa(ns[i]), strconv.Itoa(ns[j]))
		default:
			parts = append(parts, fmt.Sprintf("%d to %d", ns[i], ns[j]))
		}
		i = j + 1
	}
	if len(ns) == 1 {
		return "Week " + parts[0]
	}
	return "Weeks " + words.And(parts)
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
	pics := l.drawings(e.Picture, pw-2*in, ph-2*in, 0)
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

// warmDrawings makes the drawings of every exercise of p on the
// Renderer's workers before layout, which then finds them made: posing
// bodies is the slowest part of laying out a workbook.
func (l *layout) warmDrawings() {
	var specs []*figure.Spec
	for _, e := range l.p.Exercises {
		if e.Picture != nil {
			specs = append(specs, e.Picture)
		}
	}
	keys := make([]string, len(specs))
	for i, sp := range specs {
		keys[i] = l.specKey(sp)
	}
	s := l.s
	pw, ph, in := s.pictureBox(l.width())
	parallel(l.r, len(specs), nil, nil, func(_ struct{}, i int) {
		l.r.drawings(specs[i], keys[i], pw-2*in, ph-2*in, 0)
		l.r.drawings(specs[i], keys[i], s.thumbW, s.thumbH, s.thumbLine)
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
	return l.drawings(e.Picture, l.s.thumbW, l.s.thumbH, l.s.thumbLine)[0].Shapes
}

// drawings returns the pictures of s in a w × h box; with line > 0, only
// the thumbnail, its outline at least line wide.
func (l *layout) drawings(s *figure.Spec, w, h, line float64) []figure.Picture {
	return l.r.drawings(s, l.specKey(s), w, h, line)
}

// specKey is the content key of s. Making one costs more than finding a
// drawing, so a workbook makes each once: its plan does not change while
// it is laid out.
func (l *layout) specKey(s *figure.Spec) string {
	k, ok := l.keys[s]
	if !ok {
		k = s.Key()
		l.keys[s] = k
	}
	return k
}

type drawingKey struct {
	spec       string
	w, h, line float64
}

// drawings returns the pictures of s, whose content key is key, in a
// w × h box; with line > 0, only the thumbnail, its outline at least line
// wide.
func (r *Renderer) drawings(s *figure.Spec, key string, w, h, line float64) []figure.Picture {
	k := drawingKey{key, w, h, line}
	if p, ok := r.pictures.Load(k); ok {
		return p.([]figure.Picture)
	}
	var p []figure.Picture
	if line > 0 {
		p = []figure.Picture{s.Thumbnail(w, h, line)}
	} else {
		p = s.Draw(w, h)
	}
	r.pictures.Store(k, p)
	return p
}
