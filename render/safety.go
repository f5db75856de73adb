package render

import (
	"fmt"

	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/plan"
)

func (l *layout) safety() {
	s := l.s
	l.section("safety", "How to use this workbook and stay safe", 0)
	l.heading("How to use this workbook and stay safe", s.h1, 0)
	l.onBreak = func() { l.heading("How to use this workbook and stay safe (continued)", s.h3, 0) }
	keep := 3 * s.lineH(s.body)

	l.para("Your clinician chose these exercises for you. This workbook helps you do them at home and keep track of how you are doing. It supports your clinician's advice; it does not replace it. If anything here differs from what your clinician told you, follow your clinician.", false, s.body)

	l.heading("Your weekly pages", s.h2, keep)
	l.list([]string{
		"Each week has its own page. Your exercise days run across the top and your exercises run down the side.",
		"Start every session with the warm-up at the top of the table.",
		"Each box is one set. Tick a box each time you finish a set. A shaded space with no boxes means that exercise is not for that day.",
		"Before and after each session, write your pain score from 0 to 10 in the boxes at the bottom. 0 means no pain at all; 10 means the worst pain you can imagine.",
		"If you miss a day, carry on with the next one. Do not do two sessions in one day to catch up.",
		"If you repeat a week, tick the spare week page that comes after every four weeks, and write on it which week you are repeating.",
		"The page number beside each exercise's dose shows where to read how to do it, and how much to do each week.",
	}, bullet)

	l.heading("How to read a dose", s.h2, keep)
	l.para("The dose beside each exercise says how much to do. These are the kinds of dose in your plan, each with an example and what it means. Between sets, rest for a short while, up to about a minute.", false, s.body)
	var key [][2]string
	for _, k := range doseKey(l.p) {
		key = append(key, [2]string{k.text, k.meaning})
	}
	l.table(key)

	traffic := func() {
		l.para("Some discomfort while you exercise is normal and safe. Score your pain from 0 to 10 and use this guide.", false, s.body)
		l.trafficTable()
	}
	l.heading("Pain: a traffic light to guide you", s.h2, l.dry(traffic)) // the guide whole under its heading
	l.found["traffic"] = l.page.Number
	traffic()

	l.heading("When to move on to the next week", s.h2, keep)
	l.para("Your body, not the calendar, decides when you move on. Go on to the next week's amounts only when this week went well: every session stayed in the green or amber zone, and any soreness had gone by the next morning. If it did not, do this week again before you move on.", false, s.body)
	l.list([]string{
		"Missed a week, or been ill? Do not jump ahead to where you would have been. Go back a week, or do the last week that went well again, and build up from there.",
		"Not sure which week to do? Ask your clinician.",
	}, bullet)

	l.y += s.para
	l.framed(thick, 0, func() {
		l.found["warnings"] = l.page.Number
		l.heading("Warning signs: stop and see a doctor quickly", s.h2, 0)
		l.para("Stop the exercises and see a doctor quickly if any of these happens to you, or if you already have one and your clinician does not know about it yet:", false, s.body)
		l.list([]string{
			"You have back pain after a fall or an accident, even a small one if you have thin bones (osteoporosis).",
			"You have chest pain, pressure in your chest, or you are short of breath. Upper back pain can come from the heart.",
			"You have a fever, chills, or you lose weight without trying.",
			"You have had cancer, or you have taken steroid medicines for a long time.",
			"Your pain is there all the time, is severe, is worse at night, or does not ease when you rest.",
			"You have numbness, tingling or weakness in your arms or legs, or trouble walking.",
			"You cannot control your bladder or bowels as usual.",
			"Your back pain is new and started before age 20 or after age 50.",
		}, bullet)
		l.para("If you have chest pain or trouble breathing, call for emergency help straight away.", true, s.body)
	})
	l.onBreak = nil
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
func doseKey(p *plan.Plan) []keyRow {
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
			rows = append(rows, keyRow{kind: k, text: clean(b.e.DoseText(b.d)), meaning: doseMeaning(b.d)})
		}
	}
	// A stronger band or a heavier weight: the first such dose met, whose
	// text says how much stronger.
	for _, w := range p.Weeks {
		for _, ses := range w.Sessions {
			for _, it := range ses.Items {
				if it.Dose.Level > 1 {
					e, _ := p.Exercise(it.Exercise)
					return append(rows, keyRow{kind: it.Dose.Kind(), heavier: true, text: clean(e.DoseText(it.Dose)),
						meaning: "Use a stronger band or a heavier weight than you started with: the dose says how much stronger. Your clinician will show you which to use."})
				}
			}
		}
	}
	return rows
}

// doseMeaning says in words what to do for a dose, and how many boxes to
// tick for it (plan.Dose.Boxes).
func doseMeaning(d plan.Dose) string {
	sets := max(d.Sets, 1)
	where := ""
	switch d.Each {
	case "side":
		where = " on each side"
	case "direction":
		where = " in each direction"
	}
	again := func(what string) string { // what, done sets times with rests
		switch sets {
		case 1:
			return what + "."
		case 2:
			return what + ", rest, then do the same again."
		}
		return fmt.Sprintf("%s, then rest. Do this %s in all.", what, times(sets))
	}
	var do string
	switch d.Kind() {
	case plan.MinutesDose:
		do = fmt.Sprintf("Keep going at an easy, steady pace for %s%s.", words.Count(d.Minutes, "minute"), where)
	case plan.TimedDose:
		do = again(fmt.Sprintf("Keep the movement going, without stopping, for %s%s", words.Count(d.Seconds, "second"), where))
	case plan.HoldsDose:
		do = again(fmt.Sprintf("Hold the position for %s, then relax; do this %s%s",
			words.Count(d.Hold, "second"), times(d.Reps), where))
	default:
		do = again(fmt.Sprintf("Do the movement %s%s", times(d.Reps), where))
	}
	tick := "Tick the box when you have done it."
	if n := d.Boxes(); n > 1 {
		tick = fmt.Sprintf("Tick one box each time you finish a set: %d boxes in all.", n)
	}
	return do + " " + tick
}

// times is "once" or "3 times".
func times(n int) string {
	if n == 1 {
		return "once"
	}
	return words.Count(n, "time")
}
