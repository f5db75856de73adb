package render

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/backplan/backplan/internal/words"
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
	l.section("cover", "About your plan", 0)
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
	l.onBreak = func() { l.heading("About your plan (continued)", l.s.h3, 0) }
	l.coverBody(notes, f)
	l.onBreak = nil
	if notes != "" && !f.noteHere {
		l.noteSection(notes)
	}
}

// coverBody lays out the cover in one of its forms.
func (l *layout) coverBody(notes string, f coverForm) {
	s := l.s
	p := l.p
	if f.fit == tight {
		l.heading(title, s.h1, 0)
	} else {
		l.heading(title, s.title, 0)
	}
	l.coverLogo()
	who := []fact{}
	if n := clean(p.Patient.Name); n != "" {
		who = append(who, fact{label: "For", text: n})
	}
	if c := joinNonEmpty(", ", clean(p.Patient.Clinician), clean(p.Patient.Clinic)); c != "" {
		who = append(who, fact{label: "From", text: c})
	}
	if d := p.Settings.Issued; !d.IsZero() {
		who = append(who, fact{label: "Given to you on", text: longDate(d)})
	}
	if d := p.Settings.Review; !d.IsZero() {
		who = append(who, fact{label: "Next appointment", text: longDate(d), bold: true})
	}
	if c := clean(p.Patient.Contact); c != "" {
		who = append(who, fact{label: "Questions?", text: "If anything worries you, contact " + c})
	} else {
		who = append(who, fact{label: "Questions?", text: "Call your clinician on", writeIn: true})
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
			l.para("Notes from your clinician", true, s.body)
			l.para(notes, false, s.body)
		})
	case notes != "":
		l.para(fmt.Sprintf("Your clinician has written notes for you on %s.", pageWord(l.ref("clinician-notes"))), true, s.body)
	}

	switch f.fit {
	case roomy:
		l.heading("Your plan at a glance", s.h2, 4*s.lineH(s.body))
		var rows [][2]string
		for _, r := range l.glance(false) {
			rows = append(rows, [2]string{r.label, r.text})
		}
		rows = slices.Insert(rows, 4, [2]string{"Level", levelWords(p.Settings.Level)})
		l.table(rows)
	case compact:
		l.heading("Your plan at a glance", s.h2, 4*s.lineH(s.body))
		l.facts(l.glance(true), false)
	}

	l.heading("Inside this workbook", s.h2, 3*s.lineH(s.body))
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
	s := l.s
	l.section("clinician-notes", "Notes from your clinician", 0)
	l.heading("Notes from your clinician", s.h1, 0)
	l.onBreak = func() { l.heading("Notes from your clinician (continued)", s.h3, 0) }
	l.para(notes, false, s.body)
	l.onBreak = nil
}

// glance is the plan at a glance: what it asks of the patient, from what
// the plan contains rather than what the clinician allowed.
func (l *layout) glance(merge bool) []fact {
	p, st := l.p, l.p.Settings
	var days []time.Weekday
	if len(p.Weeks) > 0 {
		for _, ses := range p.Weeks[0].Sessions {
			days = append(days, ses.Date.Weekday())
		}
	}
	floor := slices.ContainsFunc(p.Exercises, func(e plan.Exercise) bool { return e.Floor })
	rows := []fact{
		{label: "Length", text: words.Count(len(p.Weeks), "week") + ": " + shortDates(st.Start, p.End())},
		{label: "Days", text: daysLine(st.Days, days)},
		{label: "Each session", text: sessionLength(p) + ", with a short warm-up first"},
		{label: "Focus", text: focusLine(p)},
		{label: "Equipment", text: equipmentLine(p)},
	}
	switch {
	case merge && floor && len(usedEquipment(p)) == 0:
		rows[4].text = "A mat or carpet to lie on; nothing else special"
	case merge && floor:
		rows[4].text += ", and a mat or carpet to lie on"
	case merge:
		// The list leaves the floor out: the plan has no floor work.
	case floor:
		rows = append(rows, fact{label: "Floor work", text: "Some exercises are done lying on a mat or carpet"})
	default:
		rows = append(rows, fact{label: "Floor work", text: "None: every exercise is done standing or sitting"})
	}
	return rows
}

// daysLine is the training days of a week: "3 days a week: Monday,
// Wednesday and Friday", "5 days a week: Monday to Friday", "Every day".
func daysLine(n int, days []time.Weekday) string {
	d := words.Count(n, "day") + " a week"
	switch {
	case len(days) == 7:
		return "Every day"
	case len(days) >= 3 && int(days[len(days)-1]-days[0]) == len(days)-1:
		return d + ": " + days[0].String() + " to " + days[len(days)-1].String()
	case len(days) > 0:
		names := make([]string, len(days))
		for i, w := range days {
			names[i] = w.String()
		}
		return d + ": " + words.And(names)
	}
	return d
}

// shortDates is "30 November to 27 December 2026".
func shortDates(a, b plan.Date) string {
	if a.Format("2006") != b.Format("2006") {
		return a.Format("2 January 2006") + " to " + b.Format("2 January 2006")
	}
	return a.Format("2 January") + " to " + b.Format("2 January 2006")
}

// sessionLength is how long the plan's sessions take, from the planner's
// estimates: "About 18 minutes", "About 12 to 20 minutes".
func sessionLength(p *plan.Plan) string {
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
		return fmt.Sprintf("Up to about %d minutes", p.Settings.Minutes)
	case lo == hi:
		return fmt.Sprintf("About %d minutes", hi)
	}
	return fmt.Sprintf("About %d to %d minutes", lo, hi)
}

// contents lists the parts of the workbook with their page numbers: one
// part a line, or, in two columns, with short names.
func (l *layout) contents(columns bool) {
	n := len(l.p.Weeks)
	type part struct{ long, short, pages string }
	parts := []part{
		{"How to use this workbook and stay safe", "Staying safe", pageWord(l.ref("safety"))},
		{"Everyday advice: flare-ups, sitting, soreness", "Everyday advice", pageWord(l.ref("advice"))},
	}
	if n > 0 {
		long, short := "Week 1: tick boxes for each day", "Week 1"
		if n > 1 {
			long, short = fmt.Sprintf("Weeks 1 to %d: tick boxes for each day", n), fmt.Sprintf("Weeks 1 to %d", n)
		}
		first, last := l.ref("week:1"), l.ref("weeks:end") // the last week's spare page
		pages := pageWord(first)
		if last > first {
			pages = fmt.Sprintf("pages %d to %d", first, last)
		}
		parts = append(parts, part{long, short, pages})
	}
	parts = append(parts,
		part{"How to do each exercise", "Each exercise", pageWord(l.ref("exercises"))},
		part{"Your progress", "Your progress", pageWord(l.ref("progress"))},
		part{"Notes", "Notes", pageWord(l.ref("notes"))},
	)
	size := l.s.body
	lh := l.s.lineH(size)
	pw := l.measure("pages 888 to 888", false, size) + 4
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

func pageWord(n int) string {
	if n == 0 {
		return "page ?"
	}
	return fmt.Sprintf("page %d", n)
}
