package render

// advice is a page of what to do between sessions: a flare-up, long
// sitting, and soreness that is not harm. Every fact on it is in
// docs/clinical.md's "Between sessions" and "Pain while exercising" sections.
func (l *layout) advice() {
	s := l.s
	keep := 3 * s.lineH(s.body)
	m := l.m
	l.section("advice", m.T("advice.head"), 0)
	l.heading(m.T("advice.head"), s.h1, 0)
	l.onBreak = func() { l.heading(m.T("continued", "head", m.T("advice.head")), s.h3, 0) }
	l.para(m.T("advice.intro"), false, s.body)

	l.heading(m.T("advice.sore"), s.h2, keep)
	l.para(m.T("advice.sore.text", "page", pageWord(m, l.ref("traffic"))), false, s.body)

	l.heading(m.T("advice.flare"), s.h2, keep)
	l.para(m.T("advice.flare.text"), false, s.body)
	l.list([]string{
		m.T("advice.flare.1"),
		m.T("advice.flare.2"),
		m.T("advice.flare.3"),
		m.T("advice.flare.4", "page", pageWord(m, l.ref("warnings"))),
	}, bullet)

	l.heading(m.T("advice.sitting"), s.h2, keep)
	l.para(m.T("advice.sitting.text"), false, s.body)
	l.onBreak = nil
}
