package render

import (
	"fmt"
)

// progress is a table with a row a week: the usual pain score, and what
// got easier. A row is two lines of text tall and holds one line to write
// on; the weeks the clinician wants to see the patient say so. Like every
// table, it splits across pages only where each part keeps at least two
// rows, and it repeats its header.
func (l *layout) progress() {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	pad := s.pad
	l.section("progress", "Your progress", 0)
	l.heading("Your progress", s.h1, 0)
	l.para("At the end of each week, write down your usual pain (0 to 10) and what has got easier, such as turning to look behind you, reaching a shelf, or sitting for longer. Bring this workbook to your next visit.", false, size)

	weekW := l.measure("Week 52", true, size)
	for _, w := range l.p.Weeks {
		weekW = max(weekW, l.measure(shortRange(w.Start, w.End()), false, size))
	}
	weekW += 2 * pad
	painW := l.measure("Usual pain", true, size) + 2*pad
	painW = max(painW, s.box*2.5+2*pad)
	restW := l.width() - weekW - painW
	headH := 2*lh + 2*pad
	header := func() {
		l.rect(l.left, l.y, l.width(), headH, thin, fillHeader)
		l.text(l.left+pad, l.y+pad, "Week", true, size)
		l.vline(l.left+weekW, l.y, headH, thin)
		l.text(l.left+weekW+pad, l.y+pad, "Usual pain", true, size)
		l.text(l.left+weekW+pad, l.y+pad+lh, "(0 to 10)", false, size)
		l.vline(l.left+weekW+painW, l.y, headH, thin)
		l.text(l.left+weekW+painW+pad, l.y+pad, "What got easier this week?", true, size)
		l.y += headH
	}

	// Each row's height, and its note for the clinician's review.
	weeks := l.p.Weeks
	notes := make([][]string, len(weeks))
	hs := make([]float64, len(weeks))
	for i, w := range weeks {
		note := ""
		switch {
		case !w.Appointment.IsZero():
			note = "Your appointment: " + w.Appointment.Format("Monday 2 January") + ". Bring this workbook."
		case w.Review:
			note = "Time to see your clinician again. Bring this workbook."
		}
		if note != "" {
			notes[i] = l.wrap(note, restW-2*pad, true, size)
		}
		hs[i] = float64(2+len(notes[i]))*lh + 2*pad
	}

	l.ensure(headH + rowsH(hs, 0, 2))
	header()
	l.onBreak = func() {
		l.heading("Your progress (continued)", s.h3, 0)
		header()
	}
	onPage := 0
	for i, w := range weeks {
		// A part of the table starts with two rows, and the last two
		// rows stay together, so no page holds a single row.
		need := hs[i]
		if onPage == 0 || len(weeks)-i == 2 {
			need = rowsH(hs, i, 2)
		}
		before := l.page
		l.ensure(need)
		if l.page != before {
			onPage = 0
		}
		h := hs[i]
		l.rect(l.left, l.y, weekW, h, thin, fillLabel)
		l.text(l.left+pad, l.y+pad, fmt.Sprintf("Week %d", w.Number), true, size)
		l.text(l.left+pad, l.y+pad+lh, shortRange(w.Start, w.End()), false, size)
		l.rect(l.left+weekW, l.y, painW, h, thin, 0)
		bw := s.box * 2.5
		l.add(Item{Kind: WriteIn, X: l.left + weekW + (painW-bw)/2, Y: l.y + (h-(s.box+3))/2, W: bw, H: s.box + 3, Stroke: boxPen})
		x := l.left + weekW + painW
		l.rect(x, l.y, restW, h, thin, 0)
		for k, t := range notes[i] {
			l.text(x+pad, l.y+pad+float64(k)*lh, t, true, size)
		}
		l.hline(x+pad, l.y+h-pad-1, restW-2*pad, thin)
		l.y += h
		onPage++
	}
	l.onBreak = nil
}

// rowsH is the height of up to n rows from row i.
func rowsH(hs []float64, i, n int) float64 {
	h := 0.0
	for j := i; j < min(i+n, len(hs)); j++ {
		h += hs[j]
	}
	return h
}

func (l *layout) notes() {
	s := l.s
	l.section("notes", "Notes", 0)
	l.heading("Notes", s.h1, 0)
	l.para("For you and your clinician: questions to ask at your next visit, changes to your plan, and how things are going.", false, s.body)
	l.y += s.rule / 2
	for l.y+s.rule <= l.bottom {
		l.y += s.rule
		l.hline(l.left, l.y, l.width(), thin)
	}
}
