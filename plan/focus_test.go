package plan_test

import (
	"fmt"
	"slices"
	"strings"

	"github.com/backplan/backplan/plan"
)

// checkFocus checks what the package documentation promises for the
// plan's focus, and the promises every plan keeps about its roles, and
// returns the first broken promise, or "".
func checkFocus(p *plan.Plan) string {
	for _, check := range []func(*plan.Plan) string{checkNeededRoles, checkRotation, checkNeck, checkBalance, checkFocusPromise} {
		if msg := check(p); msg != "" {
			return msg
		}
	}
	return ""
}

// candidates is the candidates of the prescription's roles of the given
// name.
func candidates(p *plan.Plan, role string) []string {
	rx, _ := realCat.Prescription(p.Settings.Focus)
	var out []string
	for _, r := range rx.Roles {
		if r.Role == role {
			out = append(out, r.Candidates...)
		}
	}
	return out
}

// holds reports whether a session holds one of ids.
func holds(ses plan.Session, ids []string) bool {
	return slices.ContainsFunc(ses.Items, func(it plan.Item) bool { return slices.Contains(ids, it.Exercise) })
}

// restDays is the most training days of a week with a day of rest after
// each (no two consecutive, across the end of the week too), at most two:
// how often a needed strength role comes.
func restDays(p *plan.Plan) int {
	var offs []int
	for _, ses := range p.Weeks[0].Sessions {
		offs = append(offs, int(ses.Date.Time().Sub(p.Weeks[0].Start.Time()).Hours()+12)/24)
	}
	best := 0
	for mask := 1; mask < 1<<len(offs); mask++ {
		var pick []int
		for i, o := range offs {
			if mask&(1<<i) != 0 {
				pick = append(pick, o)
			}
		}
		ok := true
		for i := range pick {
			for j := range i {
				if d := (pick[i] - pick[j] + 7) % 7; d == 1 || d == 6 {
					ok = false
				}
			}
		}
		if ok {
			best = max(best, len(pick))
		}
	}
	return min(best, 2)
}

// promised are the roles besides the needed ones that the package
// documentation promises for a focus at every session length.
var promised = map[plan.Focus][]string{
	plan.FocusBalanced: {"trunk-endurance"},
	plan.FocusMobility: {"shoulder-blade-control"},
}

// checkNeededRoles checks that every needed or promised role of the
// prescription is in the plan: an every-day role in every session, and a
// strength or core role on at least two days a week (one where the
// training days allow no day of rest between two).
func checkNeededRoles(p *plan.Plan) string {
	rx, _ := realCat.Prescription(p.Settings.Focus)
	for _, r := range rx.Roles {
		first, _ := realCat.Lookup(r.Candidates[0])
		want := r.Priority == plan.Needed || slices.Contains(promised[p.Settings.Focus], r.Role)
		if !want || first.Category.Warmup() || first.Category == plan.Activity {
			continue
		}
		for _, w := range p.Weeks {
			n := 0
			for _, ses := range w.Sessions {
				if holds(ses, r.Candidates) {
					n++
				}
			}
			need := min(restDays(p), r.Days)
			if r.Days == plan.MaxDays || !first.Category.Loaded() {
				need = len(w.Sessions)
			}
			if n < need {
				return fmt.Sprintf("needed role: week %d has the %s role on %d days, want %d", w.Number, r.Role, n, need)
			}
		}
	}
	return ""
}

// inward and outward are the catalogue's inward and outward arm turns.
func turns(dir string) []string {
	var out []string
	for _, e := range realCat.Exercises {
		if strings.HasPrefix(e.ID, dir+"-rotation-") {
			out = append(out, e.ID)
		}
	}
	return out
}

// checkRotation checks that an inward arm turn comes only in a session
// that holds an outward one, after it, and never in a posture plan.
func checkRotation(p *plan.Plan) string {
	in, out := turns("internal"), turns("external")
	for _, w := range p.Weeks {
		for _, ses := range w.Sessions {
			i := slices.IndexFunc(ses.Items, func(it plan.Item) bool { return slices.Contains(in, it.Exercise) })
			if i < 0 {
				continue
			}
			if p.Settings.Focus == plan.FocusPosture {
				return fmt.Sprintf("inward rotation: %s in a posture plan", ses.Items[i].Exercise)
			}
			o := slices.IndexFunc(ses.Items, func(it plan.Item) bool { return slices.Contains(out, it.Exercise) })
			if o < 0 || o > i {
				return fmt.Sprintf("inward rotation: %s: %s without an outward turn before it", ses.Date, ses.Items[i].Exercise)
			}
		}
	}
	return ""
}

// checkNeck checks that neck work (an exercise whose main muscles are the
// neck's) comes only in posture and mobility plans, or when included.
func checkNeck(p *plan.Plan) string {
	f := p.Settings.Focus
	for _, e := range p.Exercises {
		if len(e.Muscles) > 0 && e.Muscles[0] == "neck" && f != plan.FocusPosture && f != plan.FocusMobility && !slices.Contains(p.Settings.Include, e.ID) {
			return fmt.Sprintf("neck work: %s in a %s plan", e.ID, f)
		}
	}
	return ""
}

// checkBalance checks that every exercise of the plan that has the patient
// stand on one foot names something to hold and draws it.
func checkBalance(p *plan.Plan) string {
	for _, e := range p.Exercises {
		if msg := balanceProblem(e); msg != "" {
			return "balance: " + msg
		}
	}
	return ""
}

// balanceProblem says what is missing for an exercise that asks for
// balance, or "".
func balanceProblem(e plan.Exercise) string {
	if e.Position != plan.Standing || e.Picture == nil || !e.Picture.LiftsAFoot() {
		return ""
	}
	if !slices.ContainsFunc(e.Needs, func(n string) bool { return strings.Contains(n, "to hold") }) {
		return fmt.Sprintf("%s has the patient on one foot but names nothing to hold", e.ID)
	}
	if !slices.Contains(e.Picture.Props, "chair") && !slices.Contains(e.Picture.Props, "wall") {
		return fmt.Sprintf("%s has the patient on one foot but draws nothing to hold", e.ID)
	}
	return ""
}

// upperBack reports whether e is strength work for the upper back.
func upperBack(e plan.Exercise) bool {
	return e.Category == plan.Strength && slices.Contains(e.Muscles, "upper-back")
}

// checkFocusPromise checks what each focus promises in the package
// documentation.
func checkFocusPromise(p *plan.Plan) string {
	s := p.Settings
	for _, w := range p.Weeks {
		for _, ses := range w.Sessions {
			var spine, ub int
			for _, it := range ses.Items {
				e, _ := p.Exercise(it.Exercise)
				if e.Category == plan.Mobility && slices.Contains(e.Muscles, "spine") {
					spine++
				}
				if upperBack(e) {
					ub++
				}
			}
			switch s.Focus {
			case plan.FocusMobility:
				if spine == 0 {
					return fmt.Sprintf("mobility: %s has nothing that moves the spine", ses.Date)
				}
			case plan.FocusStrength:
				pulls := candidates(p, "horizontal-pull")
				if ub > 0 && !holds(ses, pulls) {
					return fmt.Sprintf("strength: %s has upper-back work but no pull", ses.Date)
				}
				if s.Minutes >= 20 && holds(ses, pulls) && ub < 2 {
					return fmt.Sprintf("strength: %s has the pull and no second upper-back exercise", ses.Date)
				}
			}
		}
	}
	return ""
}
