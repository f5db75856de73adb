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

	// A plan of more than 12 weeks gives each week one line: its number
	// and dates side by side, and the line to write on beside them.
	oneLine := len(l.p.Weeks) > 12
	writeH := s.box + 3 // the pain score's box
	if oneLine {
		writeH = s.box + 1
	}
	weekW := l.measure("Week 52", true, size)
	for _, w := range l.p.Weeks {
		dw := l.measure(shortRange(w.Start, w.End()), false, size)
		if oneLine {
			weekW = max(weekW, l.measure(fmt.Sprintf("Week %d  ", w.Number), true, size)+dw)
		} else {
			weekW = max(weekW, dw)
		}
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
		easier := "What got easier this week?"
		if l.measure(easier, true, size) > restW-2*pad {
			easier = "What got easier?"
		}
		l.text(l.left+weekW+painW+pad, l.y+pad, easier, true, size)
		l.y += headH
	}

	// Each row's height, and its note for the clinician's review.
	weeks := l.p.Weeks
	notes := make([][]string, len(weeks))
	inline := make([]string, len(weeks))
	hs := make([]float64, len(weeks))
	for i, w := range weeks {
		note := ""
		switch {
		case !w.Appointment.IsZero():
			note = "Your appointment: " + w.Appointment.Format("Monday 2 January") + ". Bring this workbook."
		case w.Review:
			note = "Time to see your clinician again. Bring this workbook."
		}
		short := "See your clinician this week."
		if !w.Appointment.IsZero() {
			short = "Appointment " + w.Appointment.Format("Mon 2 Jan") + "."
		}
		if oneLine && note != "" && l.measure(short+" ", true, size)+40 <= restW-2*pad {
			// Short, on the row's line before the space to write.
			inline[i] = short
			note = ""
		}
		if note != "" {
			notes[i] = l.wrap(note, restW-2*pad, true, size)
		}
		hs[i] = float64(2+len(notes[i]))*lh + 2*pad
		if oneLine {
			hs[i] = max(float64(1+len(notes[i]))*lh, float64(len(notes[i]))*lh+writeH) + pad
		}
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
		label := fmt.Sprintf("Week %d", w.Number)
		if oneLine {
			top := l.y + (h-lh)/2
			l.text(l.left+pad, top, label, true, size)
			l.text(l.left+pad+l.measure(label+"  ", true, size), top, shortRange(w.Start, w.End()), false, size)
		} else {
			l.text(l.left+pad, l.y+pad, label, true, size)
			l.text(l.left+pad, l.y+pad+lh, shortRange(w.Start, w.End()), false, size)
		}
		l.rect(l.left+weekW, l.y, painW, h, thin, 0)
		bw := s.box * 2.5
		l.add(Item{Kind: WriteIn, X: l.left + weekW + (painW-bw)/2, Y: l.y + (h-writeH)/2, W: bw, H: writeH, Stroke: boxPen})
		x := l.left + weekW + painW
		l.rect(x, l.y, restW, h, thin, 0)
		for k, t := range notes[i] {
			l.text(x+pad, l.y+pad-pad/2*boolF(oneLine)+float64(k)*lh, t, true, size)
		}
		lx := x + pad
		if inline[i] != "" {
			l.text(lx, l.y+(h-lh)/2, inline[i], true, size)
			lx += l.measure(inline[i]+" ", true, size)
		}
		l.hline(lx, l.y+h-pad-1+pad/2*boolF(oneLine), x+restW-pad-lx, thin)
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
	// Under the progress table when its heading, its line and six lines
	// to write on fit there; otherwise on a page of its own.
	l.onBreak = nil
	if l.room() >= s.lineH(s.h1)+3*s.lineH(s.body)+s.para*4+6*s.rule {
		l.y += s.para * 2
		l.found["notes"] = l.page.Number
		l.mark("Notes", 0)
	} else {
		l.section("notes", "Notes", 0)
	}
	l.heading("Notes", s.h1, 0)
	l.para("For you and your clinician: questions to ask at your next visit, changes to your plan, and how things are going.", false, s.body)
	l.y += s.rule / 2
	for l.y+s.rule <= l.bottom {
		l.y += s.rule
		l.hline(l.left, l.y, l.width(), thin)
	}
}
