package render

import (
	"github.com/backplan/backplan/plan"
)

// progress is a table with a row a week: the usual pain score, and what
// got easier. A row is two lines of text tall and holds one line to write
// on; the weeks the clinician wants to see the patient say so. Like every
// table, it splits across pages only where each part keeps at least two
// rows, and it repeats its header. A table longer than a page stands in
// two halves side by side, when each half still leaves a line worth
// writing on, so a year's plan takes two pages with its notes, not three.
func (l *layout) progress() {
	s := l.s
	size := s.body
	head, intro := l.m.T("progress.head"), l.m.T("progress.intro")
	t := l.progressTable(l.width(), false)
	// Under the last exercise when the heading, the words, the header
	// and the first two rows fit there; otherwise on a new page.
	l.onBreak = nil
	start := s.para*2 + s.lineH(s.h1) + s.para + float64(len(l.wrap(intro, l.width(), false, size)))*s.lineH(size) + s.para + t.headH + rowsH(t.hs, 0, firstPart(len(t.hs)))
	if l.y > l.top && l.room() >= start {
		l.hline(l.left, l.y, l.width(), normal)
		l.y += s.para * 2
		l.found["progress"] = l.page.Number
		l.mark(head, 0)
	} else {
		l.section("progress", head, 0)
	}
	l.heading(head, s.h1, 0)
	l.para(intro, false, size)

	if t.oneLine {
		// Full width, the table would not fit on the rest of this page
		// and one more: try it in halves.
		full := rowsH(t.hs, 0, len(t.hs))
		pageH := l.bottom - l.top - s.lineH(s.h3) - s.para - t.headH
		if full > l.room()-t.headH+pageH {
			gap := 3 * s.pad
			if h := l.progressTable((l.width()-gap)/2, true); h.restW >= progressLine {
				h.gap = gap
				t = h
			}
		}
	}
	if t.half {
		l.progressHalves(t)
	} else {
		l.progressRows(t)
	}
	l.onBreak = nil
}

// progressLine is the least width, mm, of a progress row's line to
// write on.
const progressLine = 40.0

// painScale is the pain score's range in a half's one-line header.
const painScale = "0–10"

// progressTab is the progress table's measures at one width: the
// columns, and each week's row height and note.
type progressTab struct {
	colW, gap, weekW, painW, restW float64
	headH, writeH                  float64
	oneLine, half, dates           bool
	hs                             []float64
	notes                          [][]string
	inline                         []string
}

// progressTable measures the progress table for columns colW wide. A
// plan of more than 12 weeks gives each week one line: its number and
// dates side by side, and the line to write on beside them. In halves
// (half), the dates go when they would leave less than progressLine to
// write on, and the notes are short.
func (l *layout) progressTable(colW float64, half bool) progressTab {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	pad := s.pad
	t := progressTab{colW: colW, half: half, dates: true}
	t.oneLine = len(l.p.Weeks) > 12
	t.writeH = s.box + 3 // the pain score's box
	if t.oneLine {
		t.writeH = s.box + 1
	}
	t.painW = max(l.measure(l.m.T("progress.usual"), true, size), l.measure(l.m.T("progress.scale"), false, size)) + 2*pad
	if half {
		t.painW = l.measure(l.m.T("progress.pain")+" ", true, size) + l.measure(painScale, false, size) + 2*pad
	}
	t.painW = max(t.painW, s.box*2.5+2*pad)
	weekW := func(dates bool) float64 {
		w := max(l.measure(l.m.T("progress.week.n", "n", 52), true, size), l.measure(l.m.T("progress.week"), true, size))
		for _, wk := range l.p.Weeks {
			dw := l.measure(shortRange(l.m, wk.Start, wk.End()), false, size)
			switch {
			case t.oneLine && dates:
				w = max(w, l.measure(l.m.T("progress.week.n", "n", wk.Number)+"  ", true, size)+dw)
			case !t.oneLine:
				w = max(w, dw)
			}
		}
		return w + 2*pad
	}
	t.weekW = weekW(true)
	if half && colW-t.weekW-t.painW < progressLine {
		t.dates = false
		t.weekW = weekW(false)
	}
	t.restW = colW - t.weekW - t.painW
	t.headH = 2*lh + 2*pad
	if half {
		t.headH = lh + 2*pad // "Pain 0–10" on one line
		if t.restW < progressLine {
			return t // too narrow: not used, so nothing to wrap
		}
	}

	l.progressRowsOf(&t)
	return t
}

// progressRowsOf measures each row of t: its height, and its note for
// the clinician's review, wrapped or inline.
func (l *layout) progressRowsOf(t *progressTab) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	pad := s.pad
	weeks := l.p.Weeks
	t.notes = make([][]string, len(weeks))
	t.inline = make([]string, len(weeks))
	t.hs = make([]float64, len(weeks))
	for i, w := range weeks {
		note, short := l.progressNote(w, t.half, t.restW-2*pad)
		if t.oneLine && note != "" && l.measure(short+" ", true, size)+40 <= t.restW-2*pad {
			// Short, on the row's line before the space to write.
			t.inline[i] = short
			note = ""
		}
		if note != "" {
			t.notes[i] = l.wrap(note, t.restW-2*pad, true, size)
		}
		t.hs[i] = float64(2+len(t.notes[i]))*lh + 2*pad
		if t.oneLine {
			t.hs[i] = max(float64(1+len(t.notes[i]))*lh, float64(len(t.notes[i]))*lh+t.writeH) + pad
		}
	}
}

// progressNote is week w's note for the clinician's review in its row,
// empty when it has none, and its short form. In a half, the note is the
// shortest words that fit on one line w wide.
func (l *layout) progressNote(w plan.Week, half bool, width float64) (note, short string) {
	m := l.m
	switch {
	case !w.Appointment.IsZero():
		note = m.T("progress.appointment", "date", m.Date("date.long-noyear", w.Appointment.Time()))
	case w.Review:
		note = m.T("progress.review")
	}
	short = m.T("progress.see")
	if !w.Appointment.IsZero() {
		short = m.T("progress.appointment.short", "date", m.Date("date.wd-short", w.Appointment.Time()))
	}
	if half && note != "" {
		note = short
		shorter := m.T("progress.see.short")
		if !w.Appointment.IsZero() {
			shorter = m.T("progress.visit", "date", m.Date("date.wd-short", w.Appointment.Time()))
		}
		if l.measure(short, true, l.s.body) > width {
			note = shorter
		}
	}
	return note, short
}

// progressHeader draws the header of one column of the table at x.
func (l *layout) progressHeader(t progressTab, x float64) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	pad := s.pad
	l.rect(x, l.y, t.colW, t.headH, thin, fillHeader)
	m := l.m
	l.text(x+pad, l.y+pad, m.T("progress.week"), true, size)
	l.vline(x+t.weekW, l.y, t.headH, thin)
	switch {
	case t.half:
		l.text(x+t.weekW+pad, l.y+pad, m.T("progress.pain"), true, size)
		l.text(x+t.weekW+pad+l.measure(m.T("progress.pain")+" ", true, size), l.y+pad, painScale, false, size)
	default:
		l.text(x+t.weekW+pad, l.y+pad, m.T("progress.usual"), true, size)
		l.text(x+t.weekW+pad, l.y+pad+lh, m.T("progress.scale"), false, size)
	}
	l.vline(x+t.weekW+t.painW, l.y, t.headH, thin)
	easier := m.T("progress.easier")
	if l.measure(easier, true, size) > t.restW-2*pad {
		easier = m.T("progress.easier.short")
	}
	if l.measure(easier, true, size) > t.restW-2*pad {
		easier = m.T("progress.easier.shortest")
	}
	l.text(x+t.weekW+t.painW+pad, l.y+pad, easier, true, size)
}

// progressRow draws week i's row at x, at the top of the column.
func (l *layout) progressRow(t progressTab, i int, x float64) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	pad := s.pad
	w := l.p.Weeks[i]
	h := t.hs[i]
	l.rect(x, l.y, t.weekW, h, thin, fillLabel)
	label := l.m.T("progress.week.n", "n", w.Number)
	switch {
	case t.oneLine:
		top := l.y + (h-lh)/2
		l.text(x+pad, top, label, true, size)
		if t.dates {
			l.text(x+pad+l.measure(label+"  ", true, size), top, shortRange(l.m, w.Start, w.End()), false, size)
		}
	default:
		l.text(x+pad, l.y+pad, label, true, size)
		l.text(x+pad, l.y+pad+lh, shortRange(l.m, w.Start, w.End()), false, size)
	}
	l.rect(x+t.weekW, l.y, t.painW, h, thin, 0)
	bw := s.box * 2.5
	l.add(Item{Kind: WriteIn, X: x + t.weekW + (t.painW-bw)/2, Y: l.y + (h-t.writeH)/2, W: bw, H: t.writeH, Stroke: boxPen})
	rx := x + t.weekW + t.painW
	l.rect(rx, l.y, t.restW, h, thin, 0)
	for k, n := range t.notes[i] {
		l.text(rx+pad, l.y+pad-pad/2*boolF(t.oneLine)+float64(k)*lh, n, true, size)
	}
	lx := rx + pad
	if t.inline[i] != "" {
		l.text(lx, l.y+(h-lh)/2, t.inline[i], true, size)
		lx += l.measure(t.inline[i]+" ", true, size)
	}
	l.hline(lx, l.y+h-pad-1+pad/2*boolF(t.oneLine), rx+t.restW-pad-lx, thin)
}

// progressRows flows the table at full width, a row under the other.
func (l *layout) progressRows(t progressTab) {
	s := l.s
	weeks := l.p.Weeks
	header := func() {
		l.progressHeader(t, l.left)
		l.y += t.headH
	}
	l.ensure(t.headH + rowsH(t.hs, 0, firstPart(len(weeks))))
	header()
	l.onBreak = func() {
		l.heading(l.m.T("continued", "head", l.m.T("progress.head")), s.h3, 0)
		header()
	}
	onPage := 0
	for i := range weeks {
		// A part of the table starts with two rows (three when only
		// three are left), and the last two rows stay together, so no
		// page holds a single row.
		need := t.hs[i]
		switch {
		case onPage == 0:
			need = rowsH(t.hs, i, firstPart(len(weeks)-i))
		case len(weeks)-i == 2:
			need = rowsH(t.hs, i, 2)
		}
		before := l.page
		l.ensure(need)
		if l.page != before {
			onPage = 0
		}
		l.progressRow(t, i, l.left)
		l.y += t.hs[i]
		onPage++
	}
}

// progressHalves flows the table in two columns side by side: on each
// page the left column takes the weeks that fit, the right the next
// ones; the last page shares what is left between them. Every column
// holds at least two rows.
func (l *layout) progressHalves(t progressTab) {
	s := l.s
	n := len(t.hs)
	xs := [2]float64{l.left, l.left + t.colW + t.gap}
	header := func() {
		l.progressHeader(t, xs[0])
		l.progressHeader(t, xs[1])
		l.y += t.headH
	}
	l.ensure(t.headH + rowsH(t.hs, 0, 2))
	header()
	l.onBreak = func() {
		l.heading(l.m.T("continued", "head", l.m.T("progress.head")), s.h3, 0)
		header()
	}
	// fit is how many rows from i fit in room.
	fit := func(i int, room float64) int {
		k := 0
		for ; i+k < n && t.hs[i+k] <= room+0.01; k++ {
			room -= t.hs[i+k]
		}
		return k
	}
	for i := 0; i < n; {
		room := l.room()
		a := fit(i, room)
		b := fit(i+a, room)
		if rest := n - i; a+b >= rest {
			// The rest fits here: half each, the left a row more.
			a = (rest + 1) / 2
			if rest < 4 || rowsH(t.hs, i, a) > room+0.01 || rowsH(t.hs, i+a, rest-a) > room+0.01 {
				a = min(fit(i, room), rest)
			}
			b = rest - a
		} else if n-i-a-b == 1 {
			b-- // leave two rows for the next page
		}
		if b == 1 {
			b = 0
		}
		if a == 0 {
			a = min(2, n-i) // a page too short for two rows: never stall
		}
		top := l.y
		bottom := top
		for c, k := range [2]int{a, b} {
			l.y = top
			for j := i; j < i+k; j++ {
				l.progressRow(t, j, xs[c])
				l.y += t.hs[j]
			}
			bottom = max(bottom, l.y)
			if k > 0 {
				l.doc.tableParts = append(l.doc.tableParts, k)
			}
			i += k
		}
		l.y = bottom
		if i < n {
			l.breakPage()
		}
	}
}

// firstPart is how many rows of n a part of a table must start with:
// two, or all three of three, so that no part holds a single row.
func firstPart(n int) int {
	if n == 3 {
		return 3
	}
	return min(n, 2)
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
		l.mark(l.m.T("notes.head"), 0)
	} else {
		l.section("notes", l.m.T("notes.head"), 0)
	}
	l.heading(l.m.T("notes.head"), s.h1, 0)
	l.para(l.m.T("notes.intro"), false, s.body)
	l.y += s.rule / 2
	for l.y+s.rule <= l.bottom {
		l.y += s.rule
		l.hline(l.left, l.y, l.width(), thin)
	}
}
