package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/backplan/backplan/plan"
)

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
