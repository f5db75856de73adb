package render

import (
	"slices"

	"github.com/backplan/backplan/plan"
)

// The tick grid of a week: a row for each exercise, a column for each
// training day, a box for each set, and two rows to write the pain score
// in before and after each session. Every box keeps at least minCellPad
// from its cell's borders.

// gridShape is the geometry of one week's grid.
type gridShape struct {
	x0, nameW, dayW float64
	pad             float64 // inside the name cells
	cellPad         float64 // inside the day cells
	thumbW, thumbH  float64
	spare           bool    // a spare page: no amounts, no dates
	shortDates      bool    // day headers give the day of the month only ("30", not "30 Nov")
	bands           bool    // bands name the warm-up and the exercises
	refs            bool    // page numbers may take a line of their own
	oneLineHead     bool    // day headers on one line: "Mon 21"
	gap             float64 // between tick boxes
	lh              float64 // the line pitch of the name cells
	writeH          float64 // the height of a pain score's box
}

func (g gridShape) colX(i int) float64 { return g.x0 + g.nameW + g.dayW*float64(i) }

// gridGeometry is the grid of sheet sh in look k: the look's day
// columns, and the name column the rest of the width.
func (l *layout) gridGeometry(sh sheet, k weekLook) gridShape {
	s := l.s
	g := gridShape{
		x0: l.left, dayW: k.dayW, pad: k.pad, cellPad: k.cellPad(), spare: sh.week == nil,
		thumbW: s.thumbW * k.thumb, thumbH: s.thumbH * k.thumb,
		bands: k.bands, refs: k.refs, gap: s.gap, lh: s.lineH(s.body), writeH: s.box + 3,
	}
	if k.compact {
		// Two boxes to a line in a narrow day column rather than one:
		// a little less space between them, and names that may wrap more,
		// their lines closer together; the pain score boxes a little
		// lower, still taller than a tick box.
		g.gap = s.gap * 0.5
		g.lh, g.writeH = s.body*1.1*mmPerPt, s.box+1
		g.oneLineHead = l.measure(l.sampleDate("date.wd-day"), true, s.body)+2*g.cellPad <= g.dayW
	}
	g.shortDates = l.measure(l.sampleDate("date.short"), false, s.body)+2*g.cellPad > g.dayW
	g.nameW = l.width() - g.dayW*float64(len(sh.days))
	return g
}

// grid lays out the tick grid of one sheet.
func (l *layout) grid(sh sheet, g gridShape) {
	s := l.s
	lh := s.lineH(s.body)
	headH := 2*lh + 2*g.cellPad
	if g.oneLineHead {
		headH = lh + 2*g.cellPad
	}
	header := func() {
		l.gridHeader(sh, g, headH)
		l.y += headH
	}
	bandH := lh + g.pad
	band := func(label string) {
		l.rect(g.x0, l.y, l.width(), bandH, thin, fillLabel)
		l.text(g.x0+g.pad, l.y+g.pad/2, label, true, s.body)
		l.y += bandH
	}

	// Keep the header with the first rows.
	l.ensure(headH + 3*(lh+g.pad) + 2*lh)
	header()
	prevBreak := l.onBreak
	l.onBreak = func() {
		if prevBreak != nil {
			prevBreak()
		}
		header()
	}
	warm := -1
	for i, r := range sh.rows {
		if g.bands && (r.e.Category.Warmup() != (warm == 1) || i == 0) {
			label := l.m.T("grid.exercises")
			if r.e.Category.Warmup() {
				label = l.m.T("grid.warmup.band")
			}
			warm = boolRank(r.e.Category.Warmup())
			l.ensure(bandH + l.gridRowHeight(r, g))
			band(label)
		}
		l.gridRow(r, g)
	}
	l.painRows(len(sh.days), g)
	l.onBreak = prevBreak
	l.y += s.para
}

// gridHeader draws the grid's header row: the day of each column, and
// its date, or on a spare page a line to write the date on.
func (l *layout) gridHeader(sh sheet, g gridShape, headH float64) {
	size := l.s.body
	lh := l.s.lineH(size)
	l.rect(g.x0, l.y, l.width(), headH, thin, fillHeader)
	label := l.m.T("grid.head")
	if g.spare || l.measure(label, true, size) > g.nameW-2*g.pad {
		label = l.m.T("grid.head.short")
	}
	l.text(g.x0+g.pad, l.y+g.cellPad, label, true, size)
	for i, d := range sh.days {
		cx := g.colX(i) + g.dayW/2
		top := l.y + g.cellPad
		l.vline(g.colX(i), l.y, headH, thin)
		switch {
		case g.oneLineHead:
			l.textCenter(cx, top, d.oneLineDay, true, size)
		case g.spare:
			l.textCenter(cx, top, d.name, true, size)
			l.hline(g.colX(i)+g.cellPad, top+2*lh-1, g.dayW-2*g.cellPad, thin) // the date, by hand
		default:
			l.textCenter(cx, top, d.name, true, size)
			date := d.date
			if g.shortDates {
				date = d.day
			}
			l.textCenter(cx, top+lh, date, false, size)
		}
	}
}

// painRows are the two rows for the pain score before and after each
// session, kept together on one page so the two can be compared.
func (l *layout) painRows(days int, g gridShape) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	labels := []string{l.m.T("grid.pain.before"), l.m.T("grid.pain.after")}
	if max(l.measure(labels[0], true, size), l.measure(labels[1], true, size)) > g.nameW-2*g.pad {
		labels = []string{l.m.T("grid.pain.before.short"), l.m.T("grid.pain.after.short")} // the scale is in the line above the grid
	}
	bh := g.writeH
	height := func(label string) float64 {
		return max(float64(len(l.wrap(label, g.nameW-2*g.pad, true, size)))*lh+2*g.pad, bh+2*g.cellPad)
	}
	l.ensure(height(labels[0]) + height(labels[1]))
	for _, label := range labels {
		h := height(label)
		l.rect(g.x0, l.y, g.nameW, h, thin, fillLabel)
		for j, t := range l.wrap(label, g.nameW-2*g.pad, true, size) {
			l.text(g.x0+g.pad, l.y+g.pad+float64(j)*lh, t, true, size)
		}
		for i := range days {
			l.rect(g.colX(i), l.y, g.dayW, h, thin, 0)
			bw := min(g.dayW-2*g.cellPad, 16)
			l.add(Item{Kind: WriteIn, X: g.colX(i) + (g.dayW-bw)/2, Y: l.y + (h-bh)/2, W: bw, H: bh, Stroke: boxPen})
		}
		l.y += h
	}
}

// cellLine is a line of an exercise's name cell.
type cellLine struct {
	t     string
	bold  bool
	after string // the amount, after the name on the same line when both fit
	right string // the exercise's page, at the right of the cell
}

// nameCell is the lines of a row's name cell: the name, the amount (not
// on a spare page) and the page that shows how. Lines beside the
// thumbnail are narrower; those below it take the cell's width.
//
// A week's grid asks for each row's cell at every column width it tries,
// on every week page alike, so each is worked out once for the document
// (textCache), and the words it had to break are noted at every use.
func (l *layout) nameCell(r row, g gridShape) []cellLine {
	if l.texts == nil {
		return l.nameCellLines(r, g)
	}
	k := cellKey{r.e.ID, r.dose, l.ref("ex:" + r.e.ID), g}
	if c, ok := l.texts.cells[k]; ok {
		l.doc.splitWords = append(l.doc.splitWords, c.split...)
		return c.lines
	}
	split := len(l.doc.splitWords)
	lines := slices.Clip(l.nameCellLines(r, g))
	l.texts.cells[k] = cellWords{lines, slices.Clone(l.doc.splitWords[split:])}
	return lines
}

// cellKey is what decides a name cell's lines in one document: the
// exercise, its amount, the page it points to and the grid's shape.
type cellKey struct {
	exercise string
	dose     plan.Dose
	ref      int
	g        gridShape
}

type cellWords struct {
	lines []cellLine
	split []string
}

// nameCellLines is nameCell's work, uncached.
func (l *layout) nameCellLines(r row, g gridShape) []cellLine {
	size := l.s.body
	width := func(i int) float64 { return l.nameTextW(g, i) }
	var lines []cellLine
	add := func(t string, bold bool) {
		at := len(lines)
		for _, s := range l.wrapEach(t, func(i int) float64 { return width(at + i) }, bold, size) {
			lines = append(lines, cellLine{t: s, bold: bold})
		}
	}
	name := clean(r.e.Name)
	if !g.bands && r.e.Category.Warmup() {
		name = l.m.T("grid.warmup.name", "name", name)
	}
	dose := ""
	if !g.spare {
		dose = l.doseText(r.e, r.dose)
	}
	ref := ""
	if pg := l.ref("ex:" + r.e.ID); pg > 0 {
		ref = l.m.N("page", pg) // the page that shows how to do it
	}
	sp := l.measure("  ", false, size)
	refW := 0.0
	if ref != "" {
		refW = l.measure(ref, false, size) + 3
	}
	// Name and amount on one line when they fit.
	if l.measure(name, true, size)+sp+l.measure(dose, false, size)+refW <= width(0) {
		return []cellLine{{t: name, bold: true, after: dose, right: ref}}
	}
	add(name, true)
	if dose != "" {
		add(dose, false)
	}
	if ref != "" {
		// Beside the last line when it fits.
		last := &lines[len(lines)-1]
		if l.measure(last.t, last.bold, size)+refW <= width(len(lines)-1) {
			last.right = ref
		} else if g.refs {
			lines = append(lines, cellLine{right: ref})
		}
	}
	return lines
}

// nameTextW is the width of line i of a name cell: beside the thumbnail
// while the line starts level with it, then the cell's whole width.
func (l *layout) nameTextW(g gridShape, i int) float64 {
	if float64(i)*g.lh < g.thumbH-0.01 {
		return g.nameW - 3*g.pad - g.thumbW
	}
	return g.nameW - 2*g.pad
}

// nameX is where line i of a name cell starts.
func (g gridShape) nameX(i int) float64 {
	if float64(i)*g.lh < g.thumbH-0.01 {
		return g.x0 + 2*g.pad + g.thumbW
	}
	return g.x0 + g.pad
}

// boxLines is how many boxes a line of a day's cell holds, and how many
// lines n boxes take.
func (l *layout) boxLines(n int, g gridShape) (perLine, lines int) {
	perLine = max(1, int((g.dayW-2*g.cellPad+g.gap)/(l.s.box+g.gap)))
	return perLine, (n + perLine - 1) / perLine
}

// gridRowHeight is the height of a row: its tallest cell.
func (l *layout) gridRowHeight(r row, g gridShape) float64 {
	s := l.s
	boxH := s.box
	for _, d := range r.on {
		if n := d.Boxes(); n > 0 {
			_, nl := l.boxLines(n, g)
			boxH = max(boxH, float64(nl)*s.box+float64(nl-1)*g.gap)
		}
	}
	h := max(float64(len(l.nameCell(r, g)))*g.lh+2*g.pad, boxH+2*g.cellPad)
	if r.e.Picture != nil {
		h = max(h, g.thumbH+2*g.pad)
	}
	return h
}

// gridRow places one exercise row: its thumbnail and words as one
// block, centred in the row's height, then its day cells.
func (l *layout) gridRow(r row, g gridShape) {
	size := l.s.body
	h := l.gridRowHeight(r, g)
	l.ensure(h)
	l.rect(g.x0, l.y, g.nameW, h, thin, 0)
	lines := l.nameCell(r, g)
	textH := float64(len(lines)) * g.lh
	blockH := max(textH, g.thumbH)
	top := l.y + (h-blockH)/2
	if th := l.thumbnail(r.e, g.thumbW, g.thumbH); th != nil {
		l.add(Item{Kind: Picture, X: g.x0 + g.pad, Y: top + (blockH-g.thumbH)*boolF(textH <= g.thumbH)/2, W: g.thumbW, H: g.thumbH, Ref: r.e.ID + " thumbnail", Shapes: th})
	}
	top += (blockH - textH) / 2
	for i, ln := range lines {
		y := top + float64(i)*g.lh
		if ln.t != "" {
			l.text(g.nameX(i), y, ln.t, ln.bold, size)
		}
		if ln.after != "" {
			l.text(g.nameX(i)+l.measure(ln.t+"  ", true, size), y, ln.after, false, size)
		}
		if ln.right != "" {
			l.textRight(g.x0+g.nameW-g.pad, y, ln.right, false, size)
		}
	}
	for i := range r.on {
		l.dayCell(r.on[i].Boxes(), g.colX(i), h, g)
	}
	l.y += h
}

// dayCell draws one day's cell of a row h tall at x: its boxes, centred
// in lines, or a shaded cell when the exercise is not that day.
func (l *layout) dayCell(n int, x, h float64, g gridShape) {
	box := l.s.box
	if n == 0 {
		l.rect(x, l.y, g.dayW, h, thin, fillOff)
		return
	}
	l.rect(x, l.y, g.dayW, h, thin, 0)
	perLine, nl := l.boxLines(n, g)
	boxTop := l.y + (h-(float64(nl)*box+float64(nl-1)*g.gap))/2
	for k := range n {
		line, col := k/perLine, k%perLine
		inLine := min(perLine, n-line*perLine)
		lw := float64(inLine)*box + float64(inLine-1)*g.gap
		bx := x + (g.dayW-lw)/2 + float64(col)*(box+g.gap)
		by := boxTop + float64(line)*(box+g.gap)
		l.add(Item{Kind: Tick, X: bx, Y: by, W: box, H: box, Stroke: boxPen})
	}
}
