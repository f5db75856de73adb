package plan_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/backplan/backplan/internal/testenv"
	"github.com/backplan/backplan/plan"
)

// clinicalRange is what docs/clinical.md allows a category's doses to reach.
type clinicalRange struct {
	maxSets, minReps, maxReps, maxHold int
}

var clinical = map[plan.Category]clinicalRange{
	// Novice strength: 1–3 sets of 8–12 (wall angels start lower, 5–10).
	plan.Strength: {maxSets: 3, minReps: 5, maxReps: 12, maxHold: 30},
	// Core holds build to 30 s; repeated holds stay few.
	plan.Core: {maxSets: 3, minReps: 2, maxReps: 12, maxHold: 30},
	// Stretches hold 10–30 s, 2–4 times; rep-based mobility 3–10 reps.
	plan.Mobility: {maxSets: 3, minReps: 2, maxReps: 10, maxHold: 30},
}

// TestInvariantsOverEveryCombination sweeps weeks × days × focus × level ×
// equipment × floor × minutes and checks the rules every plan must keep
// (checkInvariants), what each focus guarantees (checkFocus), and that
// every exercise of the catalogue is chosen somewhere. Unless the full run
// is asked for (BACKPLAN_SLOW_TESTS=1, see internal/testenv), it
// checks one combination in 21.
func TestInvariantsOverEveryCombination(t *testing.T) {
	c := realCatalog(t)
	kits := [][]plan.Equipment{{}, {plan.Band}, {plan.Dumbbells}, {plan.Cable}, {plan.Band, plan.Dumbbells}, {plan.Band, plan.Dumbbells, plan.Cable}}
	chosen := map[string]int{}
	n, i := 0, 0
	for _, weeks := range []int{1, 2, 4, 6, 8, 12, 52} {
		for days := 1; days <= 7; days++ {
			for _, focus := range plan.Focuses {
				for _, level := range plan.Levels {
					for _, kit := range kits {
						for _, noFloor := range []bool{false, true} {
							for _, minutes := range []int{10, 15, 20, 30, 45, 90} {
								i++
								if !testenv.Full() && i%21 != 0 {
									continue
								}
								o := plan.Options{Weeks: weeks, Days: days, Focus: focus, Level: level, Equipment: kit, NoFloor: noFloor, Minutes: minutes, Today: today}
								p, err := plan.Build(c, o)
								if err != nil {
									t.Errorf("%s: %v", describe(o), err)
									continue
								}
								if msg := checkInvariants(p); msg != "" {
									t.Errorf("%s: %s", describe(o), msg)
								}
								if msg := checkFocus(p); msg != "" {
									t.Errorf("%s: %s focus: %s", describe(o), focus, msg)
								}
								for _, e := range p.Exercises {
									chosen[e.ID]++
								}
								n++
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d plans checked", n)
	for _, e := range c.Exercises {
		if chosen[e.ID] == 0 {
			t.Errorf("%s is never chosen", e.ID)
		}
	}
}

func describe(o plan.Options) string {
	return fmt.Sprintf("weeks=%d days=%d focus=%s level=%s equipment=%v no-floor=%v minutes=%d weekdays=%v", o.Weeks, o.Days, o.Focus, o.Level, o.Equipment, o.NoFloor, o.Minutes, o.Weekdays)
}

// checkInvariants returns the first broken rule, or "".
func checkInvariants(p *plan.Plan) string {
	s := p.Settings
	for _, e := range p.Exercises {
		if e.Equipment != plan.None && !slices.Contains(s.Equipment, e.Equipment) {
			return fmt.Sprintf("%s needs %s, not available", e.ID, e.Equipment)
		}
		if e.Floor && s.NoFloor {
			return fmt.Sprintf("%s is floor work", e.ID)
		}
		if e.Level == plan.Intermediate && s.Level == plan.Beginner {
			return fmt.Sprintf("%s is for intermediate patients", e.ID)
		}
	}
	if len(p.Weeks) != s.Weeks {
		return fmt.Sprintf("%d weeks, want %d", len(p.Weeks), s.Weeks)
	}
	if s.Weeks < 8 && warmups(p) > 2 {
		return fmt.Sprintf("a %d-week plan teaches %d warm-up exercises", s.Weeks, warmups(p))
	}
	if msg := checkRest(p); msg != "" {
		return msg
	}
	if msg := checkMinutes(p); msg != "" {
		return msg
	}
	lastReview := 0
	for wi, w := range p.Weeks {
		if w.Review {
			lastReview = w.Number
		}
		if w.Number-lastReview >= plan.ReviewEvery {
			return fmt.Sprintf("week %d: no review since week %d", w.Number, lastReview)
		}
		if len(w.Sessions) != s.Days {
			return fmt.Sprintf("week %d has %d sessions, want %d", w.Number, len(w.Sessions), s.Days)
		}
		for _, ses := range w.Sessions {
			if len(s.Weekdays) > 0 && !slices.Contains(s.Weekdays, ses.Date.Weekday()) {
				return fmt.Sprintf("%s is a %s, not one of %s", ses.Date, ses.Date.Weekday(), s.Weekdays)
			}
		}
		// One warm-up pair, the same every session; it changes only at
		// an easier week.
		warmOf := func(ses plan.Session) string {
			return ses.Items[0].Exercise + "+" + ses.Items[1].Exercise
		}
		for _, ses := range w.Sessions {
			if len(ses.Items) >= 2 && warmOf(ses) != warmOf(w.Sessions[0]) {
				return fmt.Sprintf("week %d: warm-up %s on %s, but %s on %s", w.Number, warmOf(ses), ses.Date, warmOf(w.Sessions[0]), w.Sessions[0].Date)
			}
		}
		if wi > 0 && !w.Easy && warmOf(w.Sessions[0]) != warmOf(p.Weeks[wi-1].Sessions[0]) {
			return fmt.Sprintf("week %d changes the warm-up outside an easier week", w.Number)
		}
		for _, ses := range w.Sessions {
			if len(ses.Items) < 3 {
				return fmt.Sprintf("%s: %d items, want a warm-up and at least one exercise", ses.Date, len(ses.Items))
			}
			first, _ := p.Exercise(ses.Items[0].Exercise)
			second, _ := p.Exercise(ses.Items[1].Exercise)
			if first.Category != plan.Cardio || second.Category != plan.Dynamic {
				return fmt.Sprintf("%s does not open with a warm-up: %s, %s", ses.Date, first.ID, second.ID)
			}
			if main := len(ses.Items) - 2; main > plan.MaxExercises(s.Minutes) {
				return fmt.Sprintf("%s: %d exercises after the warm-up, over %d", ses.Date, main, plan.MaxExercises(s.Minutes))
			}
			warm := 0
			seen := map[string]bool{}
			for _, it := range ses.Items {
				if seen[it.Exercise] {
					return fmt.Sprintf("%s: %s twice", ses.Date, it.Exercise)
				}
				seen[it.Exercise] = true
				e, ok := p.Exercise(it.Exercise)
				if !ok {
					return fmt.Sprintf("%s: unknown exercise %s", ses.Date, it.Exercise)
				}
				if e.Category.Warmup() {
					warm += it.Dose.Minutes
					continue
				}
				if r, ok := clinical[e.Category]; ok {
					d := it.Dose
					if d.Sets > r.maxSets || (d.Reps > 0 && (d.Reps < r.minReps || d.Reps > r.maxReps)) || d.Hold > r.maxHold {
						return fmt.Sprintf("%s week %d: dose %v outside the clinical range for %s", e.ID, w.Number, d, e.Category)
					}
					if d.Hold > 0 && e.Category == plan.Mobility && d.Hold < 10 {
						return fmt.Sprintf("%s week %d: stretch held %d s, under 10", e.ID, w.Number, d.Hold)
					}
				}
			}
			if warm < 5 || warm > 10 {
				return fmt.Sprintf("%s: warm-up of %d minutes, want 5–10", ses.Date, warm)
			}
		}
		if wi == 0 || w.Easy {
			continue
		}
		prev := p.Weeks[wi-1]
		for _, e := range p.Exercises {
			a, b := doseIn(prev, e.ID), doseIn(w, e.ID)
			if !a.IsZero() && !b.IsZero() && !atLeast(b, a) {
				return fmt.Sprintf("%s falls from %v in week %d to %v in week %d", e.ID, a, prev.Number, b, w.Number)
			}
			if w.Steady && a != b {
				return fmt.Sprintf("week %d is steady, but %s changes from %v to %v", w.Number, e.ID, a, b)
			}
		}
	}
	if !p.Weeks[len(p.Weeks)-1].Review {
		return "the last week has no review"
	}
	return ""
}

// checkRest checks that strength and core work for a muscle group never
// falls on two consecutive days of the calendar, from the first week to
// the last, and that a strength exercise comes at least twice a week when
// the plan has two or more days.
func checkRest(p *plan.Plan) string {
	last := map[string]plan.Date{} // muscle group → the last day it was loaded
	for _, w := range p.Weeks {
		times := map[string]int{}
		for _, ses := range w.Sessions {
			groups := map[string]string{} // group → the exercise that loads it today
			for _, it := range ses.Items {
				e, _ := p.Exercise(it.Exercise)
				if !e.Category.Loaded() {
					continue
				}
				times[e.ID]++
				gs := e.Muscles
				if len(gs) == 0 {
					gs = []string{e.ID}
				}
				for _, g := range gs {
					groups[g] = e.ID
				}
			}
			for g, id := range groups {
				if d, ok := last[g]; ok && d.AddDays(1) == ses.Date {
					return fmt.Sprintf("%s: %s works the %s muscles the day after %s did", ses.Date, id, g, d)
				}
				last[g] = ses.Date
			}
		}
		for id, n := range times {
			if e, _ := p.Exercise(id); e.Category == plan.Strength && p.Settings.Days >= 2 && len(p.Settings.Weekdays) == 0 && n < 2 {
				return fmt.Sprintf("week %d: strength exercise %s only once", w.Number, id)
			}
		}
	}
	return ""
}

// checkMinutes checks that no session runs over its budget, and that the
// longest uses at least half of it, unless the plan already teaches as
// many exercises as one session may hold, or every one that suits (then
// the catalogue, within the clinical ranges, cannot fill the time).
func checkMinutes(p *plan.Plan) string {
	s := p.Settings
	for _, w := range p.Weeks {
		for _, ses := range w.Sessions {
			if ses.Minutes > s.Minutes {
				return fmt.Sprintf("%s: about %d minutes, over %d", ses.Date, ses.Minutes, s.Minutes)
			}
		}
	}
	fit := suitable(p)
	all := fit[plan.Mobility] + fit[plan.Strength] + fit[plan.Core]
	if long := p.LongestSession(); 2*long < s.Minutes && mainExercises(p) < min(all, plan.MaxExercises(s.Minutes)) {
		return fmt.Sprintf("the longest session is %d minutes of %d, with %d exercises", long, s.Minutes, mainExercises(p))
	}
	return ""
}

// mainExercises counts the exercises a plan uses after the warm-up.
func mainExercises(p *plan.Plan) int { return len(p.Exercises) - warmups(p) }

func doseIn(w plan.Week, id string) plan.Dose {
	for _, s := range w.Sessions {
		for _, it := range s.Items {
			if it.Exercise == id {
				return it.Dose
			}
		}
	}
	return plan.Dose{}
}

// TestLadderNeverFalls checks every catalogue ladder climbs in every part.
func TestLadderNeverFalls(t *testing.T) {
	for _, e := range realCatalog(t).Exercises {
		l := e.Ladder()
		if l[0].Sets < 1 {
			t.Errorf("%s: starts with %d sets", e.ID, l[0].Sets)
		}
		for i := 1; i < len(l); i++ {
			if !atLeast(l[i], l[i-1]) || l[i] == l[i-1] {
				t.Errorf("%s: rung %d %v does not climb from %v", e.ID, i, l[i], l[i-1])
			}
		}
	}
}

// warmups counts the warm-up exercises a plan uses.
func warmups(p *plan.Plan) int {
	n := 0
	for _, e := range p.Exercises {
		if e.Category.Warmup() {
			n++
		}
	}
	return n
}

// TestEveryChoiceOfWeekdays builds a plan for every set of weekdays and
// every focus, from a Monday and from a Thursday: sessions fall only on
// the chosen days, and no muscle group works on two days in a row, across
// the turn of the week too.
func TestEveryChoiceOfWeekdays(t *testing.T) {
	c := realCatalog(t)
	for mask := 1; mask < 1<<7; mask++ {
		var days []time.Weekday
		for d := time.Sunday; d <= time.Saturday; d++ {
			if mask&(1<<d) != 0 {
				days = append(days, d)
			}
		}
		for _, focus := range plan.Focuses {
			for _, start := range []plan.Date{plan.NewDate(2026, 11, 30), plan.NewDate(2026, 12, 3)} {
				o := plan.Options{Weeks: 8, Weekdays: days, Focus: focus, Start: start, Minutes: 30, Today: today}
				p, err := plan.Build(c, o)
				if err != nil {
					t.Errorf("%s: %v", describe(o), err)
					continue
				}
				if p.Settings.Days != len(days) {
					t.Errorf("%s: %d days a week, want %d", describe(o), p.Settings.Days, len(days))
				}
				if msg := checkInvariants(p); msg != "" {
					t.Errorf("%s: %s", describe(o), msg)
				}
			}
		}
	}
}
