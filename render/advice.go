package render

import "fmt"

// advice is a page of what to do between sessions: a flare-up, long
// sitting, and soreness that is not harm. Every fact on it is in
// docs/clinical.md's "Between sessions" and "Pain while exercising" sections.
func (l *layout) advice() {
	s := l.s
	keep := 3 * s.lineH(s.body)
	l.section("advice", "Everyday advice", 0)
	l.heading("Everyday advice", s.h1, 0)
	l.onBreak = func() { l.heading("Everyday advice (continued)", s.h3, 0) }
	l.para("Your exercise sessions are a small part of your week. This page is about the time in between.", false, s.body)

	l.heading("Sore does not mean harm", s.h2, keep)
	l.para(fmt.Sprintf("Muscles that are doing more than they are used to often ache for a day or two. This is normal, and it is not a sign of damage: feeling sore is not the same as being harmed. Let the traffic light on %s guide you.", pageWord(l.ref("traffic"))), false, s.body)

	l.heading("If your back flares up", s.h2, keep)
	l.para("A flare-up is a day or two of more pain, often after doing more than usual. It is common. Here is what to do:", false, s.body)
	l.list([]string{
		"Go back to the last week that felt comfortable, and build up again from there.",
		"Keep gently active. Take short walks, and do the exercises for moving more easily, as far as is comfortable. Staying active helps a sore back more than resting in bed.",
		"Contact your clinician if the flare-up has not settled after about a week.",
		fmt.Sprintf("If you notice any of the warning signs on %s, stop and see a doctor quickly.", pageWord(l.ref("warnings"))),
	}, bullet)

	l.heading("Breaks from sitting", s.h2, keep)
	l.para("Try not to sit still for a long time. At least every 30 to 60 minutes, stand up, walk around, and roll your shoulders a few times.", false, s.body)
	l.onBreak = nil
}
