package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/backplan/backplan/plan"
)

// A week is one side of one sheet: the patient works from it with a pen
// for seven days, so its grid, pain rows and notes never part. The page
// is laid out in the roomiest look that fits (see weekLooks); every look
// keeps the boxes at their full size.

// row is one exercise of a week's grid.
type row struct {
	e    plan.Exercise
	dose plan.Dose
	on   []plan.Dose // by training day; zero where not that day
}

// weekLook is how roomy a week's page is.
type weekLook struct {
	pad    float64 // inside the grid's cells, mm
	thumbs bool    // a picture beside each exercise's name
	intro  bool    // how long a session takes, besides what to tick
	bands  bool    // "Warm-up" and "Exercises" bands across the grid; otherwise warm-ups say so by their names
	refs   bool    // each exercise's page number in its row, on a line of its own if need be
}

// weekLooks are the looks of a week's page, roomiest first. Each gives up
// a little of what a patient misses least: the white space inside the
// cells, then the line on ticking (the safety pages explain it too),
// then the pictures beside the names (each exercise's own page, named in
// the row, still shows it), the bands, and last the page numbers where a
// row has no room for them (the contents list every exercise). Notes take whatever room is left: a line
// for each training day when there is room for them all, else as many
// shared lines as fit, and always at least one.
func (l *layout) weekLooks() []weekLook {
	p := l.s.pad
	return []weekLook{
		{pad: p, thumbs: true, intro: true, bands: true, refs: true},
		{pad: p * 0.6, thumbs: true, intro: true, bands: true, refs: true},
		{pad: p * 0.5, thumbs: true, bands: true, refs: true},
		{pad: p * 0.6, intro: true, bands: true, refs: true},
		{pad: p * 0.5, bands: true, refs: true},
		{pad: p * 0.5, refs: true},
		{pad: p * 0.5},
	}
}

func (l *layout) week(w *plan.Week) {
	l.section(fmt.Sprintf("week:%d", w.Number), fmt.Sprintf("Week %d: %s", w.Number, shortRange(w.Start, w.End())), 0)
	looks := l.weekLooks()
	look := looks[len(looks)-1]
	for _, k := range looks {
		if l.dry(func() { l.weekPage(w, k, false) }) <= l.room()+0.01 {
			look = k
			break
		}
	}
	l.weekPage(w, look, true)
	l.found[fmt.Sprintf("week:%d:end", w.Number)] = l.page.Number
	l.onBreak = nil
}

// weekPage lays out one week in the given look.
// With fill, the notes take the room left on the page; without, they
// take their least, one line.
func (l *layout) weekPage(w *plan.Week, look weekLook, fill bool) {
	s := l.s
	l.tight = !look.thumbs
	head := fmt.Sprintf("Week %d of %d", w.Number, len(l.p.Weeks))
	if w.Easy {
		head += ": an easier week"
	}
	// The dates at the right of the heading when they fit beside it.
	dates := w.Start.Format("Mon 2 Jan") + " to " + w.End().Format("Mon 2 Jan 2006")
	if !l.headingBeside(head, s.h1, dates, true, 0) {
		l.heading(head, s.h1, 0)
		l.y -= s.para * 0.6
		l.para(dateRange(w.Start, w.End()), true, s.body)
	}
	l.onBreak = func() { l.heading(head+" (continued)", s.h3, 0) }

	for _, t := range l.weekWords(w) {
		l.paraAt(l.left, l.width(), t.text, t.bold, s.body)
	}
	if look.intro {
		l.para(fmt.Sprintf("Each session takes %s. Tick a box for each set you finish. Write your pain score (0 to 10) before and after.", sessionMinutes(w)), false, s.body)
	} else {
		l.para("Tick a box for each set you finish. Score pain from 0 to 10.", false, s.body)
	}
	l.grid(w, weekRows(l.p, w), look)
	l.weekNotes(w, fill)
}

// line is a line of words on a week's page.
type line struct {
	text string
	bold bool
}

// weekWords are the week's own messages, above its grid: an easier week,
// a steady one, the review and the clinician's note, each short.
func (l *layout) weekWords(w *plan.Week) []line {
	var out []line
	switch {
	case w.Easy:
		out = append(out, line{"Easier week: your amounts drop back a little to let your body recover. This is planned.", false})
	case w.Steady:
		out = append(out, line{"Keep this level: the amounts stay the same as last week. Keeping them up is the goal now.", false})
	default:
		out = append(out, line{progressRule, false})
	}
	if !w.Appointment.IsZero() {
		out = append(out, line{"Your appointment with your clinician: " + longDate(w.Appointment) + ".", true})
	} else if w.Review {
		out = append(out, line{"Time to see your clinician again: book a visit this week.", true})
	}
	if n := l.shortNote(2 - boolRank(l.tight)); n != "" {
		out = append(out, line{n, false})
	}
	return out
}

// progressRule is when to move on, in one sentence.
const progressRule = "Move on to next week's amounts only if this week stayed green or amber and settled by the next morning; otherwise repeat this week."

// shortNote is the clinician's note, with its lead-in, cut to at most
// two lines of the page (or one).
func (l *layout) shortNote(most int) string {
	n := clean(l.p.Patient.Notes)
	if n == "" {
		return ""
	}
	n = "From your clinician: " + n
	lines := l.wrap(n, l.width(), false, l.s.body)
	if len(lines) <= most {
		return n
	}
	if most == 1 {
		return l.truncateWords(strings.Join(lines, " "), l.width(), false, l.s.body)
	}
	return lines[0] + " " + l.truncateWords(strings.Join(lines[1:], " "), l.width(), false, l.s.body)
}

// sessionMinutes is "about 20 minutes" or "about 15 to 20 minutes".
func sessionMinutes(w *plan.Week) string {
	lo, hi := 0, 0
	for i, ses := range w.Sessions {
		if i == 0 || ses.Minutes < lo {
			lo = ses.Minutes
		}
		hi = max(hi, ses.Minutes)
	}
	if lo != hi {
		return fmt.Sprintf("about %d to %d minutes", lo, hi)
	}
	return fmt.Sprintf("about %d minutes", hi)
}

// weekNotes is room to write how the week went: a line a training day
// when they all fit, or as many shared lines as fit (at least one).
func (l *layout) weekNotes(w *plan.Week, fill bool) {
	s := l.s
	lh := s.lineH(s.body)
	step := s.rule + 1
	headH := s.lineH(s.h3) + s.para*0.6
	if fill && l.room() >= headH+float64(len(w.Sessions))*step {
		l.heading("Notes: how did it go?", s.h3, step)
		lw := l.measure("Wed 30 Nov", true, s.body) + 4
		for _, ses := range w.Sessions {
			l.ensure(step)
			l.text(l.left, l.y+s.rule-lh, ses.Date.Format("Mon 2 Jan"), true, s.body)
			l.hline(l.left+lw, l.y+s.rule-1, l.width()-lw, thin)
			l.y += step
		}
		return
	}
	n := 1
	if fill {
		n = max(1, min(len(w.Sessions), int((l.room()+0.01)/step)))
	}
	lw := l.measure("Notes:", true, s.body) + 3
	for i := range n {
		l.ensure(step)
		if i == 0 {
			l.text(l.left, l.y+s.rule-lh, "Notes:", true, s.body)
		}
		l.hline(l.left+lw, l.y+s.rule-1, l.width()-lw, thin)
		l.y += step
	}
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

// truncateWords is truncate that ends at a whole word when it can.
func (l *layout) truncateWords(s string, w float64, bold bool, size float64) string {
	t := l.truncate(s, w, bold, size)
	if t == s {
		return t
	}
	body := strings.TrimSuffix(t, "…")
	if i := strings.LastIndexByte(body, ' '); i > 0 && !strings.HasPrefix(s[len(body):], " ") {
		body = strings.TrimRight(body[:i], " ,.;:-")
	}
	return body + "…"
}
