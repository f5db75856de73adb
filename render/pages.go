package render

// The workbook's parts, in order. Each kind of page has a file of its own:
// cover.go, safety.go, week.go, exercise.go and progress.go.

import (
	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

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

func info(p *plan.Plan, m *i18n.Lang) Info {
	in := Info{Title: m.T("title"), Author: "backplan", Creator: "backplan", Lang: m.Tag(), Date: p.Settings.Issued.String()}
	if n := clean(p.Patient.Name); n != "" {
		in.Title = m.T("title.for", "name", n)
	}
	if c := clean(p.Patient.Clinician); c != "" {
		in.Author = c
	}
	in.Subject = m.T("subject", "weeks", p.Settings.Weeks, "from", longDate(m, p.Settings.Start), "to", longDate(m, p.End()))
	return in
}

// workbook lays out every part in order.
func (l *layout) workbook() {
	l.cover()
	l.safety()
	l.advice()
	l.weekPages()
	l.exercises()
	l.progress()
	l.notes()
}
