package plan

// The progression ladder. An exercise climbs from its starting dose one
// step a week, in the order docs/clinical.md gives for novices: repetitions
// first, then sets, then hold time (or seconds, or minutes), then, for band,
// dumbbell and cable work, one resistance step (a stronger band or a
// slightly heavier weight). Every rung is at least as much as the one below
// it in every part, so a patient never sees a number go down except in a
// planned easier week, and an easier week lowers repetitions or holds, never
// the band.

// Ladder returns the doses an exercise climbs through from its catalogue
// start to its catalogue top, then up the resistance step, bottom first.
// Warm-up and activity exercises do not climb; their ladder is the starting
// dose alone.
func (e Exercise) Ladder() []Dose {
	vol := e.volume(false)
	return e.withLevels(vol, 0, len(vol)-1)
}

// volume is the exercise's ladder without resistance steps. Past the
// catalogue's top, when far is set, it goes on as far as the clinical ranges
// allow (see beyondTop): the planner uses those rungs only to fill a longer
// session.
func (e Exercise) volume(far bool) []Dose {
	cur := e.Dose.Start
	top := e.Dose.Top
	cur.Sets = max(cur.Sets, 1)
	top.Sets = max(top.Sets, 1)
	cur.Each = e.Dose.Each
	if e.resisted() {
		cur.Level = 1
	}
	out := []Dose{cur}
	if !e.Category.climbs() {
		return out
	}
	climb := func(field *int, limit, step int) {
		for *field < limit {
			*field = min(*field+step, limit)
			out = append(out, cur)
		}
	}
	climb(&cur.Reps, top.Reps, stepOf(top.Reps-cur.Reps, 4, 2))
	climb(&cur.Sets, top.Sets, 1)
	climb(&cur.Hold, top.Hold, stepOf(top.Hold-cur.Hold, 10, 5))
	climb(&cur.Seconds, top.Seconds, stepOf(top.Seconds-cur.Seconds, 10, 5))
	climb(&cur.Minutes, top.Minutes, 1)
	if far {
		beyond := beyondTop(cur, e.Category)
		climb(&cur.Reps, beyond.Reps, 2)
		climb(&cur.Sets, beyond.Sets, 1)
		climb(&cur.Hold, beyond.Hold, 5)
	}
	return out
}

// PlanLevel is the highest resistance level a plan climbs to: one step
// above the patient's own band or weight, once the repetitions and sets
// are at their top. A further step is the clinician's call at a review.
const PlanLevel = 2

// withLevels is the rungs vol[from..to] followed, for resisted work, by the
// resistance step at vol[to]: the ladder a plan climbs.
func (e Exercise) withLevels(vol []Dose, from, to int) []Dose {
	out := append([]Dose(nil), vol[from:to+1]...)
	if e.resisted() {
		d := vol[to]
		for d.Level < PlanLevel {
			d.Level++
			out = append(out, d)
		}
	}
	return out
}

// ladderLen is len(e.withLevels(vol, from, to)), without building it.
func (e Exercise) ladderLen(vol []Dose, from, to int) int {
	n := to - from + 1
	if e.resisted() {
		n += max(PlanLevel-vol[to].Level, 0)
	}
	return n
}

// rung is e.withLevels(vol, from, to)[r], without building the ladder.
func (e Exercise) rung(vol []Dose, from, to, r int) Dose {
	if from+r <= to {
		return vol[from+r]
	}
	d := vol[to]
	d.Level += from + r - to
	return d
}

// resisted reports whether the exercise works against a band or weight.
func (e Exercise) resisted() bool { return e.Equipment != None && e.Equipment != "" }

// climbs reports whether exercises of the category climb a ladder: the
// warm-up and general activity keep one dose, which the planner sets from
// the session's length.
func (c Category) climbs() bool { return !c.Warmup() && c != Activity }

// stepOf returns big when the distance to climb is at least atLeast, else 1
// (holds and seconds) or the small natural step.
func stepOf(distance, atLeast, big int) int {
	if distance >= atLeast {
		return big
	}
	return 1
}

// ConsolidationEvery is how often a long plan takes an easier week.
const ConsolidationEvery = 4

// easyWeek reports whether week n (1-based) of a plan of the given length is
// a consolidation week: every fourth week of plans of six weeks or more,
// never the last week.
func easyWeek(n, weeks int) bool {
	return weeks >= 6 && n%ConsolidationEvery == 0 && n != weeks
}

// levelStart is where on its catalogue ladder a patient of the given level
// starts. Beginners start at the bottom; intermediate patients a third of
// the way up (counting the resistance steps), below the catalogue's top.
func (e Exercise) levelStart(level Level) int {
	if level != Intermediate {
		return 0
	}
	vol := e.volume(false)
	return min(len(e.Ladder())/3, len(vol)-1)
}

// eased is the dose of an easier week after the dose d: about two thirds
// of its repetitions (or holds, or seconds, or hold time), never below the
// catalogue's start, or else one set fewer; always the same band or
// weight. A dose that cannot come down stays as it is.
func (e Exercise) eased(d Dose) Dose {
	floor := e.Dose.Start
	third := func(n, least int) int { return max(least, n*2/3) }
	was := d
	switch d.Kind() {
	case RepsDose:
		d.Reps = third(d.Reps, floor.Reps)
	case HoldsDose:
		d.Reps = third(d.Reps, floor.Reps)
		if d == was {
			d.Hold = max(floor.Hold, (d.Hold*2/3+4)/5*5)
			d.Hold = min(d.Hold, was.Hold)
		}
	case TimedDose:
		d.Seconds = third(d.Seconds, floor.Seconds)
	}
	if d == was && d.Sets > max(floor.Sets, 1) {
		d.Sets--
	}
	return d
}

// beyondTop is how far a longer session takes a top dose, within the
// ranges of docs/clinical.md: strength and core work up to 3 sets; stretches
// held up to 4 times; other holds up to 2 more, at most 12; holds of 15 s
// or more up to 30 s; timed movements up to 3 sets. Rep-counted mobility
// work stays where the catalogue tops it.
func beyondTop(d Dose, c Category) Dose {
	switch d.Kind() {
	case RepsDose:
		if c.Loaded() {
			d.Sets = max(d.Sets, 3)
		}
	case TimedDose:
		d.Sets = max(d.Sets, 3)
	case HoldsDose:
		if c == Mobility {
			d.Reps = max(d.Reps, 4)
		} else {
			d.Reps = max(d.Reps, min(d.Reps+2, 12))
		}
		if d.Hold >= 15 {
			d.Hold = max(d.Hold, 30)
		}
	}
	return d
}
