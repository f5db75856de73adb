package render

import (
	"fmt"
)

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
