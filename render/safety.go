package render

import (
	"strconv"

	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

func (l *layout) safety() {
	s, m := l.s, l.m
	head := m.T("safety.head")
	l.section("safety", head, 0)
	l.heading(head, s.h1, 0)
	l.onBreak = func() { l.heading(m.T("continued", "head", head), s.h3, 0) }
	keep := 3 * s.lineH(s.body)

	l.para(m.T("safety.intro"), false, s.body)

	l.heading(m.T("safety.weekly"), s.h2, keep)
	l.list(l.numbered("safety.weekly.", 7), bullet)

	l.heading(m.T("safety.dose"), s.h2, keep)
	l.para(m.T("safety.dose.intro"), false, s.body)
	var key [][2]string
	for _, k := range doseKey(m, l.p) {
		key = append(key, [2]string{k.text, k.meaning})
	}
	l.table(key)

	traffic := func() {
		l.para(m.T("safety.traffic.intro"), false, s.body)
		l.trafficTable()
	}
	l.heading(m.T("safety.traffic"), s.h2, l.dry(traffic)) // the guide whole under its heading
	l.found["traffic"] = l.page.Number
	traffic()

	l.heading(m.T("safety.move-on"), s.h2, keep)
	l.para(m.T("safety.move-on.text"), false, s.body)
	l.list(l.numbered("safety.move-on.", 2), bullet)

	l.y += s.para
	l.framed(thick, 0, func() {
		l.found["warnings"] = l.page.Number
		l.heading(m.T("warn.head"), s.h2, 0)
		l.para(m.T("warn.intro"), false, s.body)
		l.list(l.numbered("warn.", 8), bullet)
		l.para(m.T("warn.emergency"), true, s.body)
	})
	l.onBreak = nil
}

// numbered is the messages prefix1 to prefixN: the items of a list.
func (l *layout) numbered(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = l.m.T(prefix + strconv.Itoa(i+1))
	}
	return out
}

// keyRow is one row of the dose key: a dose of the plan as the workbook
// prints it, and what it means.
type keyRow struct {
	kind    plan.DoseKind
	heavier bool   // the row shows a stronger band or a heavier weight
	text    string // plan.Exercise.DoseText, as the grid and exercise pages print it
	meaning string
}

// doseKinds is the order the key lists the kinds of dose in.
var doseKinds = []plan.DoseKind{plan.MinutesDose, plan.RepsDose, plan.HoldsDose, plan.TimedDose}

// doseKey lists one example of each kind of dose the plan uses, and only
// those, with what it means, then one with a stronger band or heavier
// weight if the plan has one. For each kind it shows the dose with the most
// tick boxes (so that the example shows what a box is), preferring one
// with no change of band or weight, and the first met of equals.
func doseKey(m *i18n.Lang, p *plan.Plan) []keyRow {
	type pick struct {
		e plan.Exercise
		d plan.Dose
	}
	better := func(a, b pick) bool { // a is a better example than b
		if (a.d.Level > 1) != (b.d.Level > 1) {
			return a.d.Level <= 1
		}
		return a.d.Boxes() > b.d.Boxes()
	}
	best := map[plan.DoseKind]pick{}
	for _, w := range p.Weeks {
		for _, ses := range w.Sessions {
			for _, it := range ses.Items {
				if it.Dose.IsZero() {
					continue
				}
				e, _ := p.Exercise(it.Exercise)
				c := pick{e, it.Dose}
				k := it.Dose.Kind()
				if b, ok := best[k]; !ok || better(c, b) {
					best[k] = c
				}
			}
		}
	}
	var rows []keyRow
	for _, k := range doseKinds {
		if b, ok := best[k]; ok {
			rows = append(rows, keyRow{kind: k, text: clean(amountText(m, b.e, b.d)), meaning: doseMeaning(m, b.d)})
		}
	}
	// A stronger band or a heavier weight: the first such dose met, whose
	// text says how much stronger.
	for _, w := range p.Weeks {
		for _, ses := range w.Sessions {
			for _, it := range ses.Items {
				if it.Dose.Level > 1 {
					e, _ := p.Exercise(it.Exercise)
					return append(rows, keyRow{kind: it.Dose.Kind(), heavier: true, text: clean(amountText(m, e, it.Dose)),
						meaning: m.T("key.heavier")})
				}
			}
		}
	}
	return rows
}

// doseMeaning says in words what to do for a dose, and how many boxes to
// tick for it (plan.Dose.Boxes).
func doseMeaning(m *i18n.Lang, d plan.Dose) string {
	sets := max(d.Sets, 1)
	where := func(what string) string {
		switch d.Each {
		case "side", "direction":
			return m.T("key."+d.Each, "what", what)
		}
		return what
	}
	again := func(what string) string { // what, done sets times with rests
		switch sets {
		case 1:
			return m.T("key.once", "what", what)
		case 2:
			return m.T("key.twice", "what", what)
		}
		return m.T("key.sets", "what", what, "times", m.N("count.times", sets))
	}
	var do string
	switch d.Kind() {
	case plan.MinutesDose:
		do = m.T("key.minutes", "minutes", m.N("count.minute", d.Minutes))
		if d.Each == "side" || d.Each == "direction" {
			do = m.T("key.minutes.each", "minutes", m.N("count.minute", d.Minutes), "where", m.T("key.where."+d.Each))
		}
	case plan.TimedDose:
		do = again(where(m.T("key.timed", "seconds", m.N("count.second", d.Seconds))))
	case plan.HoldsDose:
		do = again(where(m.T("key.holds", "seconds", m.N("count.second", d.Hold), "times", m.N("count.times", d.Reps))))
	default:
		do = again(where(m.T("key.reps", "times", m.N("count.times", d.Reps))))
	}
	tick := m.T("key.tick.one")
	if n := d.Boxes(); n > 1 {
		tick = m.T("key.tick.many", "n", n)
	}
	return do + " " + tick
}
