package render

import (
	"fmt"
	"strings"

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
		"The page number beside each exercise's dose shows where to read how to do it, and how much to do each week.",
	}, bullet)

	l.heading("How to read a dose", s.h2, keep)
	l.para("The dose says how much to do. When it has two numbers, the first is the number of sets (rounds) and the second is how many times you do the movement in each set. Rest for a short while between sets, up to about a minute. Some examples from your plan:", false, s.body)
	l.table(l.doseExamples())

	l.heading("Pain: a traffic light to guide you", s.h2, 12*s.lineH(s.body))
	l.para("Some discomfort while you exercise is normal and safe. Score your pain from 0 to 10 and use this guide.", false, s.body)
	l.table([][2]string{
		{"Go: 0 to 2", "Fine. Carry on."},
		{"Take care: 3 to 5", "This is all right, as long as the pain settles within a day (24 hours)."},
		{"Stop: above 5, or worse the next morning", "Stop that exercise. Next time, go back to last week's dose. If the pain lasts for several days, contact your clinician."},
	})

	l.y += s.para
	l.framed(thick, 0, func() {
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

// doseExamples picks up to five doses from the plan, one of each form, with
// their meaning in words.
func (l *layout) doseExamples() [][2]string {
	seen := map[string]bool{}
	var rows [][2]string
	for _, w := range l.p.Weeks {
		for _, ses := range w.Sessions {
			for _, it := range ses.Items {
				d := it.Dose
				if d.IsZero() {
					continue
				}
				k := fmt.Sprint(d.Minutes > 0, d.Seconds > 0, d.Hold > 0, d.Sets > 1, d.Each, d.Level > 1)
				if seen[k] || len(rows) == 5 {
					continue
				}
				seen[k] = true
				rows = append(rows, [2]string{d.String(), sentence(d.Words())})
			}
		}
	}
	if len(rows) == 0 {
		d := plan.Dose{Sets: 2, Reps: 10, Each: "side"}
		rows = append(rows, [2]string{d.String(), sentence(d.Words())})
	}
	for _, r := range rows {
		if strings.Contains(r[0], "level") {
			rows = append(rows, [2]string{"level 2 or 3", "A stronger band or a slightly heavier weight than you started with. Your clinician will show you which."})
			break
		}
	}
	return rows
}
