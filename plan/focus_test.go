package plan_test

import (
	"fmt"
	"slices"

	"github.com/backplan/backplan/plan"
)

// checkFocus checks what the package documentation promises for the
// plan's focus, and returns the first broken promise, or "".
func checkFocus(p *plan.Plan) string {
	s := p.Settings
	cats := mainCategories(p)
	room := plan.MaxExercises(s.Minutes) // at 20 minutes or more, room for 4
	for _, w := range p.Weeks {
		// days on which the week has strength work, upper-back strength
		// work, and core work
		var strength, upper, core int
		for _, ses := range w.Sessions {
			var main, mobility, spine int
			var hasStrength, hasUpper, hasCore bool
			for _, it := range ses.Items {
				e, _ := p.Exercise(it.Exercise)
				if e.Category.Warmup() {
					continue
				}
				main++
				switch e.Category {
				case plan.Mobility:
					mobility++
					if slices.Contains(e.Muscles, "spine") {
						spine++
					}
				case plan.Strength:
					hasStrength = true
					hasUpper = hasUpper || slices.Contains(e.Muscles, "upper-back")
				case plan.Core:
					hasCore = true
				}
			}
			if hasStrength {
				strength++
			}
			if hasUpper {
				upper++
			}
			if hasCore {
				core++
			}
			if s.Focus == plan.FocusMobility {
				if 2*mobility < main {
					return fmt.Sprintf("%s: %d of %d exercises are mobility", ses.Date, mobility, main)
				}
				if !s.NoFloor && spine < 2 {
					return fmt.Sprintf("%s: %d exercises move the spine, want 2", ses.Date, spine)
				}
			}
		}
		twice := min(2, s.Days)
		switch s.Focus {
		case plan.FocusPosture:
			if upper < twice {
				return fmt.Sprintf("week %d: upper-back strength on %d days, want %d", w.Number, upper, twice)
			}
		case plan.FocusStrength:
			if strength < twice {
				return fmt.Sprintf("week %d: strength work on %d days, want %d", w.Number, strength, twice)
			}
		case plan.FocusCore:
			if !s.NoFloor && core < twice {
				return fmt.Sprintf("week %d: core work on %d days, want %d", w.Number, core, twice)
			}
		}
	}
	fit := suitable(p)
	switch {
	case s.Focus == plan.FocusBalanced && room >= 4 && (cats[plan.Mobility] == 0 || cats[plan.Strength] == 0 || (fit[plan.Core] > 0 && cats[plan.Core] == 0)):
		return fmt.Sprintf("not every kind of work: %v", cats)
	case s.Focus == plan.FocusStrength && room >= 4 && cats[plan.Strength] < min(2, fit[plan.Strength]):
		return fmt.Sprintf("%d strength exercises, want 2", cats[plan.Strength])
	case s.Focus == plan.FocusCore && room >= 4 && cats[plan.Core] < min(2, fit[plan.Core]):
		return fmt.Sprintf("%d core exercises, want 2", cats[plan.Core])
	}
	return ""
}

// suitable counts, by category, the catalogue's exercises that suit the
// plan's settings (equipment, floor, level), one to a family: what the
// planner could have chosen from. The real catalogue is loaded by then:
// every plan checked was built from it.
func suitable(p *plan.Plan) map[plan.Category]int {
	s := p.Settings
	n := map[plan.Category]int{}
	families := map[string]bool{}
	for _, e := range realCat.Exercises {
		switch {
		case e.Equipment != plan.None && !slices.Contains(s.Equipment, e.Equipment),
			e.Floor && s.NoFloor,
			e.Level == plan.Intermediate && s.Level == plan.Beginner,
			slices.Contains(s.Exclude, e.ID),
			e.Family != "" && families[e.Family]:
			continue
		}
		if e.Family != "" {
			families[e.Family] = true
		}
		n[e.Category]++
	}
	return n
}
