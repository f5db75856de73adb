package render

import (
	"context"
	"io"

	"github.com/backplan/backplan/plan"
)

// Figures writes a PDF of every exercise's pictures, each under its name
// and id, as a clinic checks the poses of its own catalogue: would a
// patient who only looked at the picture get the position right?
func (r *Renderer) Figures(w io.Writer, exercises []plan.Exercise, o Options) error {
	p := &plan.Plan{Exercises: exercises}
	in := Info{Title: "Exercise pictures", Author: "backplan", Creator: "backplan", Lang: "en",
		Subject: "The pictures of every exercise in a backplan catalogue"}
	d, err := r.lay(context.Background(), p, o, in, (*layout).figures)
	if err != nil {
		return err
	}
	return r.Draw(w, d)
}

// figures lays out the contact sheet: each exercise's name and id, then
// its pictures as on its exercise page, and the week-grid thumbnail.
func (l *layout) figures() {
	s := l.s
	l.section("pictures", "Exercise pictures", 0)
	l.heading("Exercise pictures", s.h1, 0)
	l.para("Each exercise's pictures as they print on its page, with the thumbnail of the weekly grid at the right of its name.", false, s.body)
	for _, e := range l.p.Exercises {
		top := max(s.lineH(s.h3), s.thumbH)
		l.ensure(top + s.para + s.pic + s.lineH(s.body) + s.para)
		l.page.Marks = append(l.page.Marks, Mark{Title: clean(e.Name), Level: 0, Y: l.y})
		l.text(l.left, l.y+top-s.lineH(s.h3), l.truncate(clean(e.Name)+" ("+e.ID+")", l.width()-s.thumbW-s.pad, true, s.h3), true, s.h3)
		if th := l.thumbnail(e, s.thumbW, s.thumbH); th != nil {
			l.add(Item{Kind: Picture, X: l.right - s.thumbW, Y: l.y, W: s.thumbW, H: s.thumbH, Ref: e.ID + " thumbnail", Shapes: th})
		}
		l.y += top + s.para
		if e.Picture == nil {
			l.para("No picture.", false, s.body)
			continue
		}
		l.pictures(e)
	}
}
