package plan

// The progression ladder. An exercise climbs from its starting dose to its
// top dose one step a week, in the order docs/clinical.md gives:
// repetitions first, then sets, then hold time (or seconds, or minutes),
// then resistance, a stronger band or a slightly heavier weight. Every rung
// is at least as much as the one below it in every part, so a patient never
// sees a number go down except in a planned easier week.

// Ladder returns the doses an exercise climbs through, bottom first. Warm-up
// exercises do not climb; their ladder is the starting dose alone.
func (e Exercise) Ladder() []Dose { return e.ladder(false) }

// ladder is Ladder; when longer, the climb goes on past the catalogue's
// top, for sessions with time to spare, as far as the clinical ranges
// allow (see beyondTop), before the resistance steps.
func (e Exercise) ladder(longer bool) []Dose {
	cur := e.Dose.Start
	top := e.Dose.Top
	cur.Sets = max(cur.Sets, 1)
	top.Sets = max(top.Sets, 1)
	cur.Each = e.Dose.Each
	if e.Equipment != None && e.Equipment != "" {
		cur.Level = 1
	}
	out := []Dose{cur}
	if e.Category.Warmup() {
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
	if longer {
		far := beyondTop(cur, e.Category)
		climb(&cur.Reps, far.Reps, 2)
		climb(&cur.Sets, far.Sets, 1)
		climb(&cur.Hold, far.Hold, 5)
	}
	if cur.Level > 0 {
		climb(&cur.Level, MaxLevel, 1)
	}
	return out
}

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

// startRung is where on a ladder of the given length a patient of the given
// level starts. Beginners start at the bottom; intermediate patients a
// third of the way up, still below what they will reach.
func startRung(level Level, length int) int {
	if level == Intermediate {
		return min(length/3, length-1)
	}
	return 0
}

// rung returns the ladder index for week n. climbed is how many ordinary
// weeks came before it. An easy week drops two rungs below where it would
// have been, never below the start.
func rung(start, length, climbed int, easy bool) int {
	r := min(start+climbed, length-1)
	if easy {
		r = max(start, r-2)
	}
	return r
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
