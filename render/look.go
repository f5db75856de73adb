package render

import "time"

// The look of the week pages, chosen once for the workbook.

// weekLook is how roomy the week pages are. weekLooks lists the looks a
// workbook may take; weekLook chooses one and sets what it shares: the
// orientation, the width of the day columns and the room for notes.
type weekLook struct {
	pad     float64 // inside the grid's name cells, mm; the day cells keep at least minCellPad
	thumb   float64 // the thumbnails' size, as a share of the usual
	intro   bool    // how long a session takes, besides what to tick
	bands   bool    // "Warm-up" and "Exercises" bands across the grid; otherwise warm-ups say so by their names
	refs    bool    // each exercise's page number in its row, on a line of its own if need be
	compact bool    // the rule on moving on in its short form, no line on ticking, the day's heading on one line when it fits
	trims   bool    // a page without room may shorten its words, then leave out its line for notes, then the rule on moving on (see trim)
	trim    int     // on one page: 1 shortens the words above the grid, 2 leaves out the line for notes as well, 3 the rule on moving on too, 4 the easier week's line (its heading says so) and the review in its short form
	note    bool    // the clinician's note whole; otherwise where it is

	dayW     float64 // the width of every day column, mm
	dayNotes bool    // a line of notes for each day; otherwise shared lines
}

// minCellPad is the least space between a tick box or a day's heading
// and its cell's border, mm: a box drawn close to a border reads as part
// of it.
const minCellPad = 1.5

// cellPad is the space inside the day cells.
func (k weekLook) cellPad() float64 { return max(k.pad, minCellPad) }

// weekLooks are the looks of the week pages, roomiest first. Each gives
// up a little of what a patient misses least: the white space inside the
// cells, then the line on how long a session takes (the cover says it
// too), then a little of the thumbnails' size (never all of it: they are
// the memory aid older patients lean on most), the bands, the page
// numbers where a row has no room for them (the contents list every
// exercise), the long form of the rule on moving on, and last, only on
// a page without room for them, the longer words above the grid (see
// weekWords), then the line for notes and the rule itself (the safety
// page states it). The line for notes goes after the words, as it is
// where the patient writes what to tell the clinician.
func (l *layout) weekLooks() []weekLook {
	p := l.s.pad
	return []weekLook{
		{pad: p, thumb: 1, intro: true, bands: true, refs: true},
		{pad: p * 0.6, thumb: 1, intro: true, bands: true, refs: true},
		{pad: p * 0.5, thumb: 1, bands: true, refs: true},
		{pad: p * 0.5, thumb: 0.8, bands: true, refs: true},
		{pad: p * 0.5, thumb: 0.8, refs: true},
		{pad: p * 0.5, thumb: 0.65},
		{pad: p * 0.3, thumb: 0.5, compact: true},
		{pad: p * 0.3, thumb: 0.5, compact: true, trims: true},
	}
}

// maxTrim is the most a page of a look that trims leaves out.
const maxTrim = 4

// trimmed is k leaving out what trim says.
func (k weekLook) trimmed(trim int) weekLook {
	k.trim = trim
	return k
}

// trimFor is look k as page sh lays it out: in a look that trims, the
// least trimmed in which the page fits (the most trimmed when none
// does).
func (l *layout) trimFor(sh sheet, k weekLook) weekLook {
	if !k.trims {
		return k
	}
	for trim := range maxTrim {
		if l.dry(func() { l.weekPage(sh, k.trimmed(trim), false) }) <= l.room()+0.01 {
			return k.trimmed(trim)
		}
	}
	return k.trimmed(maxTrim)
}

// weekLook chooses the look of the week pages: the first of weekLooks,
// with the clinician's note whole and then with where it is, in which
// every sheet fits a page. A look that trims comes only after every
// other. If none does, the tightest, and weeks flow on to a further page.
// (Pages never turn on their side: no plan the limits allow ever chose a
// look on its side; TestWorstWeek.)
func (l *layout) weekLook(sheets []sheet) weekLook {
	notes := []bool{true, false}
	if clean(l.p.Patient.Notes) == "" {
		notes = []bool{false}
	}
	for _, trims := range []bool{false, true} {
		for _, k := range l.weekLooks() {
			if k.trims != trims {
				continue
			}
			for _, note := range notes {
				k.note = note
				if look, ok := l.fitWeekLook(sheets, k); ok {
					return look
				}
			}
		}
	}
	looks := l.weekLooks()
	k := looks[len(looks)-1]
	k.dayW, _ = l.dayWidth(sheets, k)
	return k
}

// fitWeekLook sets k's day columns and notes for sheets, and reports
// whether every sheet fits a page in it. Each day has a line of notes
// when every page has room for them; otherwise each page has shared
// lines, as many as it has room for.
func (l *layout) fitWeekLook(sheets []sheet, k weekLook) (weekLook, bool) {
	s := l.s
	page, y, left, right, top, bottom, footY := l.page, l.y, l.left, l.right, l.top, l.bottom, l.footY
	trial := l.scratchPage()
	l.page = trial
	l.frame()
	room := l.bottom - l.top
	defer func() {
		l.keepScratch(trial)
		l.page, l.y, l.left, l.right, l.top, l.bottom, l.footY = page, y, left, right, top, bottom, footY
	}()
	var ok bool
	if k.dayW, ok = l.dayWidth(sheets, k); !ok {
		return k, false
	}
	step := s.rule + 1
	dayNotes := true
	for _, sh := range sheets {
		h := l.dry(func() { l.weekPage(sh, k, false) })
		if k.trims {
			h = l.dry(func() { l.weekPage(sh, k.trimmed(maxTrim), false) })
		}
		if h > room+0.01 {
			return k, false
		}
		if room-h < s.lineH(s.h3)+s.para*0.6+float64(len(sh.days)-1)*step {
			dayNotes = false
		}
	}
	k.dayNotes = dayNotes
	return k, true
}

// dayWidth chooses the width of the day columns for look k: of the
// widths from the narrowest that holds a day's heading and a box up to
// the widest that leaves the name column room for a thumbnail and its
// words, the one that makes the tallest grid shortest (the widest of
// equals, for room to tick and write). It reports false when no width
// leaves the name column its room.
func (l *layout) dayWidth(sheets []sheet, k weekLook) (float64, bool) {
	s := l.s
	cp := k.cellPad()
	days, most := 1, 1
	for _, sh := range sheets {
		days = max(days, len(sh.days))
		for _, r := range sh.rows {
			for _, d := range r.on {
				most = max(most, d.Boxes())
			}
		}
	}
	minName := max(s.minName, s.thumbW*k.thumb+3*k.pad+s.minText)
	if k.compact {
		minName = max(s.minName*0.75, s.thumbW*k.thumb+3*k.pad+s.minText*0.85)
	}
	head := max(l.measure(l.m.Weekday(time.Wednesday, true), true, s.body), s.box) + 2*cp
	widestRoom := (l.width() - minName) / float64(days)
	if widestRoom < head {
		return 0, false
	}
	long := max(head, l.measure(l.sampleDate("date.short"), false, s.body)+2*cp)
	oneLine := float64(most)*s.box + float64(most-1)*s.gap + 2*cp
	widest := max(head, min(max(oneLine, long, s.maxDay), widestRoom))
	best, bestH := head, -1.0
	for i := 0; i <= 8; i++ {
		k.dayW = head + (widest-head)*float64(i)/8
		h := 0.0
		for _, sh := range sheets {
			g := l.gridGeometry(sh, k)
			gh := 0.0
			for _, r := range sh.rows {
				gh += l.gridRowHeight(r, g)
			}
			h = max(h, gh)
		}
		if bestH < 0 || h <= bestH+0.01 {
			best, bestH = k.dayW, h
		}
	}
	return best, true
}
