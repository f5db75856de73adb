package plan_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/backplan/backplan/plan"
)

// clinicalRange is what CLINICAL.md allows a category's doses to reach.
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
// equipment × floor and checks the rules every plan must keep.
func TestInvariantsOverEveryCombination(t *testing.T) {
	if testing.Short() {
		t.Skip("sweep skipped in -short mode")
	}
	c := realCatalog(t)
	kits := [][]plan.Equipment{{}, {plan.Band}, {plan.Band, plan.Dumbbells}, {plan.Band, plan.Dumbbells, plan.Cable}}
	n := 0
	for _, weeks := range []int{1, 2, 4, 6, 8, 12, 52} {
		for days := 1; days <= 7; days++ {
			for _, focus := range plan.Focuses {
				for _, level := range plan.Levels {
					for _, kit := range kits {
						for _, noFloor := range []bool{false, true} {
							o := plan.Options{Weeks: weeks, Days: days, Focus: focus, Level: level, Equipment: kit, NoFloor: noFloor, Today: today}
							p, err := plan.Build(c, o)
							if err != nil {
								t.Errorf("%s: %v", describe(o), err)
								continue
							}
							if msg := checkInvariants(p); msg != "" {
								t.Errorf("%s: %s", describe(o), msg)
							}
							n++
						}
					}
				}
			}
		}
	}
	t.Logf("%d plans checked", n)
}

func describe(o plan.Options) string {
	return fmt.Sprintf("weeks=%d days=%d focus=%s level=%s equipment=%v no-floor=%v", o.Weeks, o.Days, o.Focus, o.Level, o.Equipment, o.NoFloor)
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
	for wi, w := range p.Weeks {
		if len(w.Sessions) != s.Days {
			return fmt.Sprintf("week %d has %d sessions, want %d", w.Number, len(w.Sessions), s.Days)
		}
		loadedDays := map[string][]int{} // exercise → day offsets in the week
		// One warm-up a week, the same every session, so the grid shows
		// it once; the next week brings the next pair.
		warmOf := func(ses plan.Session) string {
			return ses.Items[0].Exercise + "+" + ses.Items[1].Exercise
		}
		for _, ses := range w.Sessions {
			if len(ses.Items) >= 2 && warmOf(ses) != warmOf(w.Sessions[0]) {
				return fmt.Sprintf("week %d: warm-up %s on %s, but %s on %s", w.Number, warmOf(ses), ses.Date, warmOf(w.Sessions[0]), w.Sessions[0].Date)
			}
		}
		if wi > 0 && len(w.Sessions[0].Items) >= 2 && len(p.Weeks[wi-1].Sessions[0].Items) >= 2 {
			if warmOf(w.Sessions[0]) == warmOf(p.Weeks[wi-1].Sessions[0]) && len(p.Exercises) > 0 && warmups(p) > 2 {
				return fmt.Sprintf("week %d repeats the warm-up of week %d", w.Number, w.Number-1)
			}
		}
		for _, ses := range w.Sessions {
			if ses.Minutes > s.Minutes {
				return fmt.Sprintf("%s: about %d minutes, over %d", ses.Date, ses.Minutes, s.Minutes)
			}
			if len(ses.Items) < 3 {
				return fmt.Sprintf("%s: %d items, want a warm-up and at least one exercise", ses.Date, len(ses.Items))
			}
			first, _ := p.Exercise(ses.Items[0].Exercise)
			second, _ := p.Exercise(ses.Items[1].Exercise)
			if first.Category != plan.Cardio || second.Category != plan.Dynamic {
				return fmt.Sprintf("%s does not open with a warm-up: %s, %s", ses.Date, first.ID, second.ID)
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
				if e.Category.Loaded() {
					off := int(ses.Date.Time().Sub(w.Start.Time()).Hours() / 24)
					loadedDays[e.ID] = append(loadedDays[e.ID], off)
				}
			}
			if warm < 5 || warm > 10 {
				return fmt.Sprintf("%s: warm-up of %d minutes, want 5–10", ses.Date, warm)
			}
		}
		for id, offs := range loadedDays {
			for i := 1; i < len(offs); i++ {
				if offs[i]-offs[i-1] == 1 {
					return fmt.Sprintf("week %d: %s on consecutive days %v", w.Number, id, offs)
				}
			}
			if e, _ := p.Exercise(id); e.Category == plan.Strength && s.Days >= 2 && len(offs) < 2 {
				return fmt.Sprintf("week %d: strength exercise %s only %d time(s)", w.Number, id, len(offs))
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
		}
	}
	return ""
}

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
