package render

import (
	"fmt"

	"github.com/backplan/backplan/plan"
)

// The tick grid of a week: a row for each exercise, a column for each
// training day, a box for each set, and two rows to write the pain score
// in before and after each session.

// gridShape is the geometry of one week's grid.
type gridShape struct {
	x0, nameW, dayW float64
	pad             float64
	thumbs          bool // a thumbnail beside each name
	shortDates      bool // day headers give the day of the month only ("30", not "30 Nov")
	bands           bool // bands name the warm-up and the exercises
	refs            bool // page numbers may take a line of their own
}

func (g gridShape) colX(i int) float64 { return g.x0 + g.nameW + g.dayW*float64(i) }

// gridShape chooses the columns: of the day widths from the narrowest
// that holds a day's heading and a box up to the widest that leaves the
// name column its least width, the one that makes the grid shortest (the
// widest of equals, for room to tick and write); the name column takes
// the rest.
func (l *layout) gridShape(rows []row, days int, look weekLook) gridShape {
	s := l.s
	g := gridShape{x0: l.left, pad: look.pad, bands: look.bands, refs: look.refs}
	head := max(l.measure("Wed", true, s.body), s.box) + 2*g.pad
	long := max(head, l.measure("30 Nov", false, s.body)+2*g.pad)
	most := 1
	for _, r := range rows {
		for _, d := range r.on {
			most = max(most, d.Boxes())
		}
	}
	oneLine := float64(most)*s.box + float64(most-1)*s.gap + 2*g.pad
	widest := max(head, min(max(oneLine, long, s.maxDay), (l.width()-s.minName)/float64(days)))
	best, bestH := g, -1.0
	for i := 0; i <= 8; i++ {
		c := g
		c.dayW = head + (widest-head)*float64(i)/8
		c.shortDates = c.dayW < long
		c.nameW = l.width() - c.dayW*float64(days)
		c.thumbs = look.thumbs && c.nameW-s.thumbW-3*c.pad >= s.minText
		h := 0.0
		for _, r := range rows {
			h += l.gridRowHeight(r, c)
		}
		if bestH < 0 || h <= bestH+0.01 {
			best, bestH = c, h
		}
	}
	return best
}

// grid lays out the tick grid of one week.
func (l *layout) grid(w *plan.Week, rows []row, look weekLook) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	g := l.gridShape(rows, len(w.Sessions), look)
	pad := g.pad

	headH := 2*lh + 2*pad
	header := func() {
		l.rect(g.x0, l.y, l.width(), headH, thin, fillHeader)
		label := "Exercise and amount"
		if l.measure(label, true, size) > g.nameW-2*pad {
			label = "Exercise"
		}
		l.text(g.x0+pad, l.y+pad, label, true, size)
		for i, ses := range w.Sessions {
			cx := g.colX(i) + g.dayW/2
			l.vline(g.colX(i), l.y, headH, thin)
			l.textCenter(cx, l.y+pad, ses.Date.Format("Mon"), true, size)
			date := ses.Date.Format("2 Jan")
			if g.shortDates {
				date = ses.Date.Format("2")
			}
			l.textCenter(cx, l.y+pad+lh, date, false, size)
		}
		l.y += headH
	}
	bandH := lh + pad
	band := func(label string) {
		l.rect(g.x0, l.y, l.width(), bandH, thin, fillLabel)
		l.text(g.x0+pad, l.y+pad/2, label, true, size)
		l.y += bandH
	}

	// Keep the header with the first rows.
	l.ensure(headH + 3*(lh+pad) + 2*lh)
	header()
	prevBreak := l.onBreak
	l.onBreak = func() {
		if prevBreak != nil {
			prevBreak()
		}
		header()
	}
	warm := -1
	for i, r := range rows {
		if g.bands && (r.e.Category.Warmup() != (warm == 1) || i == 0) {
			label := "Exercises"
			if r.e.Category.Warmup() {
				label = "Warm-up: start every session here"
			}
			warm = boolRank(r.e.Category.Warmup())
			l.ensure(bandH + l.gridRowHeight(r, g))
			band(label)
		}
		l.gridRow(r, g)
	}
	l.painRows(len(w.Sessions), g)
	l.onBreak = prevBreak
	l.y += s.para
}

// painRows are the two rows for the pain score before and after each
// session, kept together on one page so the two can be compared.
func (l *layout) painRows(days int, g gridShape) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	labels := []string{"Pain before (0 to 10)", "Pain after (0 to 10)"}
	if l.measure(labels[0], true, size) > g.nameW-2*g.pad {
		labels = []string{"Pain before", "Pain after"} // the scale is in the line above the grid
	}
	bh := s.box + 3
	height := func(label string) float64 {
		return max(float64(len(l.wrap(label, g.nameW-2*g.pad, true, size)))*lh, bh) + 2*g.pad
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
			bw := min(g.dayW-2*g.pad, 16)
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

// nameCell is the lines of a row's name cell: the name, the amount and
// the page that shows how.
func (l *layout) nameCell(r row, g gridShape) []cellLine {
	size := l.s.body
	tw := l.nameTextW(g)
	var lines []cellLine
	add := func(t string, bold bool) {
		for _, s := range l.wrap(t, tw, bold, size) {
			lines = append(lines, cellLine{t: s, bold: bold})
		}
	}
	name := clean(r.e.Name)
	if !g.bands && r.e.Category.Warmup() {
		name = "Warm-up: " + name
	}
	dose := r.e.DoseText(r.dose)
	ref := ""
	if pg := l.ref("ex:" + r.e.ID); pg > 0 {
		ref = fmt.Sprintf("page %d", pg) // the page that shows how to do it
	}
	sp := l.measure("  ", false, size)
	refW := 0.0
	if ref != "" {
		refW = l.measure(ref, false, size) + 3
	}
	// Name and amount on one line when they fit.
	if l.measure(name, true, size)+sp+l.measure(dose, false, size)+refW <= tw {
		return []cellLine{{t: name, bold: true, after: dose, right: ref}}
	}
	add(name, true)
	add(dose, false)
	if ref != "" {
		// Beside the amount when it fits.
		last := &lines[len(lines)-1]
		if l.measure(last.t, false, size)+refW <= tw {
			last.right = ref
		} else if g.refs {
			lines = append(lines, cellLine{right: ref})
		}
	}
	return lines
}

func (l *layout) nameTextW(g gridShape) float64 {
	tw := g.nameW - 2*g.pad
	if g.thumbs {
		tw -= l.s.thumbW + g.pad
	}
	return tw
}

// boxLines is how many lines a day's n boxes take in a column.
func (l *layout) boxLines(n int, g gridShape) (perLine, lines int) {
	perLine = max(1, int((g.dayW-2*g.pad+l.s.gap)/(l.s.box+l.s.gap)))
	return perLine, (n + perLine - 1) / perLine
}

// gridRowHeight is the height of a row: its tallest cell.
func (l *layout) gridRowHeight(r row, g gridShape) float64 {
	s := l.s
	boxH := 0.0
	for _, d := range r.on {
		if n := d.Boxes(); n > 0 {
			_, nl := l.boxLines(n, g)
			boxH = max(boxH, float64(nl)*s.box+float64(nl-1)*s.gap)
		}
	}
	h := max(float64(len(l.nameCell(r, g)))*s.lineH(s.body), boxH, s.box) + 2*g.pad
	if g.thumbs && r.e.Picture != nil {
		h = max(h, s.thumbH+2*g.pad)
	}
	return h
}

// gridRow places one exercise row.
func (l *layout) gridRow(r row, g gridShape) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	pad := g.pad
	tx := g.x0 + pad
	var thumb = l.thumbnail(r.e)
	if g.thumbs {
		tx += s.thumbW + pad
	}
	h := l.gridRowHeight(r, g)
	l.ensure(h)
	l.rect(g.x0, l.y, g.nameW, h, thin, 0)
	if g.thumbs && thumb != nil {
		l.add(Item{Kind: Picture, X: g.x0 + pad, Y: l.y + (h-s.thumbH)/2, W: s.thumbW, H: s.thumbH, Ref: r.e.ID + " thumbnail", Shapes: thumb})
	}
	lines := l.nameCell(r, g)
	top := l.y + (h-float64(len(lines))*lh)/2
	for i, ln := range lines {
		if ln.t != "" {
			l.text(tx, top+float64(i)*lh, ln.t, ln.bold, size)
		}
		if ln.after != "" {
			l.text(tx+l.measure(ln.t+"  ", true, size), top+float64(i)*lh, ln.after, false, size)
		}
		if ln.right != "" {
			l.textRight(g.x0+g.nameW-pad, top+float64(i)*lh, ln.right, false, size)
		}
	}
	for i := range r.on {
		cx := g.colX(i)
		n := r.on[i].Boxes()
		if n == 0 {
			l.rect(cx, l.y, g.dayW, h, thin, fillOff)
			continue
		}
		l.rect(cx, l.y, g.dayW, h, thin, 0)
		perLine, nl := l.boxLines(n, g)
		boxTop := l.y + (h-(float64(nl)*s.box+float64(nl-1)*s.gap))/2
		for k := range n {
			line, col := k/perLine, k%perLine
			inLine := min(perLine, n-line*perLine)
			lw := float64(inLine)*s.box + float64(inLine-1)*s.gap
			bx := cx + (g.dayW-lw)/2 + float64(col)*(s.box+s.gap)
			by := boxTop + float64(line)*(s.box+s.gap)
			l.add(Item{Kind: Tick, X: bx, Y: by, W: s.box, H: s.box, Stroke: boxPen})
		}
	}
	l.y += h
}
