package render

import (
	"fmt"
	"slices"

	"github.com/backplan/backplan/plan"
)

// row is one exercise of a week's grid.
type row struct {
	e    plan.Exercise
	dose plan.Dose
	on   []plan.Dose // by training day; zero where not that day
}

func (l *layout) week(w *plan.Week) {
	s := l.s
	n := len(l.p.Weeks)
	l.section(fmt.Sprintf("week:%d", w.Number), fmt.Sprintf("Week %d: %s", w.Number, shortRange(w.Start, w.End())), 0)
	head := fmt.Sprintf("Week %d of %d", w.Number, n)
	if w.Easy {
		head += ": an easier week"
	}
	l.heading(head, s.h1, 0)
	l.y -= s.para * 0.6
	l.para(dateRange(w.Start, w.End()), true, s.body)
	l.onBreak = func() { l.heading(head+" (continued)", s.h3, 0) }

	if w.Easy {
		l.framed(normal, fillLabel, func() {
			l.para("Your doses drop back a little this week to give your body time to recover and get stronger. This is planned: you have not gone backwards. Next week they build up again.", false, s.body)
		})
	}
	lo, hi := 0, 0
	for i, ses := range w.Sessions {
		if i == 0 || ses.Minutes < lo {
			lo = ses.Minutes
		}
		hi = max(hi, ses.Minutes)
	}
	mins := fmt.Sprintf("about %d minutes", hi)
	if lo != hi {
		mins = fmt.Sprintf("about %d to %d minutes", lo, hi)
	}
	l.para(fmt.Sprintf("Each session takes %s. Tick a box for each set you finish. Write your pain score (0 to 10) before and after.", mins), false, s.body)

	rows := weekRows(l.p, w)
	for _, days := range l.chunks(len(w.Sessions)) {
		l.grid(w, rows, days)
	}

	// A line for notes on each training day.
	lh := s.lineH(s.body)
	l.heading("Notes: how did it go?", s.h3, s.rule+lh)
	lw := l.measure("Wed 30 Nov", true, s.body) + 4
	for _, ses := range w.Sessions {
		l.ensure(s.rule + 1)
		l.text(l.left, l.y+s.rule-lh, ses.Date.Format("Mon 2 Jan"), true, s.body)
		l.hline(l.left+lw, l.y+s.rule-1, l.width()-lw, thin)
		l.y += s.rule + 1
	}
	l.found[fmt.Sprintf("week:%d:end", w.Number)] = l.page.Number
	l.onBreak = nil
}

// weekRows lists the exercises of a week, warm-up first, each in the order
// first met.
func weekRows(p *plan.Plan, w *plan.Week) []row {
	var rows []row
	index := map[string]int{}
	for d, ses := range w.Sessions {
		for _, it := range ses.Items {
			i, ok := index[it.Exercise]
			if !ok {
				e, _ := p.Exercise(it.Exercise)
				if e.ID == "" {
					e = plan.Exercise{ID: it.Exercise, Name: it.Exercise}
				}
				i = len(rows)
				index[it.Exercise] = i
				rows = append(rows, row{e: e, dose: it.Dose, on: make([]plan.Dose, len(w.Sessions))})
			}
			rows[i].on[d] = it.Dose
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		return boolRank(b.e.Category.Warmup()) - boolRank(a.e.Category.Warmup())
	})
	return rows
}

func boolRank(v bool) int {
	if v {
		return 1
	}
	return 0
}

// chunks splits the training days into groups narrow enough for the page,
// keeping day columns at least minDay wide: a week of many days is printed
// as two grids rather than squeezed.
func (l *layout) chunks(n int) [][]int {
	if n == 0 {
		return nil
	}
	fit := max(1, int((l.width()-l.s.minName)/l.minDay()))
	parts := (n + fit - 1) / fit
	size := (n + parts - 1) / parts
	var out [][]int
	for start := 0; start < n; start += size {
		var c []int
		for d := start; d < min(n, start+size); d++ {
			c = append(c, d)
		}
		out = append(out, c)
	}
	return out
}

// minDay is the narrowest a day column may be: room for its heading and a
// tick box.
func (l *layout) minDay() float64 {
	w := l.measure("30 Nov", false, l.s.body)
	w = max(w, l.measure("Wed", true, l.s.body))
	return max(w, l.s.box*1.5) + 2*l.s.pad
}

// boxesPerLine is how many tick boxes fit across a cell.
func (l *layout) boxesPerLine(cw float64) int {
	return max(1, int((cw-2*l.s.pad+l.s.gap)/(l.s.box+l.s.gap)))
}

func ticks(e plan.Exercise, d plan.Dose) int {
	if e.Category.Warmup() {
		return 1
	}
	return max(d.Sets, 1)
}

// grid lays out the tick grid of one week for the given training days.
func (l *layout) grid(w *plan.Week, rows []row, days []int) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	pad := s.pad
	dayW := min(s.maxDay, (l.width()-s.minName)/float64(len(days)))
	nameW := l.width() - dayW*float64(len(days))
	x0 := l.left
	colX := func(i int) float64 { return x0 + nameW + dayW*float64(i) }

	header := func() {
		h := 2*lh + 2*pad
		l.rect(x0, l.y, l.width(), h, thin, fillHeader)
		l.text(x0+pad, l.y+pad, "Exercise and dose", true, size)
		if len(days) < len(w.Sessions) {
			l.text(x0+pad, l.y+pad+lh, fmt.Sprintf("Days %d to %d of %d", days[0]+1, days[len(days)-1]+1, len(w.Sessions)), false, size)
		}
		for i, d := range days {
			date := w.Sessions[d].Date
			cx := colX(i) + dayW/2
			l.vline(colX(i), l.y, h, thin)
			l.textCenter(cx, l.y+pad, date.Format("Mon"), true, size)
			l.textCenter(cx, l.y+pad+lh, date.Format("2 Jan"), false, size)
		}
		l.y += h
	}
	band := func(label string) {
		h := lh + pad
		l.rect(x0, l.y, l.width(), h, thin, fillLabel)
		l.text(x0+pad, l.y+pad/2, label, true, size)
		l.y += h
	}

	// Keep the header with the first rows.
	l.ensure(2*lh + 2*pad + 3*(lh+pad) + 2*lh)
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
		if r.e.Category.Warmup() != (warm == 1) || i == 0 {
			if r.e.Category.Warmup() {
				warm = 1
				l.ensure(lh + pad + 2*lh + 2*pad)
				band("Warm-up: start every session here")
			} else {
				warm = 0
				l.ensure(lh + pad + 2*lh + 2*pad)
				band("Exercises")
			}
		}
		l.gridRow(r, days, x0, nameW, dayW)
	}
	// Pain scores before and after each session, kept together on one
	// page so the two can be compared.
	painLabels := []string{"Pain before (0 to 10)", "Pain after (0 to 10)"}
	painH := func(label string) float64 {
		return max(float64(len(l.wrap(label, nameW-2*pad, true, size)))*lh, s.box+3) + 2*pad
	}
	l.ensure(painH(painLabels[0]) + painH(painLabels[1]))
	for _, label := range painLabels {
		labels := l.wrap(label, nameW-2*pad, true, size)
		bh := s.box + 3
		h := painH(label)
		l.ensure(h)
		l.rect(x0, l.y, nameW, h, thin, fillLabel)
		for j, t := range labels {
			l.text(x0+pad, l.y+pad+float64(j)*lh, t, true, size)
		}
		for i := range days {
			l.rect(colX(i), l.y, dayW, h, thin, 0)
			bw := min(dayW-2*pad, 16)
			l.add(Item{Kind: WriteIn, X: colX(i) + (dayW-bw)/2, Y: l.y + (h-bh)/2, W: bw, H: bh, Stroke: boxPen})
		}
		l.y += h
	}
	l.onBreak = prevBreak
	l.y += s.para * 2
}

// gridRow places one exercise row.
func (l *layout) gridRow(r row, days []int, x0, nameW, dayW float64) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	pad := s.pad
	tw := nameW - 2*pad
	tx := x0 + pad
	thumb := l.thumbnail(r.e)
	if thumb != nil {
		tw -= s.thumbW + pad
		tx += s.thumbW + pad
	}
	type line struct {
		t     string
		bold  bool
		right string // the exercise's page, at the right of the cell
	}
	var lines []line
	add := func(t string, bold bool) {
		for _, s := range l.wrap(t, tw, bold, size) {
			lines = append(lines, line{t: s, bold: bold})
		}
	}
	add(clean(r.e.Name), true)
	add(r.dose.String(), false)
	if pg := l.ref("ex:" + r.e.ID); pg > 0 {
		// The page that shows how to do it, beside the dose when it fits.
		ref := fmt.Sprintf("page %d", pg)
		last := &lines[len(lines)-1]
		if l.measure(last.t, false, size)+l.measure(ref, false, size)+3 <= tw {
			last.right = ref
		} else {
			lines = append(lines, line{right: ref})
		}
	}
	// Each day's boxes; the tallest sets the row height.
	perLine := l.boxesPerLine(dayW)
	boxH := 0.0
	for _, d := range days {
		if dose := r.on[d]; !dose.IsZero() {
			n := ticks(r.e, dose)
			lines := (n + perLine - 1) / perLine
			boxH = max(boxH, float64(lines)*s.box+float64(lines-1)*s.gap)
		}
	}
	h := max(float64(len(lines))*lh, boxH, s.box) + 2*pad
	if thumb != nil {
		h = max(h, s.thumbH+2*pad)
	}
	l.ensure(h)
	l.rect(x0, l.y, nameW, h, thin, 0)
	if thumb != nil {
		l.add(Item{Kind: Picture, X: x0 + pad, Y: l.y + (h-s.thumbH)/2, W: s.thumbW, H: s.thumbH, Ref: r.e.ID + " thumbnail", Shapes: thumb})
	}
	for i, ln := range lines {
		if ln.t != "" {
			l.text(tx, l.y+pad+float64(i)*lh, ln.t, ln.bold, size)
		}
		if ln.right != "" {
			l.textRight(x0+nameW-pad, l.y+pad+float64(i)*lh, ln.right, false, size)
		}
	}
	for i, d := range days {
		cx := x0 + nameW + dayW*float64(i)
		dose := r.on[d]
		if dose.IsZero() {
			l.rect(cx, l.y, dayW, h, thin, fillOff)
			continue
		}
		l.rect(cx, l.y, dayW, h, thin, 0)
		n := ticks(r.e, dose)
		nl := (n + perLine - 1) / perLine
		top := l.y + (h-(float64(nl)*s.box+float64(nl-1)*s.gap))/2
		for k := 0; k < n; k++ {
			line, col := k/perLine, k%perLine
			inLine := min(perLine, n-line*perLine)
			lw := float64(inLine)*s.box + float64(inLine-1)*s.gap
			bx := cx + (dayW-lw)/2 + float64(col)*(s.box+s.gap)
			by := top + float64(line)*(s.box+s.gap)
			l.add(Item{Kind: Tick, X: bx, Y: by, W: s.box, H: s.box, Stroke: boxPen})
		}
	}
	l.y += h
}
