package render

import (
	"slices"
	"strings"
	"time"

	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

// The cover is one page, whatever the plan's length and the print size.
// Everything on it is bounded (a title, a few labelled lines, six facts
// about the plan, a contents list of six rows) except the clinician's note.
// The rule: the cover takes the first of its forms that fits on the page.
// It tries the note on the cover first, and only then on a page of its own
// straight after the cover (which the cover names), each time from the
// roomiest form down:
//
//	roomy:   the facts in a bordered table, with the patient's level;
//	compact: the facts as a plain list, equipment and floor work in one;
//	tight:   compact, in one closer list with who the plan is for, the
//	         title smaller, and the contents in two columns with short
//	         names.
//
// Only text far longer than a name or an address (which no form fits)
// lets the cover flow on.

// coverForm is one way to lay out the cover.
type coverForm struct {
	fit      int  // roomy, compact or tight
	noteHere bool // the clinician's note on the cover
}

// How tightly the cover is laid out.
const (
	roomy = iota
	compact
	tight
)

func (l *layout) cover() {
	l.section("cover", l.m.T("cover.section"), 0)
	notes := strings.TrimSpace(l.p.Patient.Notes)
	var forms []coverForm
	for _, here := range []bool{true, false} {
		if here && notes == "" {
			continue
		}
		for _, fit := range []int{roomy, compact, tight} {
			forms = append(forms, coverForm{fit, here})
		}
	}
	f := forms[len(forms)-1]
	for _, try := range forms {
		if l.y+l.dry(func() { l.coverBody(notes, try) }) <= l.bottom+0.01 {
			f = try
			break
		}
	}
	l.onBreak = func() { l.heading(l.m.T("continued", "head", l.m.T("cover.section")), l.s.h3, 0) }
	l.coverBody(notes, f)
	l.onBreak = nil
	if notes != "" && !f.noteHere {
		l.noteSection(notes)
	}
}

// coverBody lays out the cover in one of its forms.
func (l *layout) coverBody(notes string, f coverForm) {
	s, m := l.s, l.m
	p := l.p
	if f.fit == tight {
		l.heading(m.T("title"), s.h1, 0)
	} else {
		l.heading(m.T("title"), s.title, 0)
	}
	l.coverLogo()
	who := []fact{}
	if n := clean(p.Patient.Name); n != "" {
		who = append(who, fact{label: m.T("cover.for"), text: n})
	}
	if c := joinNonEmpty(", ", clean(p.Patient.Clinician), clean(p.Patient.Clinic)); c != "" {
		who = append(who, fact{label: m.T("cover.from"), text: c})
	}
	if d := p.Settings.Issued; !d.IsZero() {
		who = append(who, fact{label: m.T("cover.given"), text: longDate(m, d)})
	}
	if d := p.Settings.Review; !d.IsZero() {
		who = append(who, fact{label: m.T("cover.next"), text: longDate(m, d), bold: true})
	}
	if c := clean(p.Patient.Contact); c != "" {
		who = append(who, fact{label: m.T("cover.questions"), text: m.T("cover.questions.contact", "contact", c)})
	} else {
		who = append(who, fact{label: m.T("cover.questions"), text: m.T("cover.questions.call"), writeIn: true})
	}
	if f.fit == tight {
		who = append(who, l.glance(true)...) // one list, no heading between
	}
	l.facts(who, f.fit == tight)
	if l.float.page == l.page {
		l.y = max(l.y, l.float.bottom+s.para)
	}
	l.float = floatCol{}

	switch {
	case notes != "" && f.noteHere:
		l.framed(thick, 0, func() {
			l.para(m.T("cover.notes.head"), true, s.body)
			l.para(notes, false, s.body)
		})
	case notes != "":
		l.para(m.T("cover.notes.where", "page", pageWord(m, l.ref("clinician-notes"))), true, s.body)
	}

	switch f.fit {
	case roomy:
		l.heading(m.T("cover.glance"), s.h2, 4*s.lineH(s.body))
		var rows [][2]string
		for _, r := range l.glance(false) {
			rows = append(rows, [2]string{r.label, r.text})
		}
		rows = slices.Insert(rows, 4, [2]string{m.T("cover.level"), levelWords(m, p.Settings.Level)})
		l.table(rows)
	case compact:
		l.heading(m.T("cover.glance"), s.h2, 4*s.lineH(s.body))
		l.facts(l.glance(true), false)
	}

	l.heading(m.T("cover.inside"), s.h2, 3*s.lineH(s.body))
	l.contents(f.fit == tight)
	l.clinicCode()
}

// fact is one labelled line of the cover.
type fact struct {
	label, text string
	bold        bool // the text in bold
	writeIn     bool // a line to write on follows the text
}

// facts lays out labelled lines without borders: a bold label column as
// wide as the widest label (within limits), the text wrapped beside it,
// clear of any floating column (the clinic's logo), and a little space
// between rows (less when close).
func (l *layout) facts(rows []fact, close bool) {
	gap := l.s.para * 0.5
	if close {
		gap = l.s.para * 0.2
	}
	s := l.s
	size := s.body
	lh := s.lineH(size)
	lw := 0.0
	for _, r := range rows {
		lw = max(lw, l.measure(r.label, true, size)+4)
	}
	lw = min(lw, l.width()*0.42)
	for _, r := range rows {
		right := l.rightAt(l.y)
		labels := l.wrap(r.label, lw-3, true, size)
		lines := l.wrap(clean(r.text), right-l.left-lw, r.bold, size)
		// A line to write on goes after the text on its last line, or
		// on a line of its own when less than 50 mm is left there.
		inW := right - l.left - lw - l.measure(lines[len(lines)-1], r.bold, size) - 3
		if r.writeIn && inW < 50 {
			lines, inW = append(lines, ""), right-l.left-lw
		}
		h := float64(max(len(labels), len(lines))) * lh
		l.ensure(h)
		for i, t := range labels {
			l.text(l.left, l.y+float64(i)*lh, t, true, size)
		}
		for i, t := range lines {
			l.text(l.left+lw, l.y+float64(i)*lh, t, r.bold, size)
		}
		l.y += h
		if r.writeIn {
			w := min(inW, 80)
			l.hline(right-inW, l.y-1, w, normal)
		}
		l.y += gap
	}
	l.y += s.para
}

// noteSection prints a note too long for the cover on a page of its own.
func (l *layout) noteSection(notes string) {
	s, m := l.s, l.m
	head := m.T("cover.notes.head")
	l.section("clinician-notes", head, 0)
	l.heading(head, s.h1, 0)
	l.onBreak = func() { l.heading(m.T("continued", "head", head), s.h3, 0) }
	l.para(notes, false, s.body)
	l.onBreak = nil
}

// glance is the plan at a glance: what it asks of the patient, from what
// the plan contains rather than what the clinician allowed.
func (l *layout) glance(merge bool) []fact {
	p, st, m := l.p, l.p.Settings, l.m
	var days []time.Weekday
	if len(p.Weeks) > 0 {
		for _, ses := range p.Weeks[0].Sessions {
			days = append(days, ses.Date.Weekday())
		}
	}
	floor := slices.ContainsFunc(p.Exercises, func(e plan.Exercise) bool { return e.Floor })
	rows := []fact{
		{label: m.T("cover.length"), text: m.N("count.week", len(p.Weeks)) + ": " + shortDates(m, st.Start, p.End())},
		{label: m.T("cover.days"), text: daysLine(m, st.Days, days)},
		{label: m.T("cover.session"), text: m.T("cover.session.text", "length", sessionLength(m, p))},
		{label: m.T("cover.focus"), text: focusLine(m, p)},
		{label: m.T("cover.equipment"), text: equipmentLine(m, p)},
	}
	switch {
	case merge && floor && len(usedEquipment(p)) == 0:
		rows[4].text = m.T("cover.floor-only")
	case merge && floor:
		rows[4].text = m.T("cover.floor-and", "equipment", rows[4].text)
	case merge:
		// The list leaves the floor out: the plan has no floor work.
	case floor:
		rows = append(rows, fact{label: m.T("cover.floor"), text: m.T("cover.floor.some")})
	default:
		rows = append(rows, fact{label: m.T("cover.floor"), text: m.T("cover.floor.none")})
	}
	return rows
}

// daysLine is the training days of a week: "3 days a week: Monday,
// Wednesday and Friday", "5 days a week: Monday to Friday", "Every day".
func daysLine(m *i18n.Lang, n int, days []time.Weekday) string {
	d := m.N("cover.days.count", n)
	switch {
	case len(days) == 7:
		return m.T("cover.days.every")
	case len(days) >= 3 && int(days[len(days)-1]-days[0]) == len(days)-1:
		return m.T("cover.days.run", "count", d, "from", m.Weekday(days[0], false), "to", m.Weekday(days[len(days)-1], false))
	case len(days) > 0:
		names := make([]string, len(days))
		for i, w := range days {
			names[i] = m.Weekday(w, false)
		}
		return m.T("cover.days.list", "count", d, "days", m.And(names))
	}
	return d
}

// shortDates is "30 November to 27 December 2026".
func shortDates(m *i18n.Lang, a, b plan.Date) string {
	from := m.Date("date.day-month", a.Time())
	if a.Time().Year() != b.Time().Year() {
		from = m.Date("date.day-month-year", a.Time())
	}
	return m.T("range", "from", from, "to", m.Date("date.day-month-year", b.Time()))
}

// sessionLength is how long the plan's sessions take, from the planner's
// estimates: "About 18 minutes", "About 12 to 20 minutes".
func sessionLength(m *i18n.Lang, p *plan.Plan) string {
	lo, hi := 0, 0
	for _, w := range p.Weeks {
		for _, ses := range w.Sessions {
			if ses.Minutes <= 0 {
				continue
			}
			if lo == 0 || ses.Minutes < lo {
				lo = ses.Minutes
			}
			hi = max(hi, ses.Minutes)
		}
	}
	switch {
	case hi == 0:
		return m.T("cover.minutes.upto", "n", p.Settings.Minutes)
	case lo == hi:
		return m.T("cover.minutes.about", "n", hi)
	}
	return m.T("cover.minutes.range", "lo", lo, "hi", hi)
}

// contents lists the parts of the workbook with their page numbers: one
// part a line, or, in two columns, with short names.
func (l *layout) contents(columns bool) {
	n, m := len(l.p.Weeks), l.m
	type part struct{ long, short, pages string }
	parts := []part{
		{m.T("contents.safety"), m.T("contents.safety.short"), pageWord(m, l.ref("safety"))},
		{m.T("contents.advice"), m.T("contents.advice.short"), pageWord(m, l.ref("advice"))},
	}
	if n > 0 {
		long, short := m.T("contents.week"), m.T("contents.week.short")
		if n > 1 {
			long, short = m.T("contents.weeks", "n", n), m.T("contents.weeks.short", "n", n)
		}
		first, last := l.ref("week:1"), l.ref("weeks:end") // the last week's spare page
		pages := pageWord(m, first)
		if last > first {
			pages = m.T("pages", "from", first, "to", last)
		}
		parts = append(parts, part{long, short, pages})
	}
	parts = append(parts,
		part{m.T("contents.exercises"), m.T("contents.exercises.short"), pageWord(m, l.ref("exercises"))},
		part{m.T("contents.progress"), m.T("contents.progress"), pageWord(m, l.ref("progress"))},
		part{m.T("contents.notes"), m.T("contents.notes"), pageWord(m, l.ref("notes"))},
	)
	size := l.s.body
	lh := l.s.lineH(size)
	pw := l.measure(m.T("contents.widest"), false, size) + 4
	// row places a part between x0 and x1 at the cursor and returns its
	// height.
	row := func(label, pages string, x0, x1 float64) float64 {
		lines := l.wrap(label, x1-x0-min(pw, l.measure(pages, false, size)+4), false, size)
		for i, line := range lines {
			l.text(x0, l.y+float64(i)*lh, line, false, size)
		}
		l.textRight(x1, l.y, pages, false, size)
		return float64(len(lines)) * lh
	}
	if !columns {
		for _, r := range parts {
			l.ensure(float64(len(l.wrap(r.long, l.width()-pw, false, size))) * lh)
			l.y += row(r.long, r.pages, l.left, l.right) + 1
		}
		l.y += l.s.para
		return
	}
	gap := 10.0
	mid := l.left + (l.width()-gap)/2
	half := (len(parts) + 1) / 2
	for i := range half {
		l.ensure(lh)
		h := row(parts[i].short, parts[i].pages, l.left, mid)
		if j := i + half; j < len(parts) {
			h = max(h, row(parts[j].short, parts[j].pages, mid+gap, l.right))
		}
		l.y += h
	}
	l.y += l.s.para
}
