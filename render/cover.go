package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/plan"
)

// The cover is one page, whatever the plan's length and the print size.
// Everything on it is bounded (a title, a few labelled lines, seven facts
// about the plan, a contents list of six rows) except the clinician's note.
// The rule: the cover takes the first of its forms that fits on the page,
// from the roomiest down:
//
//  1. the facts in a bordered table, the note on the cover;
//  2. the facts as a plain list, the note on the cover;
//  3. the facts in a table, the note on a page of its own after the cover;
//  4. the facts as a list, the note on a page of its own.
//
// The note's own page is named on the cover. Only text far longer than a
// name or an address (which no form fits) lets the cover flow on.

// coverForm is one way to lay out the cover.
type coverForm struct {
	table    bool // the plan's facts in a bordered table, not a plain list
	noteHere bool // the clinician's note on the cover
}

func (l *layout) cover() {
	l.section("cover", "About your plan", 0)
	notes := strings.TrimSpace(l.p.Patient.Notes)
	forms := []coverForm{{true, true}, {false, true}, {true, false}, {false, false}}
	if notes == "" {
		forms = forms[2:]
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
	l.heading(title, s.title, 0)
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
	l.facts(who)

	switch {
	case notes != "" && f.noteHere:
		l.framed(thick, 0, func() {
			l.para("Notes from your clinician", true, s.body)
			l.para(notes, false, s.body)
		})
	case notes != "":
		l.para(fmt.Sprintf("Your clinician has written notes for you on %s.", pageWord(l.ref("clinician-notes"))), true, s.body)
	}

	l.heading("Your plan at a glance", s.h2, 4*s.lineH(s.body))
	if f.table {
		var rows [][2]string
		for _, r := range l.glance() {
			rows = append(rows, [2]string{r.label, r.text})
		}
		rows = slices.Insert(rows, 4, [2]string{"Level", levelWords(p.Settings.Level)})
		l.table(rows)
	} else {
		l.facts(l.glance()) // the patient's level is for the roomy form only
	}

	l.heading("Inside this workbook", s.h2, 3*s.lineH(s.body))
	l.contents()
}

// fact is one labelled line of the cover.
type fact struct {
	label, text string
	bold        bool // the text in bold
	writeIn     bool // a line to write on follows the text
}

// facts lays out labelled lines without borders: a bold label column as
// wide as the widest label (within limits), the text wrapped beside it.
func (l *layout) facts(rows []fact) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	lw := 0.0
	for _, r := range rows {
		lw = max(lw, l.measure(r.label, true, size)+4)
	}
	lw = min(lw, l.width()*0.42)
	for _, r := range rows {
		labels := l.wrap(r.label, lw-3, true, size)
		lines := l.wrap(clean(r.text), l.width()-lw, r.bold, size)
		// A line to write on goes after the text on its last line, or
		// on a line of its own when less than 50 mm is left there.
		inW := l.width() - lw - l.measure(lines[len(lines)-1], r.bold, size) - 3
		if r.writeIn && inW < 50 {
			lines, inW = append(lines, ""), l.width()-lw
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
			l.hline(l.right-inW, l.y-1, w, normal)
		}
		l.y += s.para * 0.5
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
func (l *layout) glance() []fact {
	p, st := l.p, l.p.Settings
	var days []string
	if len(p.Weeks) > 0 {
		for _, ses := range p.Weeks[0].Sessions {
			days = append(days, ses.Date.Format("Monday"))
		}
	}
	d := words.Count(st.Days, "day") + " a week"
	switch {
	case len(days) == 7:
		d = "Every day"
	case len(days) > 0:
		d += ": " + words.And(days)
	}
	floor := "None: every exercise is done standing or sitting"
	if slices.ContainsFunc(p.Exercises, func(e plan.Exercise) bool { return e.Floor }) {
		floor = "Some exercises are done lying on a mat or carpet"
	}
	return []fact{
		{label: "Length", text: words.Count(len(p.Weeks), "week") + ": " + shortDates(st.Start, p.End())},
		{label: "Days", text: d},
		{label: "Each session", text: sessionLength(p) + ", with a short warm-up first"},
		{label: "Focus", text: focusLine(p)},
		{label: "Equipment", text: equipmentLine(p)},
		{label: "Floor work", text: floor},
	}
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

// contents lists the parts of the workbook with their page numbers.
func (l *layout) contents() {
	n := len(l.p.Weeks)
	rows := [][2]string{
		{"How to use this workbook and stay safe", pageWord(l.ref("safety"))},
		{"Everyday advice: flare-ups, sitting, soreness", pageWord(l.ref("advice"))},
	}
	if n > 0 {
		label := "Week 1: tick boxes for each day"
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
