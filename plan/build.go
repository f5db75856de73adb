package plan

import (
	"fmt"
	"slices"
)

// focusPattern is the order in which each focus draws exercises from the
// categories when it fills a plan: the first entries are the ones it cares
// about most.
var focusPattern = map[Focus][]Category{
	FocusBalanced: {Mobility, Strength, Core, Mobility, Strength, Core},
	FocusMobility: {Mobility, Mobility, Mobility, Mobility, Strength, Core},
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

// maxPlanExercises is the most main exercises a whole plan teaches. Where
// strength days and other days alternate, each kind of day has room for
// one more of its own.
func maxPlanExercises(minutes int, split bool) int {
	if split {
		return MaxExercises(minutes) + 2
	}
	return MaxExercises(minutes)
}

// longerFrom is the session length from which the warm-up uses its top
// dose and exercises climb past their catalogue top (more sets, more or
// longer holds), within the clinical ranges.
const longerFrom = 30

// Build turns the catalogue and the options into a plan. The same catalogue
// and options always give the same plan.
func Build(c *Catalog, o Options) (*Plan, error) {
	if err := o.Patient.Validate(); err != nil {
		return nil, err
	}
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

	cardio, dynamic []Exercise              // warm-up choices, most wanted first
	forced          []Exercise              // included by the clinician, in the order given
	queues          map[Category][]Exercise // the other candidates, most wanted first
	offsets         []int                   // training days, counted from the week's first day
	sets            [2][]int                // day indexes that strength work may share (see restSets)
	days            [][]Exercise
	ladders         map[string][]Dose
	top             map[string]Dose // the longest dose each exercise reaches in this plan
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

// focusRank orders exercises for a focus: those whose focus list names it
// first, then those that name it later, then the rest.
func focusRank(e Exercise, f Focus) int {
	if i := slices.Index(e.Focus, f); i >= 0 {
		return i
	}
	return len(Focuses)
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
	byFocus := func(x, y Exercise) int { return focusRank(x, b.s.Focus) - focusRank(y, b.s.Focus) }
	slices.SortStableFunc(b.cardio, byFocus)
	slices.SortStableFunc(b.dynamic, byFocus)
	for _, q := range queues {
		slices.SortStableFunc(q, byFocus)
	}
	// Included exercises keep the order the clinician gave.
	slices.SortStableFunc(forced, func(x, y Exercise) int {
		return slices.Index(b.s.Include, x.ID) - slices.Index(b.s.Include, y.ID)
	})
	b.forced = forced
	b.queues = queues
	return nil
}

// warmupSpell is the 0-based spell of warm-up pairs that week n belongs
// to. A plan teaches one warm-up pair and keeps it: a long plan changes it
// at every fourth easier week (weeks 16, 32 and so on), when the doses drop
// back and there is room to learn something new, but never in its last
// warmupKeep weeks, so that a new pair is not learnt only to be dropped.
func (b *builder) warmupSpell(n int) int {
	spell, easy := 0, 0
	for w := 1; w <= n; w++ {
		if !easyWeek(w, b.s.Weeks) {
			continue
		}
		easy++
		if easy%warmupEvery == 0 && w <= b.s.Weeks-warmupKeep {
			spell++
		}
	}
	return spell
}

// A long plan changes its warm-up pair at every warmupEvery-th easier week,
// unless fewer than warmupKeep weeks are left.
const (
	warmupEvery = 4
	warmupKeep  = 8
)

// warmup returns the warm-up of week n: one cardio and one dynamic
// exercise, the same every session.
func (b *builder) warmup(n int) []Exercise {
	k := b.warmupSpell(n)
	var out []Exercise
	if len(b.cardio) > 0 {
		out = append(out, b.cardio[k%len(b.cardio)])
	}
	if len(b.dynamic) > 0 {
		out = append(out, b.dynamic[k%len(b.dynamic)])
	}
	return out
}

func (b *builder) warmupDose(e Exercise) Dose {
	d := e.Dose.Start
	if b.s.Minutes >= longerFrom {
		d = e.Dose.Top
	}
	d.Sets = max(d.Sets, 1)
	d.Each = e.Dose.Each
	return d
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
