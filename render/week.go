package render

import (
	"fmt"
	"slices"
	"time"

	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

// A week is one side of one sheet: the patient works from it with a pen
// for seven days, so its grid, pain rows and notes never part. After
// every four weeks, and after the last, comes a spare page without dates
// for a week the patient repeats.
//
// Every week page of a workbook, spare pages too, has one look (see
// weekLooks): the roomiest in which every one of them fits its page, so
// the thumbnails, the width of the day columns and the way a day's boxes
// stand are the same from the first week to the last. The clinician's
// note is printed whole when every page has room for it in that look,
// and otherwise each page says where it is.

// sheet is what one week page shows: a week of the plan, or a spare page
// for repeating one of the weeks from and to.
type sheet struct {
	week     *plan.Week // nil on a spare page
	from, to int
	days     []sheetDay
	rows     []row
}

// sheetDay is a column of a week's grid.
type sheetDay struct {
	name       string // "Mon"
	date, day  string // "30 Nov" and "30", or empty on a spare page
	oneLineDay string // "Mon 30", or "Mon" on a spare page
}

// row is one exercise of a week's grid.
type row struct {
	e    plan.Exercise
	dose plan.Dose   // printed after the name; zero on a spare page
	on   []plan.Dose // by column; zero where not that day
}

// spareEvery is how many weeks a spare page serves.
const spareEvery = 4

// sheets are the week pages of the plan in order, a spare page after
// every spareEvery weeks and after the last.
func (l *layout) sheets() []sheet {
	var out []sheet
	weeks := l.p.Weeks
	for i := range weeks {
		w := &weeks[i]
		sh := sheet{week: w, from: w.Number, to: w.Number, rows: weekRows(l.p, w)}
		for _, ses := range w.Sessions {
			d := ses.Date.Time()
			sh.days = append(sh.days, sheetDay{l.m.Weekday(d.Weekday(), true), l.m.Date("date.short", d), ses.Date.Format("2"), l.m.Date("date.wd-day", d)})
		}
		out = append(out, sh)
		if (i+1)%spareEvery == 0 || i == len(weeks)-1 {
			out = append(out, l.spareSheet(weeks[i-i%spareEvery:i+1]))
		}
	}
	return out
}

// spareSheet is the spare page for weeks: a column for each weekday any
// of them trains on, and a row for each exercise any of them has, with
// as many boxes on a day as the most any of the weeks asks for.
func (l *layout) spareSheet(weeks []plan.Week) sheet {
	var days []time.Weekday
	for _, w := range weeks {
		for _, ses := range w.Sessions {
			if !slices.Contains(days, ses.Date.Weekday()) {
				days = append(days, ses.Date.Weekday())
			}
		}
	}
	slices.SortFunc(days, func(a, b time.Weekday) int { return int((a+6)%7) - int((b+6)%7) }) // Monday first
	sh := sheet{from: weeks[0].Number, to: weeks[len(weeks)-1].Number}
	for _, d := range days {
		name := l.m.Weekday(d, true)
		sh.days = append(sh.days, sheetDay{name: name, oneLineDay: name})
	}
	index := map[string]int{}
	for i := range weeks {
		for _, r := range weekRows(l.p, &weeks[i]) {
			k, ok := index[r.e.ID]
			if !ok {
				k = len(sh.rows)
				index[r.e.ID] = k
				sh.rows = append(sh.rows, row{e: r.e, on: make([]plan.Dose, len(days))})
			}
			for j, d := range r.on {
				c := slices.Index(days, weeks[i].Sessions[j].Date.Weekday())
				if d.Boxes() > sh.rows[k].on[c].Boxes() {
					sh.rows[k].on[c] = d
				}
			}
		}
	}
	sortRows(l.p, sh.rows)
	return sh
}

// weekPages lays out every week page, and the spare pages, in one look.
func (l *layout) weekPages() {
	sheets := l.sheets()
	look := l.weekLook(sheets)
	for _, sh := range sheets {
		if sh.week == nil {
			l.section(fmt.Sprintf("spare:%d", sh.from), l.m.T("spare.section", "from", sh.from, "to", sh.to), 0)
		} else {
			w := sh.week
			l.section(fmt.Sprintf("week:%d", w.Number), l.m.T("week.section", "n", w.Number, "dates", shortRange(l.m, w.Start, w.End())), 0)
		}
		l.weekPage(sh, l.trimFor(sh, look), true)
		if sh.week != nil {
			l.found[fmt.Sprintf("week:%d:end", sh.week.Number)] = l.page.Number
		}
		l.found["weeks:end"] = l.page.Number
		l.onBreak = nil
	}
}

// weekPage lays out one week page in the given look. With fill, shared
// lines for notes take the room left on the page; without, their least.
func (l *layout) weekPage(sh sheet, look weekLook, fill bool) {
	s, m := l.s, l.m
	hs := s.h1
	if look.compact {
		hs = s.h2
	}
	var head, dates string
	if w := sh.week; w != nil {
		head = m.T("week.head", "n", w.Number, "total", len(l.p.Weeks))
		if w.Easy {
			head = m.T("week.head.easy", "n", w.Number, "total", len(l.p.Weeks))
		}
		dates = m.T("range", "from", m.Date("date.wd-short", w.Start.Time()), "to", m.Date("date.wd-short-year", w.End().Time()))
		if !l.headingBeside(head, hs, dates, true, 0) {
			l.heading(head, hs, 0)
			l.y -= s.para * 0.6
			l.para(dateRange(m, w.Start, w.End()), true, s.body)
		}
	} else {
		head = m.T("spare.head")
		if !l.headingWithLine(head, hs, m.T("spare.repeating"), 25) {
			l.heading(head, hs, 0)
			l.writeIn(m.T("spare.repeating"), 25)
		}
	}
	l.onBreak = func() { l.heading(m.T("continued", "head", head), s.h3, 0) }
	for _, t := range l.weekWords(sh, look) {
		l.paraAt(l.left, l.width(), t.text, t.bold, s.body)
	}
	switch {
	case look.compact:
		l.y += s.para
	case look.intro && sh.week != nil:
		l.para(m.T("week.intro", "minutes", sessionMinutes(m, sh.week)), false, s.body)
	default:
		l.para(m.T("week.intro.short"), false, s.body)
	}
	g := l.gridGeometry(sh, look)
	l.grid(sh, g)
	l.painKey(look)
	l.weekNotes(sh, look, fill)
}

// line is a line of words on a week's page.
type line struct {
	text string
	bold bool
}

// weekWords are the week's own messages, above its grid: an easier week,
// a steady one, the review and the clinician's note (or where it is).
// On a crowded page (trim 1) an easier week says so in a few words (at
// trim 4 only its heading does, and the review is said short), and
// a week that sends the patient to the clinician leaves out the rule on
// moving on, so that the line for notes keeps its place.
func (l *layout) weekWords(sh sheet, look weekLook) []line {
	var out []line
	w, m := sh.week, l.m
	switch {
	case w == nil && look.compact:
		out = append(out, line{m.T("spare.do.short"), false})
	case w == nil:
		out = append(out, line{m.T("spare.do"), false})
	case w.Easy && look.trim >= 4:
		// The heading says it is an easier week.
	case w.Easy && look.trim >= 1:
		out = append(out, line{m.T("week.easy.short"), false})
	case w.Easy:
		out = append(out, line{m.T("week.easy"), false})
	case look.trim >= 3:
	case look.trim >= 1 && (w.Review || !w.Appointment.IsZero()):
		// The page sends the patient to the clinician, who decides
		// what comes next; the rule stays on the other pages.
	case w.Steady && look.compact:
		out = append(out, line{m.T("week.steady.short"), false})
	case w.Steady:
		out = append(out, line{m.T("week.steady"), false})
	case look.compact:
		out = append(out, line{m.T("week.rule.short"), false})
	default:
		out = append(out, line{m.T("week.rule"), false})
	}
	if w != nil && !w.Appointment.IsZero() {
		out = append(out, line{m.T("week.appointment", "date", longDate(m, w.Appointment)), true})
	} else if w != nil && w.Review && look.trim >= 4 {
		out = append(out, line{m.T("week.review.short"), true})
	} else if w != nil && w.Review {
		out = append(out, line{m.T("week.review"), true})
	}
	if n := l.noteWords(look.note); n != "" {
		out = append(out, line{n, false})
	}
	return out
}

// noteWords is what a week page says of the clinician's note: the note
// whole, or the page it is on (the cover, or its own page).
func (l *layout) noteWords(whole bool) string {
	n := l.p.Patient.Notes
	if clean(n) == "" {
		return ""
	}
	if whole {
		return l.m.T("week.note", "note", n)
	}
	at := l.ref("clinician-notes")
	if at == 0 {
		at = l.ref("cover")
	}
	return l.m.T("week.note.where", "page", pageWord(l.m, at))
}

// sessionMinutes is "about 20 minutes" or "about 15 to 20 minutes".
func sessionMinutes(m *i18n.Lang, w *plan.Week) string {
	lo, hi := 0, 0
	for i, ses := range w.Sessions {
		if i == 0 || ses.Minutes < lo {
			lo = ses.Minutes
		}
		hi = max(hi, ses.Minutes)
	}
	if lo != hi {
		return m.T("week.minutes.range", "lo", lo, "hi", hi)
	}
	return m.T("week.minutes", "n", hi)
}

// weekNotes is room to write how the week went: a line for each day
// when the look has them, else shared lines: one, or with fill as many
// as the page has room for.
func (l *layout) weekNotes(sh sheet, look weekLook, fill bool) {
	s := l.s
	lh := s.lineH(s.body)
	step := s.rule + 1
	if look.dayNotes {
		l.heading(l.m.T("week.notes.head"), s.h3, step)
		lw := l.measure(l.sampleDate("date.wd-short"), true, s.body) + 4
		for _, d := range sh.days {
			label := d.name + " " + d.date
			l.ensure(step)
			l.text(l.left, l.y+s.rule-lh, label, true, s.body)
			l.hline(l.left+lw, l.y+s.rule-1, l.width()-lw, thin)
			l.y += step
		}
		return
	}
	if look.trim >= 2 {
		return
	}
	n := 1
	if fill {
		n = max(1, min(len(sh.days), int((l.room()+0.01)/step)))
	}
	notes := l.m.T("week.notes")
	lw := l.measure(notes, true, s.body) + 3
	for i := range n {
		l.ensure(step)
		if i == 0 {
			l.text(l.left, l.y+s.rule-lh, notes, true, s.body)
		}
		l.hline(l.left+lw, l.y+s.rule-1, l.width()-lw, thin)
		l.y += step
	}
}

// weekRows lists the exercises of a week, warm-up first, in the order of
// the plan's list.
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
	sortRows(p, rows)
	return rows
}

// sortRows puts rows in the order of the plan's list of exercises, which
// keeps the sessions' order (the walk last), with the warm-up first.
func sortRows(p *plan.Plan, rows []row) {
	at := make(map[string]int, len(p.Exercises))
	for i, e := range p.Exercises {
		at[e.ID] = i + 1 // 0: not in the list, after those that are
	}
	rank := func(r row) int {
		if i := at[r.e.ID]; i > 0 {
			return i
		}
		return len(p.Exercises) + 1
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		if d := boolRank(b.e.Category.Warmup()) - boolRank(a.e.Category.Warmup()); d != 0 {
			return d
		}
		return rank(a) - rank(b)
	})
}

func boolRank(v bool) int {
	if v {
		return 1
	}
	return 0
}
