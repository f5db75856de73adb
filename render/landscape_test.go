package render_test

import (
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestWorstWeek: pages never turn on their side (the landscape look was
// never chosen for any plan the limits allow, and is gone). A full week a
// planner makes (plan.MaxWeekRows exercises on seven days) stays on one
// upright page in large print on either paper. Such a week at its widest
// and tallest (names of plan.MaxExerciseName characters, plan.MaxSets
// boxes on every day, the longest notes) flows on to at most two more
// pages, and its PDF is valid.
func TestWorstWeek(t *testing.T) {
	c := realCatalog(t)
	p := build(t, c, plan.Options{Weeks: 2, Days: 7, Minutes: 45, Focus: plan.FocusCore})
	if got := len(p.Exercises); got != plan.MaxWeekRows {
		t.Fatalf("the plan has %d exercises, want a full week of %d", got, plan.MaxWeekRows)
	}
	weekPages := func(p *plan.Plan, o render.Options) (week1, week2, spare int) {
		d, err := rend.Layout(p, o)
		if err != nil {
			t.Fatal(err)
		}
		return markPage(d, "Week 1:"), markPage(d, "Week 2:"), markPage(d, "Spare week page")
	}
	for _, paper := range []render.Paper{render.A4, render.Letter} {
		o := render.Options{Paper: paper, LargePrint: true}
		if w1, w2, spare := weekPages(p, o); w2 != w1+1 || spare != w2+1 {
			t.Errorf("%s: weeks on pages %d and %d, the spare on %d: a planned week runs past its page", paper, w1, w2, spare)
		}
	}

	worst := *p
	worst.Patient.Notes = strings.Repeat("Walk every day. ", plan.MaxNotesLength/16)
	worst.Exercises = append([]plan.Exercise(nil), p.Exercises...)
	for i := range worst.Exercises {
		worst.Exercises[i].Name = strings.Repeat("Wwwwwwwwwwwwwwwwwww ", plan.MaxExerciseName/20)[:plan.MaxExerciseName]
	}
	worst.Weeks = nil
	for _, w := range p.Weeks {
		w.Sessions = append([]plan.Session(nil), w.Sessions...)
		for d := range w.Sessions {
			w.Sessions[d].Items = append([]plan.Item(nil), w.Sessions[d].Items...)
			for i := range w.Sessions[d].Items {
				w.Sessions[d].Items[i].Dose.Sets = plan.MaxSets
			}
		}
		worst.Weeks = append(worst.Weeks, w)
	}
	for _, paper := range []render.Paper{render.A4, render.Letter} {
		o := render.Options{Paper: paper, LargePrint: true}
		if w1, w2, spare := weekPages(&worst, o); w2-w1 > 3 || spare-w2 > 3 || w1 == 0 {
			t.Errorf("%s: the worst weeks on pages %d and %d, the spare on %d: more than three pages a week", paper, w1, w2, spare)
		}
		validate(t, pdfBytes(t, &worst, o))
	}
}

// markPage is the page of the first bookmark that starts with prefix.
func markPage(d *render.Document, prefix string) int {
	for _, pg := range d.Pages {
		for _, m := range pg.Marks {
			if len(m.Title) >= len(prefix) && m.Title[:len(prefix)] == prefix {
				return pg.Number
			}
		}
	}
	return 0
}
