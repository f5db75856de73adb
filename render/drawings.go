package render

import (
	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

// An exercise's drawings: the pictures on its page, the week grid's
// thumbnails, and the Renderer's store of drawings made.

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
		l.textCenter(x+pw/2, l.y+ph+0.5, pictureLabel(l.m, e, p.Name), true, s.body)
	}
	if len(pics) == 2 {
		aw, ah := gap-4, 8.0
		l.add(Item{Kind: Picture, X: l.left + pw + 2, Y: l.y + (ph-ah)/2, W: aw, H: ah, Ref: "arrow", Shapes: rightArrow(aw, ah)})
	}
	l.y += ph + lh + s.para
}

// pictureBox is the frame of one of an exercise's pictures on a page
// width wide, and the space inside it around the drawing: as wide as the
// picture column, a little over half as tall.
func (s style) pictureBox(width float64) (w, h, in float64) {
	w = s.pictureCol(width)
	return w, w * s.pic / 80, s.pad
}

// pictureCol is the width of the column of an exercise's pictures.
func (s style) pictureCol(width float64) float64 { return width * s.picCol }

// sidePictures places an exercise's pictures one above the other at the
// right of the page, scale times their usual size, each framed with its
// numbered label beneath, and makes them the column the words beside
// them flow around. The cursor stays where it was.
func (l *layout) sidePictures(e plan.Exercise, scale float64) {
	s := l.s
	lh := s.lineH(s.body)
	pw, ph, in := s.pictureBox(l.width())
	pw, ph = pw*scale, ph*scale
	pics := l.drawings(e.Picture, pw-2*in, ph-2*in, 0)
	x, y := l.right-pw, l.y
	for _, p := range pics {
		l.rect(x, y, pw, ph, thin, 0)
		l.add(Item{Kind: Picture, X: x + in, Y: y + in, W: pw - 2*in, H: ph - 2*in, Ref: e.ID + " " + p.Name, Shapes: p.Shapes})
		label := pictureLabel(l.m, e, p.Name)
		lw := l.measure(label, true, s.body)
		l.text(min(x+(pw-lw)/2, l.right-lw), y+ph+0.5, label, true, s.body) // under the picture, within the margin
		y += ph + lh + 1 + s.para
	}
	left := x - s.picGap/2
	for _, p := range pics { // a label wider than its picture
		left = min(left, l.right-l.measure(pictureLabel(l.m, e, p.Name), true, s.body)-s.picGap/2)
	}
	l.float = floatCol{page: l.page, left: left, bottom: y - s.para}
}

// pictureLabel is the words under one of an exercise's pictures.
func pictureLabel(m *i18n.Lang, e plan.Exercise, name string) string {
	switch name {
	case "start":
		return m.T("pic.start")
	case "end":
		return m.T("pic.end")
	}
	if len(e.Picture.Arrows) > 0 {
		return m.T("pic.arrow")
	}
	return m.T("pic.hold")
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
// grid, w × h mm, or nil if it has none. However small, its outline is
// as bold as the usual thumbnail's.
func (l *layout) thumbnail(e plan.Exercise, w, h float64) []figure.Shape {
	if e.Picture == nil {
		return nil
	}
	return l.drawings(e.Picture, w, h, l.s.thumbLine)[0].Shapes
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
