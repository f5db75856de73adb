package plan

import (
	"fmt"
	"slices"
)

// dayOffsets spreads the training days through a week, counted from the
// week's first day (a Monday unless the clinician chose another start).
var dayOffsets = [...][]int{
	1: {0},
	2: {0, 3},
	3: {0, 2, 4},
	4: {0, 1, 3, 4},
	5: {0, 1, 2, 3, 4},
	6: {0, 1, 2, 3, 4, 5},
	7: {0, 1, 2, 3, 4, 5, 6},
}

// focusPattern is the order in which each focus draws exercises from the
// categories when it fills a plan: the first entries are the ones it cares
// about most.
var focusPattern = map[Focus][]Category{
	FocusBalanced: {Mobility, Strength, Core, Mobility, Strength, Core},
	FocusMobility: {Mobility, Mobility, Strength, Mobility, Core, Mobility},
	FocusPosture:  {Strength, Mobility, Strength, Strength, Core, Mobility},
	FocusStrength: {Strength, Strength, Mobility, Core, Strength, Core},
	FocusCore:     {Core, Mobility, Core, Strength, Core, Mobility},
}

// MaxExercises is the most main exercises (after the warm-up) one session
// holds. Adherence falls as the list grows, so it stays short: two in a
// ten-minute session, four in the usual twenty to thirty-five, never more
// than five.
func MaxExercises(minutes int) int {
	switch {
	case minutes < 15:
		return 2
	case minutes < 20:
		return 3
	case minutes < 40:
		return 4
	}
	return 5
}

// warmupTopFrom is the session length from which the warm-up uses its top
// dose (a longer warm-up) rather than its starting one.
const warmupTopFrom = 30

// Build turns the catalogue and the options into a plan. The same catalogue
// and options always give the same plan.
func Build(c *Catalog, o Options) (*Plan, error) {
	s, err := o.resolve(c)
	if err != nil {
		return nil, err
	}
	b := &builder{c: c, s: s}
	if err := b.choose(); err != nil {
		return nil, err
	}
	if err := b.schedule(); err != nil {
		return nil, err
	}
	p := b.plan()
	p.Patient = o.Patient
	return p, nil
}

type builder struct {
	c *Catalog
	s Settings

	cardio, dynamic []Exercise // warm-up rotations
	main            []Exercise // candidates, most wanted first
	offsets         []int
	groups          [][]int // day indexes (into offsets) that loaded work may share
	days            [][]Exercise
	ladders         map[string][]Dose
	top             map[string]Dose // the highest dose each exercise reaches in this plan
}

// suits reports why an exercise does not suit the settings ("" if it does).
func (b *builder) suits(e Exercise) string {
	switch {
	case e.Equipment != None && !slices.Contains(b.s.Equipment, e.Equipment):
		return fmt.Sprintf("needs %s, which is not in the equipment", e.Equipment.Noun())
	case e.Floor && b.s.NoFloor:
		return "is floor work, and floor work is off"
	case e.Level == Intermediate && b.s.Level == Beginner:
		return "is for intermediate patients"
	}
	return ""
}

// choose picks the candidate exercises and orders them by the focus.
func (b *builder) choose() error {
	included := map[string]bool{}
	families := map[string]string{} // family → chosen id
	for _, id := range b.s.Include {
		e, _ := b.c.Lookup(id)
		if why := b.suits(e); why != "" {
			return optErr("include", "include: exercise %q %s", id, why)
		}
		if e.Family != "" {
			if other, ok := families[e.Family]; ok {
				return optErr("include", "include: %q and %q are variants of one exercise; include one", other, id)
			}
			families[e.Family] = id
		}
		included[id] = true
	}
	// A family contributes the first variant that suits, in catalogue
	// order, preferring one made for the patient's level.
	for _, want := range []Level{b.s.Level, Beginner} {
		for _, e := range b.c.Exercises {
			if e.Family == "" || families[e.Family] != "" || slices.Contains(b.s.Exclude, e.ID) {
				continue
			}
			if e.Level == want && b.suits(e) == "" {
				families[e.Family] = e.ID
			}
		}
	}
	queues := map[Category][]Exercise{}
	var forced []Exercise
	for _, e := range b.c.Exercises {
		if slices.Contains(b.s.Exclude, e.ID) || b.suits(e) != "" {
			continue
		}
		if e.Family != "" && families[e.Family] != e.ID {
			continue
		}
		switch {
		case e.Category == Cardio:
			b.cardio = append(b.cardio, e)
		case e.Category == Dynamic:
			b.dynamic = append(b.dynamic, e)
		case included[e.ID]:
			forced = append(forced, e)
		default:
			queues[e.Category] = append(queues[e.Category], e)
		}
	}
	if len(b.cardio)+len(b.dynamic) == 0 {
		return buildErr("catalog", "the catalogue has no warm-up exercise that suits these options")
	}
	// Within a category, exercises tagged with the focus come first.
	for cat, q := range queues {
		slices.SortStableFunc(q, func(x, y Exercise) int {
			return boolRank(slices.Contains(y.Focus, b.s.Focus)) - boolRank(slices.Contains(x.Focus, b.s.Focus))
		})
		queues[cat] = q
	}
	// Forced exercises keep the order the clinician gave.
	slices.SortStableFunc(forced, func(x, y Exercise) int {
		return slices.Index(b.s.Include, x.ID) - slices.Index(b.s.Include, y.ID)
	})
	b.main = forced
	pattern := focusPattern[b.s.Focus]
	for left := true; left; {
		left = false
		for _, cat := range pattern {
			if q := queues[cat]; len(q) > 0 {
				b.main = append(b.main, q[0])
				queues[cat] = q[1:]
				left = true
			}
		}
	}
	return nil
}

func boolRank(v bool) int {
	if v {
		return 1
	}
	return 0
}

// rungFor returns the ladder rung of an exercise in week n (1-based).
func (b *builder) rungFor(ladder []Dose, n int) int {
	climbed := 0
	for w := 1; w < n; w++ {
		if !easyWeek(w, b.s.Weeks) {
			climbed++
		}
	}
	return rung(startRung(b.s.Level, len(ladder)), len(ladder), climbed, easyWeek(n, b.s.Weeks))
}

func (b *builder) warmupDose(e Exercise) Dose {
	d := e.Dose.Start
	if b.s.Minutes >= warmupTopFrom {
		d = e.Dose.Top
	}
	d.Sets = max(d.Sets, 1)
	d.Each = e.Dose.Each
	return d
}

// schedule places the candidates on the days of a week. Every week uses the
// same pattern; only the doses change.
func (b *builder) schedule() error {
	b.offsets = dayOffsets[b.s.Days]
	b.groups = loadGroups(b.offsets)
	b.days = make([][]Exercise, len(b.offsets))
	b.ladders = map[string][]Dose{}
	b.top = map[string]Dose{}
	for _, e := range b.main {
		l := e.Ladder()
		b.ladders[e.ID] = l
		top := l[0]
		for n := 1; n <= b.s.Weeks; n++ {
			if r := b.rungFor(l, n); EstimateSeconds(l[r], e.Category) > EstimateSeconds(top, e.Category) {
				top = l[r]
			}
		}
		b.top[e.ID] = top
	}
	budget := b.s.Minutes * 60
	limit := MaxExercises(b.s.Minutes)
	// Every session starts with its week's warm-up; leave room for the
	// longest of them.
	warm := 0
	for n := 1; n <= b.s.Weeks; n++ {
		secs := 0
		for _, w := range b.warmup(n) {
			secs += EstimateSeconds(b.warmupDose(w), w.Category)
		}
		warm = max(warm, secs)
	}
	used := make([]int, len(b.offsets))
	for d := range used {
		used[d] = warm
	}
	if used[0] >= budget {
		return buildErr("minutes", "a %d-minute session has no time left after the warm-up", b.s.Minutes)
	}
	need := min(2, len(b.offsets))
	fits := func(d int, e Exercise) bool {
		return len(b.days[d]) < limit && used[d]+EstimateSeconds(b.top[e.ID], e.Category) <= budget
	}
	for _, e := range b.main {
		cost := EstimateSeconds(b.top[e.ID], e.Category)
		var choices [][]int
		if e.Category.Loaded() {
			// Try the group with the most room first.
			groups := slices.Clone(b.groups)
			slices.SortStableFunc(groups, func(x, y []int) int { return room(used, x) - room(used, y) })
			slices.Reverse(groups)
			choices = groups
		} else {
			all := make([]int, len(b.offsets))
			for i := range all {
				all[i] = i
			}
			choices = [][]int{all}
		}
		placed := false
		for _, days := range choices {
			var on []int
			for _, d := range days {
				if fits(d, e) {
					on = append(on, d)
				}
			}
			if len(on) >= min(need, len(days)) && len(on) > 0 {
				for _, d := range on {
					b.days[d] = append(b.days[d], e)
					used[d] += cost
				}
				placed = true
				break
			}
		}
		if !placed && slices.Contains(b.s.Include, e.ID) {
			return buildErr("include", "include: exercise %q does not fit in a %d-minute session", e.ID, b.s.Minutes)
		}
	}
	for d, list := range b.days {
		if len(list) == 0 {
			return buildErr("minutes", "no exercise fits day %d of the week with these options", d+1)
		}
		// Mobility before strength before core; otherwise as chosen.
		slices.SortStableFunc(list, func(x, y Exercise) int {
			return slices.Index(Categories, x.Category) - slices.Index(Categories, y.Category)
		})
	}
	return nil
}

// room is the seconds left on the fullest day of a group (smaller is worse).
func room(used []int, days []int) int {
	worst := 0
	for _, d := range days {
		worst = max(worst, used[d])
	}
	return -worst
}

// loadGroups splits the training days into groups with no two consecutive
// days, so that strength work gets a rest day between sessions. When no two
// training days touch, one group holds them all.
func loadGroups(offsets []int) [][]int {
	all := make([]int, len(offsets))
	touching := false
	for i := range offsets {
		all[i] = i
		if i > 0 && offsets[i]-offsets[i-1] == 1 {
			touching = true
		}
	}
	if !touching {
		return [][]int{all}
	}
	var a, c []int
	for i := range offsets {
		if i%2 == 0 {
			a = append(a, i)
		} else {
			c = append(c, i)
		}
	}
	return [][]int{a, c}
}

// warmup returns the warm-up of week n: one cardio and one dynamic
// exercise, the same every session of the week, so the patient learns one
// short routine at a time, and the next pair the week after.
func (b *builder) warmup(n int) []Exercise {
	var out []Exercise
	if len(b.cardio) > 0 {
		out = append(out, b.cardio[(n-1)%len(b.cardio)])
	}
	if len(b.dynamic) > 0 {
		out = append(out, b.dynamic[(n-1)%len(b.dynamic)])
	}
	return out
}

func (b *builder) plan() *Plan {
	p := &Plan{Settings: b.s}
	seen := map[string]bool{}
	for n := 1; n <= b.s.Weeks; n++ {
		wk := Week{Number: n, Start: b.s.Start.AddDays(7 * (n - 1)), Easy: easyWeek(n, b.s.Weeks)}
		for d, off := range b.offsets {
			ses := Session{Date: wk.Start.AddDays(off)}
			secs := 0
			add := func(e Exercise, dose Dose) {
				ses.Items = append(ses.Items, Item{Exercise: e.ID, Dose: dose})
				secs += EstimateSeconds(dose, e.Category)
				if !seen[e.ID] {
					seen[e.ID] = true
					p.Exercises = append(p.Exercises, e)
				}
			}
			for _, e := range b.warmup(n) {
				add(e, b.warmupDose(e))
			}
			for _, e := range b.days[d] {
				l := b.ladders[e.ID]
				add(e, l[b.rungFor(l, n)])
			}
			ses.Minutes = (secs + 59) / 60
			wk.Sessions = append(wk.Sessions, ses)
		}
		p.Weeks = append(p.Weeks, wk)
	}
	return p
}
