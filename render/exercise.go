package render

import (
	"fmt"

	"github.com/backplan/backplan/plan"
)

// An exercise's page. A patient puts one sheet on the fridge, so each
// exercise stands whole on one page: its name, pictures, what it is for,
// the position, the steps, the form cues, the cautions, "changing it"
// and the table of how much to do each week.
//
// The rule: each exercise takes the first of its arrangements
// (arrangements) whose whole height fits, first below the exercise
// before it, then at the top of a fresh page. The roomiest arrangement
// may share a page; the closer ones give the exercise a page of its own,
// which it shares with no other exercise. An exercise that fits no page
// in any arrangement (in large print, 16 pt words that fill a page by
// themselves) takes two pages of its own, split between its parts, with
// its name, pictures and steps on the first (exerciseSplit); one that two
// pages cannot hold is a FitError naming it. Every choice is among a
// fixed list measured once, so layout never retries without end.
//
// Every arrangement uses the page's width: the pictures stand in a
// column at the right with the words flowing beside them, line by line,
// and the form cues and cautions stand in two columns when that is
// shorter.

// arrangement is one way to lay out an exercise.
type arrangement struct {
	own     bool    // only on a page of its own
	pairs   bool    // "Too hard?" and "Too easy?" side by side, not one under the other
	bare    bool    // no heading over "Too hard?" and "Too easy?"
	space   float64 // the space between parts, as a share of the usual
	pic     float64 // the pictures' size, as a share of the usual
	rows    int     // the most rows a column of the dose table holds before it takes another column
	letters bool    // a long dose table in its compact form, a letter under each week
	beside  bool    // a short dose table under the pictures, the words beside both
	// codeByDose puts the QR code of the exercise's video at the right of
	// its dose table rather than under its pictures; only for an exercise
	// with a video, and not with beside.
	codeByDose bool
}

// arrangements are an exercise's arrangements, roomiest first: the dose
// table's rows of weeks in each, then its compact form in each. An
// exercise with a video tries each with its QR code under its pictures,
// then beside its dose table, where a short table leaves room.
func arrangements(e plan.Exercise) []arrangement {
	var out []arrangement
	add := func(a arrangement) {
		out = append(out, a)
		if e.Video != "" && !a.beside {
			a.codeByDose = true
			out = append(out, a)
		}
	}
	for _, letters := range []bool{false, true} {
		add(arrangement{space: 1, pic: 1, rows: 6, letters: letters})
		add(arrangement{own: true, pairs: true, space: 0.6, pic: 1, rows: 4, letters: letters})
		add(arrangement{own: true, pairs: true, bare: true, space: 0.4, pic: 0.8, rows: 3, letters: letters})
		if !letters {
			add(arrangement{own: true, pairs: true, bare: true, space: 0.4, pic: 1, rows: 6, beside: true})
		}
	}
	// The last ways to keep an exercise on one page: smaller pictures,
	// with less space between the parts.
	for _, pic := range []float64{0.65, 0.55} {
		out = append(out, arrangement{own: true, pairs: true, bare: true, space: 0.2, pic: pic, rows: 3})
		out = append(out, arrangement{own: true, pairs: true, bare: true, space: 0.2, pic: pic, rows: 3, letters: true})
	}
	return out
}

// exercises lays out "How to do each exercise", each exercise whole on
// one page.
func (l *layout) exercises() {
	s := l.s
	l.section("exercises", l.m.T("ex.head"), 0)
	l.heading(l.m.T("ex.head"), s.h1, 0)
	l.para(l.m.T("ex.intro"), false, s.body)
	shared, alone := 0, false // exercises on this page; whether the last has it to itself
	for _, e := range l.p.Exercises {
		placed := false
		if !alone {
			placed, alone = l.exerciseHere(e, shared)
		}
		if !placed && l.y > l.top+0.01 {
			l.newPage()
			shared = 0
			placed, alone = l.exerciseHere(e, 0)
		}
		if !placed {
			if !l.exerciseSplit(e) {
				l.fail(l.fitError(e))
				return
			}
			alone = true
		}
		shared++
	}
}

// exerciseSplit lays out an exercise too long for any one page on two
// pages of its own, from the top of the current page, which must be
// fresh: on the first its name, pictures and steps, and as many of its
// other parts as fit there whole; on the second its name again and the
// rest, each page in the roomiest arrangement that fits it. It reports
// false, placing nothing, when no split fits two pages.
func (l *layout) exerciseSplit(e plan.Exercise) bool {
	page := l.bottom - l.top
	if l.y > l.top+0.01 {
		return false
	}
	fits := func(fn func()) bool { return l.dry(fn) <= page+0.01 }
	for at := len(footParts) - 1; at >= 0; at-- {
		first := func(a arrangement) func() {
			return func() { l.exerciseTop(e, a); l.exerciseParts(e, a, footParts[:at]) }
		}
		second := func(a arrangement) func() {
			return func() {
				l.float = floatCol{}
				l.heading(l.m.T("continued", "head", clean(e.Name)), l.s.h3, 0)
				l.exerciseParts(e, a, footParts[at:])
			}
		}
		// The video's code goes under the pictures on the first page,
		// or beside the dose table, wherever that is: once.
		for _, byDose := range []bool{false, true} {
			a, ok1 := firstFit(e, fits, first, byDose)
			b, ok2 := firstFit(e, fits, second, byDose)
			if !ok1 || !ok2 {
				continue
			}
			l.unbroken(first(a))
			l.newPage()
			l.unbroken(second(b))
			l.found["ex:"+e.ID+":end"] = l.page.Number
			return true
		}
	}
	return false
}

// firstFit is the first arrangement in which part fits, of those that
// keep the dose table at the foot and put the video's code by the dose
// table or not, as byDose says.
func firstFit(e plan.Exercise, fits func(func()) bool, part func(arrangement) func(), byDose bool) (arrangement, bool) {
	for _, a := range arrangements(e) {
		if !a.beside && a.codeByDose == byDose && fits(part(a)) {
			return a, true
		}
	}
	return arrangement{}, false
}

// exerciseHere places e below the cursor, after shared exercises on the
// page, in the first arrangement that fits there, and reports whether
// one did, and whether in an arrangement of its own page. Those are
// tried only when no other exercise is on the page.
func (l *layout) exerciseHere(e plan.Exercise, shared int) (placed, own bool) {
	s := l.s
	sep := 0.0
	if shared > 0 {
		sep = s.para * 2 // a rule between exercises
	}
	for _, a := range arrangements(e) {
		if a.own && shared > 0 {
			continue
		}
		if sep+l.dry(func() { l.exercise(e, a) }) > l.room()+0.01 {
			continue
		}
		if shared > 0 {
			l.hline(l.left, l.y, l.width(), normal)
			l.y += sep
		}
		l.unbroken(func() { l.exercise(e, a) })
		l.found["ex:"+e.ID+":end"] = l.page.Number
		return true, a.own
	}
	return false, false
}

// unbroken runs fn, which has been measured to fit below the cursor,
// with no page breaks: a heading that keeps more with it than follows
// must not break the page at its foot.
func (l *layout) unbroken(fn func()) {
	bottom, onBreak := l.bottom, l.onBreak
	l.bottom, l.onBreak = 1e9, nil
	fn()
	l.bottom, l.onBreak = bottom, onBreak
}

// exercise lays out one exercise in arrangement a.
func (l *layout) exercise(e plan.Exercise, a arrangement) {
	l.exerciseTop(e, a)
	l.exerciseFoot(e, a)
}

// exerciseTop lays out the first part of an exercise: its name, its
// pictures, and beside them what it is for, the position and the steps.
func (l *layout) exerciseTop(e plan.Exercise, a arrangement) {
	s := l.s
	para := s.para
	l.s.para *= a.space
	defer func() { l.s.para = para }()
	l.exHeading(e)
	l.float, l.doseDone = floatCol{}, false
	if e.Picture != nil {
		l.sidePictures(e, a.pic)
	}
	if !a.codeByDose {
		l.videoCode(e)
	}
	if a.beside && l.float.page != nil && l.doseBeside(e, l.right-l.float.left-s.picGap/2) {
		l.doseUnderPictures(e, a)
	}
	if p := clean(e.Purpose); p != "" {
		l.para(p, false, s.body)
	}
	l.runIn(l.m.T("ex.position"), startWords(l.m, e))
	l.runIn(l.m.T("ex.needs"), needsWords(l.m, e))
	l.heading(l.m.T("ex.steps"), s.h3, 0)
	l.list(e.Steps, number)
}

// exerciseFoot lays out the rest of an exercise, beside its pictures
// while they last: the form cues, the cautions, changing it, and the
// table of how much to do.
func (l *layout) exerciseFoot(e plan.Exercise, a arrangement) {
	l.exerciseParts(e, a, footParts)
}

// A part of an exercise after its steps.
type footPart int

const (
	cuesPart footPart = iota
	changingPart
	dosePart
)

// footParts are an exercise's parts after its steps, in order.
var footParts = []footPart{cuesPart, changingPart, dosePart}

// exerciseParts lays out parts of an exercise after its steps.
func (l *layout) exerciseParts(e plan.Exercise, a arrangement, parts []footPart) {
	para := l.s.para
	l.s.para *= a.space
	defer func() { l.s.para = para }()
	for _, p := range parts {
		switch p {
		case cuesPart:
			l.cuesAndCautions(e)
		case changingPart:
			l.changing(e, a)
		case dosePart:
			l.y = max(l.y, l.float.bottom+l.s.para)
			l.float = floatCol{}
			switch {
			case l.doseDone:
			case a.codeByDose:
				l.doseWithCode(e, a)
			default:
				l.doseSection(e, a)
			}
		}
	}
}

// doseUnderPictures places e's dose section in the column of its
// pictures, under them, and lengthens the column to hold it.
func (l *layout) doseUnderPictures(e plan.Exercise, a arrangement) {
	s := l.s
	y, left := l.y, l.left
	l.y, l.left = l.float.bottom+s.para, l.float.left+s.picGap/2
	l.doseSection(e, a)
	l.float.bottom = l.y - s.para
	l.y, l.left = y, left
	l.doseDone = true
}

// exHeading places the exercise's name, with its kind at the right when
// both fit on a line, and bookmarks it.
func (l *layout) exHeading(e plan.Exercise) {
	s := l.s
	name := clean(e.Name)
	kind := categoryWords(l.m, e.Category)
	beside := l.headingBeside(name, s.h2, kind, false, 0)
	if !beside {
		l.heading(name, s.h2, 0)
	}
	l.found["ex:"+e.ID] = l.page.Number
	// The outline stays flat: fpdf writes /Count 0 on outline items with
	// children, which strict validators reject.
	l.page.Marks = append(l.page.Marks, Mark{Title: name, Level: 0, Y: l.y - s.lineH(s.h2)})
	if !beside {
		l.para(kind, false, s.body)
	}
}

// cuesAndCautions places the form cues and the cautions: one after the
// other, flowing beside the pictures, or in two columns below them,
// whichever ends higher on the page.
func (l *layout) cuesAndCautions(e plan.Exercise) {
	s := l.s
	cues := func() {
		if len(e.Cues) > 0 {
			l.heading(l.m.T("ex.cues"), s.h3, 0)
			l.list(e.Cues, bullet)
		}
	}
	cautions := func() {
		if len(e.Cautions) > 0 {
			l.heading(l.m.T("ex.cautions"), s.h3, 0)
			l.list(e.Cautions, bullet)
		}
	}
	stacked := func() { cues(); cautions() }
	if len(e.Cues) == 0 || len(e.Cautions) == 0 {
		stacked()
		return
	}
	top := l.y
	below := max(top, l.float.bottom+s.para)
	side := func() { l.y = below; l.columns(cues, cautions) }
	if top+l.dry(stacked) <= top+l.dry(side)+0.01 {
		stacked()
		return
	}
	side()
}

// changing places how to make the exercise easier and harder: as
// labelled rows, or (pairs) side by side below the pictures, each under
// its label.
func (l *layout) changing(e plan.Exercise, a arrangement) {
	s, m := l.s, l.m
	if e.Easier == "" && e.Harder == "" {
		return
	}
	harder := ""
	if e.Harder != "" {
		harder = m.T("ex.harder.check", "harder", e.Harder)
	}
	if !a.pairs || e.Easier == "" || e.Harder == "" {
		l.heading(m.T("ex.changing"), s.h3, 0)
		if e.Easier != "" {
			l.runIn(m.T("ex.easier"), e.Easier)
		}
		if harder != "" {
			l.runIn(m.T("ex.harder"), harder)
		}
		return
	}
	l.y = max(l.y, l.float.bottom+s.para)
	if !a.bare {
		l.heading(m.T("ex.changing"), s.h3, 0)
	}
	l.columns(func() { l.runIn(m.T("ex.easier"), e.Easier) }, func() { l.runIn(m.T("ex.harder"), harder) })
}

// columns lays out a and b in two columns, a at the left, from the
// cursor, and moves the cursor below the taller.
func (l *layout) columns(a, b func()) {
	left, right := l.left, l.right
	mid := (left + right) / 2
	gap := l.s.indent / 2
	top := l.y
	l.left, l.right = left, mid-gap
	a()
	foot := l.y
	l.y = top
	l.left, l.right = mid+gap, right
	b()
	l.left, l.right = left, right
	l.y = max(foot, l.y)
}

// FitError is a part of a plan too big for a page of the workbook, such
// as an exercise whose words and dose table cannot stand together on
// one page: the text must be shortened.
type FitError struct {
	Field string // the part, as TextError names it: `exercise "band-row"`
	What  string // what is too big, and how to make it fit
}

func (e *FitError) Error() string { return e.Field + ": " + e.What }

// fitError says which of e's parts takes most of the page it cannot fit.
func (l *layout) fitError(e plan.Exercise) error {
	s := l.s
	all := arrangements(plan.Exercise{})
	tightest := all[len(all)-1]
	l.float = floatCol{}
	parts := []struct {
		name string
		h    float64
	}{
		{"name", l.dry(func() { l.heading(clean(e.Name), s.h2, 0) })},
		{"steps", l.dry(func() { l.list(e.Steps, number) })},
		{"form cues", l.dry(func() { l.list(e.Cues, bullet) })},
		{"cautions", l.dry(func() { l.list(e.Cautions, bullet) })},
		{"purpose", l.dry(func() { l.para(e.Purpose, false, s.body) })},
		{"easier and harder ways", l.dry(func() { l.changing(e, tightest) })},
		{"dose table", l.dry(func() { l.doseSection(e, tightest) })},
	}
	most := parts[0]
	for _, p := range parts[1:] {
		if p.h > most.h {
			most = p
		}
	}
	size := "normal print"
	if l.o.LargePrint {
		size = "large print"
	}
	return &FitError{
		Field: fmt.Sprintf("exercise %q", safeID(e.ID)),
		What:  fmt.Sprintf("too long to print on two %s pages in %s; shorten its %s, the longest part", l.o.Paper, size, most.name),
	}
}
