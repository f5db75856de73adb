package render

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/plan"
)

const title = "Your upper back exercise plan"

// Stroke widths (mm) and grey fills (0 black, 1 white).
const (
	thin   = 0.2
	normal = 0.35
	thick  = 0.8
	boxPen = 0.45

	fillHeader = 0.88
	fillLabel  = 0.94
	fillOff    = 0.90
)

func info(p *plan.Plan) Info {
	in := Info{Title: title, Author: "backplan", Creator: "backplan", Lang: "en", Date: p.Settings.Issued.String()}
	if n := clean(p.Patient.Name); n != "" {
		in.Title = title + ": " + n
	}
	if c := clean(p.Patient.Clinician); c != "" {
		in.Author = c
	}
	in.Subject = fmt.Sprintf("A %d-week home exercise plan for upper back pain, %s to %s",
		p.Settings.Weeks, longDate(p.Settings.Start), longDate(p.End()))
	return in
}

// workbook lays out every part in order.
func (l *layout) workbook() {
	l.cover()
	l.safety()
	for i := range l.p.Weeks {
		l.week(&l.p.Weeks[i])
	}
	l.exercises()
	l.progress()
	l.notes()
}

// ---- Cover ----

func (l *layout) cover() {
	l.section("cover", "About your plan", 0)
	s := l.s
	p := l.p
	l.heading(title, s.title, 0)
	l.y += 2
	if n := clean(p.Patient.Name); n != "" {
		l.labelled("For", n)
	}
	if who := joinNonEmpty(", ", clean(p.Patient.Clinician), clean(p.Patient.Clinic)); who != "" {
		l.labelled("From", who)
	}
	l.labelled("Starts", longDate(p.Settings.Start))
	l.labelled("Ends", longDate(p.End()))
	l.y += s.para

	l.heading("Your plan at a glance", s.h2, 4*s.lineH(s.body))
	l.table(l.glance())
	l.y += s.para

	l.heading("Questions?", s.h2, 3*s.lineH(s.body))
	if c := clean(p.Patient.Contact); c != "" {
		l.para("If you have questions about your exercises, or something does not feel right, contact:", false, s.body)
		l.para(c, true, s.body)
	} else {
		l.para("If you have questions about your exercises, or something does not feel right, contact your clinician. Write their phone number here:", false, s.body)
		l.ensure(s.rule + s.para)
		l.y += s.rule
		l.hline(l.left, l.y, l.width()*0.7, normal)
		l.y += s.para * 2
	}

	l.heading("Inside this workbook", s.h2, 3*s.lineH(s.body))
	l.contents()

	if notes := strings.TrimSpace(p.Patient.Notes); notes != "" {
		l.y += s.para
		l.heading("Notes from your clinician", s.h2, 3*s.lineH(s.body))
		l.onBreak = func() { l.heading("Notes from your clinician (continued)", s.h3, 0) }
		l.para(notes, false, s.body)
		l.onBreak = nil
	}
}

func (l *layout) glance() [][2]string {
	p, st := l.p, l.p.Settings
	rows := [][2]string{{"Length", plural(st.Weeks, "week")}}
	var days []string
	if len(p.Weeks) > 0 {
		for _, ses := range p.Weeks[0].Sessions {
			days = append(days, ses.Date.Format("Monday"))
		}
	}
	d := plural(st.Days, "day") + " a week"
	if len(days) > 0 && len(days) < 7 {
		d += ": " + andList(days)
	} else if len(days) == 7 {
		d = "Every day"
	}
	rows = append(rows,
		[2]string{"Days", d},
		[2]string{"Each session", fmt.Sprintf("Up to about %d minutes, starting with a short warm-up", st.Minutes)},
		[2]string{"Focus", focusWords(st.Focus)},
		[2]string{"Level", levelWords(st.Level)},
		[2]string{"Equipment", equipmentList(st.Equipment)},
	)
	floor := slices.ContainsFunc(p.Exercises, func(e plan.Exercise) bool { return e.Floor })
	switch {
	case st.NoFloor:
		rows = append(rows, [2]string{"Floor work", "None: every exercise is done standing or sitting"})
	case floor:
		rows = append(rows, [2]string{"Floor work", "Some exercises are done lying on the floor, on a mat or carpet"})
	}
	return rows
}

// contents lists the parts of the workbook with their page numbers.
func (l *layout) contents() {
	n := len(l.p.Weeks)
	rows := [][2]string{{"How to use this workbook and stay safe", pageWord(l.ref("safety"))}}
	if n > 0 {
		label := "Week 1"
		if n > 1 {
			label = fmt.Sprintf("Weeks 1 to %d: tick boxes for each day", n)
		}
		first, last := l.ref("week:1"), l.ref(fmt.Sprintf("week:%d:end", n))
		pages := pageWord(first)
		if last > first {
			pages = fmt.Sprintf("pages %d to %d", first, last)
		}
		rows = append(rows, [2]string{label, pages})
	}
	rows = append(rows,
		[2]string{"How to do each exercise", pageWord(l.ref("exercises"))},
		[2]string{"Your progress", pageWord(l.ref("progress"))},
		[2]string{"Notes", pageWord(l.ref("notes"))},
	)
	size := l.s.body
	lh := l.s.lineH(size)
	pw := l.measure("pages 888 to 888", false, size) + 4
	for _, r := range rows {
		lines := l.wrap(r[0], l.width()-pw, false, size)
		l.ensure(float64(len(lines)) * lh)
		l.textRight(l.right, l.y, r[1], false, size)
		for _, line := range lines {
			l.text(l.left, l.y, line, false, size)
			l.y += lh
		}
		l.y += 1
	}
	l.y += l.s.para
}

func pageWord(n int) string {
	if n == 0 {
		return "page ?"
	}
	return fmt.Sprintf("page %d", n)
}

// table flows a two-column table of labels and text, one bordered row each.
func (l *layout) table(rows [][2]string) {
	size := l.s.body
	lh := l.s.lineH(size)
	pad := l.s.pad
	// The label column is as wide as its longest label, within limits.
	lw := l.s.label
	for _, r := range rows {
		lw = max(lw, min(l.measure(r[0], true, size)+2*pad+1, l.width()*0.4))
	}
	for _, r := range rows {
		labels := l.wrap(r[0], lw-2*pad, true, size)
		lines := l.wrap(clean(r[1]), l.width()-lw-2*pad, false, size)
		h := float64(max(len(labels), len(lines)))*lh + 2*pad
		l.ensure(h)
		l.rect(l.left, l.y, lw, h, thin, fillLabel)
		l.rect(l.left+lw, l.y, l.width()-lw, h, thin, 0)
		for i, s := range labels {
			l.text(l.left+pad, l.y+pad+float64(i)*lh, s, true, size)
		}
		for i, s := range lines {
			l.text(l.left+lw+pad, l.y+pad+float64(i)*lh, s, false, size)
		}
		l.y += h
	}
	l.y += l.s.para
}

// ---- How to use this workbook and stay safe ----

func (l *layout) safety() {
	s := l.s
	l.section("safety", "How to use this workbook and stay safe", 0)
	l.heading("How to use this workbook and stay safe", s.h1, 0)
	l.onBreak = func() { l.heading("How to use this workbook and stay safe (continued)", s.h3, 0) }
	keep := 3 * s.lineH(s.body)

	l.para("Your clinician chose these exercises for you. This workbook helps you do them at home and keep track of how you are doing. It supports your clinician's advice; it does not replace it. If anything here differs from what your clinician told you, follow your clinician.", false, s.body)

	l.heading("Your weekly pages", s.h2, keep)
	l.list([]string{
		"Each week has its own page. Your exercise days run across the top and your exercises run down the side.",
		"Start every session with the warm-up at the top of the table.",
		"Each box is one set. Tick a box each time you finish a set. A shaded space with no boxes means that exercise is not for that day.",
		"Before and after each session, write your pain score from 0 to 10 in the boxes at the bottom. 0 means no pain at all; 10 means the worst pain you can imagine.",
		"If you miss a day, carry on with the next one. Do not do two sessions in one day to catch up.",
		"The page number beside each exercise's dose shows where to read how to do it, and how much to do each week.",
	}, bullet)

	l.heading("How to read a dose", s.h2, keep)
	l.para("The dose says how much to do. When it has two numbers, the first is the number of sets (rounds) and the second is how many times you do the movement in each set. Rest for a short while between sets, up to about a minute. Some examples from your plan:", false, s.body)
	l.table(l.doseExamples())

	l.heading("Pain: a traffic light to guide you", s.h2, 12*s.lineH(s.body))
	l.para("Some discomfort while you exercise is normal and safe. Score your pain from 0 to 10 and use this guide.", false, s.body)
	l.table([][2]string{
		{"Go: 0 to 2", "Fine. Carry on."},
		{"Take care: 3 to 5", "This is all right, as long as the pain settles within a day (24 hours)."},
		{"Stop: above 5, or worse the next morning", "Stop that exercise. Next time, go back to last week's dose. If the pain lasts for several days, contact your clinician."},
	})

	l.y += s.para
	l.framed(thick, 0, func() {
		l.heading("Warning signs: stop and see a doctor quickly", s.h2, 0)
		l.para("Stop the exercises and see a doctor quickly if any of these happens to you, or if you already have one and your clinician does not know about it yet:", false, s.body)
		l.list([]string{
			"You have back pain after a fall or an accident, even a small one if you have thin bones (osteoporosis).",
			"You have chest pain, pressure in your chest, or you are short of breath. Upper back pain can come from the heart.",
			"You have a fever, chills, or you lose weight without trying.",
			"You have had cancer, or you have taken steroid medicines for a long time.",
			"Your pain is there all the time, is severe, is worse at night, or does not ease when you rest.",
			"You have numbness, tingling or weakness in your arms or legs, or trouble walking.",
			"You cannot control your bladder or bowels as usual.",
			"Your back pain is new and started before age 20 or after age 50.",
		}, bullet)
		l.para("If you have chest pain or trouble breathing, call for emergency help straight away.", true, s.body)
	})
	l.onBreak = nil
}

// doseExamples picks up to five doses from the plan, one of each form, with
// their meaning in words.
func (l *layout) doseExamples() [][2]string {
	seen := map[string]bool{}
	var rows [][2]string
	for _, w := range l.p.Weeks {
		for _, ses := range w.Sessions {
			for _, it := range ses.Items {
				d := it.Dose
				if d.IsZero() {
					continue
				}
				k := fmt.Sprint(d.Minutes > 0, d.Seconds > 0, d.Hold > 0, d.Sets > 1, d.Each, d.Level > 1)
				if seen[k] || len(rows) == 5 {
					continue
				}
				seen[k] = true
				rows = append(rows, [2]string{d.String(), sentence(d.Words())})
			}
		}
	}
	if len(rows) == 0 {
		d := plan.Dose{Sets: 2, Reps: 10, Each: "side"}
		rows = append(rows, [2]string{d.String(), sentence(d.Words())})
	}
	for _, r := range rows {
		if strings.Contains(r[0], "level") {
			rows = append(rows, [2]string{"level 2 or 3", "A stronger band or a slightly heavier weight than you started with. Your clinician will show you which."})
			break
		}
	}
	return rows
}

// ---- Weeks ----

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

// ---- Exercises ----

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
	pics := drawings(e.Picture, pw-2*in, ph-2*in, 0)
	l.ensure(ph + lh + s.para)
	for i, p := range pics {
		x := l.left + float64(i)*(pw+gap)
		l.rect(x, l.y, pw, ph, thin, 0)
		l.add(Item{Kind: Picture, X: x + in, Y: l.y + in, W: pw - 2*in, H: ph - 2*in, Ref: e.ID + " " + p.Name, Shapes: p.Shapes})
		label := "Hold this position"
		if len(e.Picture.Arrows) > 0 {
			label = "Move as the arrow shows"
		}
		switch p.Name {
		case "start":
			label = "1. Start like this"
		case "end":
			label = "2. Move to this"
		}
		l.textCenter(x+pw/2, l.y+ph+0.5, label, true, s.body)
	}
	if len(pics) == 2 {
		aw, ah := gap-4, 8.0
		l.add(Item{Kind: Picture, X: l.left + pw + 2, Y: l.y + (ph-ah)/2, W: aw, H: ah, Ref: "arrow", Shapes: rightArrow(aw, ah)})
	}
	l.y += ph + lh + s.para
}

// pictureBox is the frame of one of an exercise's pictures on a page
// width wide, and the space inside it around the drawing.
func (s style) pictureBox(width float64) (w, h, in float64) {
	return (width - s.picGap) / 2, s.pic, s.pad
}

// warmDrawings makes the drawings of every exercise of p on all CPUs
// before layout, which then finds them made: posing bodies is the slowest
// part of laying out a workbook.
func warmDrawings(p *plan.Plan, s style, width float64) {
	var specs []*figure.Spec
	for _, e := range p.Exercises {
		if e.Picture != nil {
			specs = append(specs, e.Picture)
		}
	}
	pw, ph, in := s.pictureBox(width)
	onCPUs(len(specs), nil, nil, func(_ struct{}, i int) {
		drawings(specs[i], pw-2*in, ph-2*in, 0)
		drawings(specs[i], s.thumbW, s.thumbH, s.thumbLine)
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
// grid, or nil if it has none.
func (l *layout) thumbnail(e plan.Exercise) []figure.Shape {
	if e.Picture == nil {
		return nil
	}
	return drawings(e.Picture, l.s.thumbW, l.s.thumbH, l.s.thumbLine)[0].Shapes
}

// drawingCache keeps drawings between layout passes and documents: posing
// a body costs far more than placing it, and a batch draws the same
// catalogue again and again. Drawings in it are shared and never changed.
var drawingCache sync.Map // drawingKey → []figure.Picture

// specKeys remembers each Spec's Key by its address: a catalogue's specs
// are loaded once and never changed, and making a key costs more than
// finding the drawing.
var specKeys sync.Map // *figure.Spec → string

type drawingKey struct {
	spec       string
	w, h, line float64
}

// drawings returns the pictures of s in a w × h box; with line > 0, only
// the thumbnail, its outline at least line wide.
func drawings(s *figure.Spec, w, h, line float64) []figure.Picture {
	key, ok := specKeys.Load(s)
	if !ok {
		key, _ = specKeys.LoadOrStore(s, s.Key())
	}
	k := drawingKey{key.(string), w, h, line}
	if p, ok := drawingCache.Load(k); ok {
		return p.([]figure.Picture)
	}
	var p []figure.Picture
	if line > 0 {
		p = []figure.Picture{s.Thumbnail(w, h, line)}
	} else {
		p = s.Draw(w, h)
	}
	drawingCache.Store(k, p)
	return p
}

func (l *layout) exercises() {
	s := l.s
	l.section("exercises", "How to do each exercise", 0)
	l.heading("How to do each exercise", s.h1, 0)
	l.para("Read about each exercise before you first do it, and look back here whenever you need to. At the end of each one is how much to do each week.", false, s.body)
	for i, e := range l.p.Exercises {
		l.onBreak = nil
		if i > 0 {
			l.ensure(s.para*2 + 8*s.lineH(s.body))
			if l.y > l.top {
				l.hline(l.left, l.y, l.width(), normal)
				l.y += s.para * 2
			}
		}
		l.exercise(e)
	}
	l.onBreak = nil
}

func (l *layout) exercise(e plan.Exercise) {
	s := l.s
	name := clean(e.Name)
	lh := s.lineH(s.body)
	l.onBreak = nil
	l.heading(name, s.h2, 6*lh)
	l.found["ex:"+e.ID] = l.page.Number
	// The outline stays flat: fpdf writes /Count 0 on outline items with
	// children, which strict validators reject.
	l.page.Marks = append(l.page.Marks, Mark{Title: name, Level: 0, Y: l.y - s.lineH(s.h2)})
	l.onBreak = func() { l.heading(name+" (continued)", s.h3, 0) }

	l.para(categoryWords(e.Category), false, s.body)
	l.pictures(e)
	if p := clean(e.Purpose); p != "" {
		l.para(p, false, s.body)
	}
	l.labelled("Position", startWords(e.Position))
	l.labelled("You need", needsWords(e))

	l.heading("Steps", s.h3, 2*lh)
	l.list(e.Steps, number)
	if len(e.Cues) > 0 {
		l.heading("For good form", s.h3, 2*lh)
		l.list(e.Cues, bullet)
	}
	if len(e.Cautions) > 0 {
		l.heading("Take care", s.h3, 2*lh)
		l.list(e.Cautions, bullet)
	}
	if e.Easier != "" || e.Harder != "" {
		l.heading("Changing it", s.h3, 2*lh)
		if e.Easier != "" {
			l.labelled("Too hard?", e.Easier)
		}
		if e.Harder != "" {
			l.labelled("Too easy?", e.Harder+" Check with your clinician first.")
		}
	}
	l.heading("How much to do", s.h3, 3*lh)
	l.doseTable(e)
}

// doseTable lists the exercise's dose week by week, joining weeks that
// share a dose.
func (l *layout) doseTable(e plan.Exercise) {
	doses := l.p.DoseByWeek(e.ID)
	var rows [][2]string
	for i := 0; i < len(doses); {
		j := i
		for j+1 < len(doses) && doses[j+1] == doses[i] {
			j++
		}
		weeks := fmt.Sprintf("Week %d", i+1)
		if j > i {
			weeks = fmt.Sprintf("Weeks %d to %d", i+1, j+1)
		}
		what := "Not in these weeks"
		if j == i {
			what = "Not this week"
		}
		if d := doses[i]; !d.IsZero() {
			what = d.String()
			if d.Sets > 1 || d.Hold > 0 || d.Each != "" || d.Level > 1 {
				what += ": " + d.Words() // "3 min" needs no spelling out
			}
		}
		if l.p.Weeks[i].Easy && j == i && !doses[i].IsZero() {
			what += " (easier week)"
		}
		rows = append(rows, [2]string{weeks, what})
		i = j + 1
	}
	l.table(rows)
}

// ---- Progress and notes ----

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
	header := func() {
		h := 2*lh + 2*pad
		l.rect(l.left, l.y, l.width(), h, thin, fillHeader)
		l.text(l.left+pad, l.y+pad, "Week", true, size)
		l.vline(l.left+weekW, l.y, h, thin)
		l.text(l.left+weekW+pad, l.y+pad, "Usual pain", true, size)
		l.text(l.left+weekW+pad, l.y+pad+lh, "(0 to 10)", false, size)
		l.vline(l.left+weekW+painW, l.y, h, thin)
		l.text(l.left+weekW+painW+pad, l.y+pad, "What got easier this week?", true, size)
		l.y += h
	}
	l.ensure(2*lh + 2*pad + 2*s.rule + 2*pad)
	header()
	l.onBreak = func() {
		l.heading("Your progress (continued)", s.h3, 0)
		header()
	}
	for _, w := range l.p.Weeks {
		h := max(2*lh, 2*s.rule) + 2*pad
		l.ensure(h)
		l.rect(l.left, l.y, weekW, h, thin, fillLabel)
		l.text(l.left+pad, l.y+pad, fmt.Sprintf("Week %d", w.Number), true, size)
		l.text(l.left+pad, l.y+pad+lh, shortRange(w.Start, w.End()), false, size)
		l.rect(l.left+weekW, l.y, painW, h, thin, 0)
		bw := s.box * 2.5
		l.add(Item{Kind: WriteIn, X: l.left + weekW + (painW-bw)/2, Y: l.y + (h-(s.box+3))/2, W: bw, H: s.box + 3, Stroke: boxPen})
		l.rect(l.left+weekW+painW, l.y, restW, h, thin, 0)
		for k := 1; k < 2; k++ {
			l.hline(l.left+weekW+painW+pad, l.y+pad+float64(k)*s.rule, restW-2*pad, thin)
		}
		l.y += h
	}
	l.onBreak = nil
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
