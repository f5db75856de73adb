package plan

import "slices"

// Fitting the doses to the session. Every session of every week must take
// between three quarters of Options.Minutes and all of it. What fills it is
// what clinicians use: the walking block, more sets or holds within the
// clinical ranges, and exercises that start higher up their ladder or stop
// lower.

// fitSteps bounds the fit; a plan that needs more cannot be filled.
const fitSteps = 200

// least and most are the shortest and longest session allowed, in
// seconds: the session's printed length (its seconds rounded up to whole
// minutes) is between three quarters of its minutes and all of them.
func (b *builder) least() int { return 60*((3*b.s.Minutes+3)/4-1) + 1 }
func (b *builder) most() int  { return 60 * b.s.Minutes }

// walkSeconds is the time a walk of m minutes takes (0 for none).
func walkSeconds(m int) int {
	if m == 0 {
		return 0
	}
	return EstimateSeconds(Dose{Sets: 1, Minutes: m}, Activity)
}

// walkRange is the shortest and longest walk the plan may hold, in
// minutes; 0, 0 without one.
func (b *builder) walkRange() (lo, hi int) {
	if b.walk == nil {
		return 0, 0
	}
	return max(b.walk.e.Dose.Start.Minutes, 1), max(b.walk.e.Dose.Top.Minutes, b.walk.e.Dose.Start.Minutes, 1)
}

// warmSeconds is the time of the warm-up in week n.
func (b *builder) warmSeconds(n int) int {
	secs := 0
	for _, it := range b.warmup(n) {
		e, _ := b.c.Lookup(it.Exercise)
		secs += EstimateSeconds(it.Dose, e.Category)
	}
	return secs
}

// sessionSeconds is the planned length of day d's session in week n.
func (b *builder) sessionSeconds(d, n int) int {
	secs := b.warmSeconds(n)
	for _, p := range b.picks {
		if slices.Contains(p.days, d) {
			secs += EstimateSeconds(b.dose(p, n), p.e.Category)
		}
	}
	if b.walk != nil {
		secs += walkSeconds(b.walk.minutes)
	}
	return secs
}

// weekKind is a class of weeks that every exercise doses alike: as many
// ordinary weeks before it (past the top of every ladder, more make no
// difference), easier or not, and the same warm-up.
type weekKind struct {
	climbed int
	easy    bool
	spell   int
}

// fitter holds the time of every session while the fit runs, by day and
// kind of week.
type fitter struct {
	b     *builder
	kinds []weekKind
	warm  []int             // warm-up seconds by kind
	walk  []int             // the walks a session may take, in seconds, none first
	ways  []int             // the walks the sessions may take, all the same
	secs  map[*pick][]int   // each exercise's seconds by kind
	memo  map[*pick][][]int // its seconds by kind for each start and cap
	tot   [][]int           // each day's seconds without the walk, by kind
	least []int             // each day's shortest length: b.least(), or 0 where the catalogue cannot fill it
	lo    []int             // each day's shortest week, in seconds, without the walk
	hi    []int             // and its longest
	v     int               // how far, in seconds, all days are from fitting with the best walk
}

// fit sets each exercise's start and cap, and the walk, the same in every
// session (a week's doses agree), so that every session fits. It climbs: at each step it makes the change (a
// new start and cap for one exercise, or, when none helps, one-rung
// changes of two at once) that brings the sessions nearest to fitting,
// preferring among equals starts near the patient's level and caps that
// leave room to progress. When no change helps, it drops the least needed
// exercise of the day that runs longest over, if one may go. A plan that
// fits is then polished: changes that keep it fitting are made while they
// bring the starts nearer the patient's level and the caps nearer the top.
func (b *builder) fit() error {
	f := newFitter(b)
	for range fitSteps {
		if f.v == 0 {
			for f.polish() {
			}
			if b.walk != nil {
				b.walk.minutes = f.walkFor()
			}
			b.short = slices.Contains(f.least, 0)
			return b.checkDays()
		}
		if !f.improve() {
			if !f.drop() {
				break
			}
			f.rebuild()
		}
	}
	for _, p := range b.picks {
		if p.use == nil || slices.Contains(b.s.Include, p.e.ID) {
			return buildErr("include", "include: the included exercises do not fit in a %d-minute session", b.s.Minutes)
		}
	}
	return buildErr("minutes", "a %d-minute session cannot be filled within the clinical ranges with these options", b.s.Minutes)
}

// checkDays refuses a plan with a day that lost all its exercises.
func (b *builder) checkDays() error {
	for d := range b.offsets {
		if b.count(d) == 0 {
			return buildErr("minutes", "no exercise fits day %d of the week with these options", d+1)
		}
	}
	return nil
}

func newFitter(b *builder) *fitter {
	f := &fitter{b: b, walk: []int{0}, memo: map[*pick][][]int{}}
	longest := 0
	for _, p := range b.picks {
		longest = max(longest, len(p.vol)+PlanLevel)
	}
	for n := 1; n <= b.s.Weeks; n++ {
		w := b.weeks[n]
		k := weekKind{climbed: min(w.climbed, longest+1), easy: w.easy, spell: w.spell}
		if !slices.Contains(f.kinds, k) {
			f.kinds = append(f.kinds, k)
			f.warm = append(f.warm, b.warmSeconds(n))
		}
	}
	lo, hi := b.walkRange()
	for m := lo; m <= hi && hi > 0; m++ {
		f.walk = append(f.walk, walkSeconds(m))
	}
	f.rebuild()
	return f
}

// secsAt is p's seconds by kind of week with start s and cap c.
func (f *fitter) secsAt(p *pick, s, c int) []int {
	m := f.memo[p]
	if m == nil {
		m = make([][]int, len(p.vol)*len(p.vol))
		f.memo[p] = m
	}
	key := s*len(p.vol) + c
	if m[key] == nil {
		top := p.e.ladderLen(p.vol, s, c) - 1
		out := make([]int, len(f.kinds))
		for i, k := range f.kinds {
			climbed := k.climbed
			if k.easy {
				climbed--
			}
			d := p.e.rung(p.vol, s, c, min(max(climbed, 0), top))
			if k.easy && p.e.Category.Loaded() {
				d = p.e.eased(d)
			}
			out[i] = EstimateSeconds(d, p.e.Category)
		}
		m[key] = out
	}
	return m[key]
}

// rebuild works out every day's time afresh, and whether the sessions
// take a walk: when some day cannot fill its time without one, even with
// every exercise at its top, they take one; when some day is too long for
// the shortest walk, even with every exercise at its lowest, they take
// none; otherwise they may do either. So the climb does not stall between
// sessions too long for the shortest walk and too short without one. A
// day that cannot fill its time even with every exercise at its top and
// the longest walk (with a clinic's small catalogue) is only kept within
// it: its exercises are not pushed to their tops for nothing.
func (f *fitter) rebuild() {
	b := f.b
	days := len(b.offsets)
	sum := func(d int, secs func(p *pick) []int) []int {
		t := slices.Clone(f.warm)
		for _, p := range b.picks {
			if slices.Contains(p.days, d) {
				for k, v := range secs(p) {
					t[k] += v
				}
			}
		}
		return t
	}
	f.secs = map[*pick][]int{}
	for _, p := range b.picks {
		f.secs[p] = f.secsAt(p, p.s, p.c)
	}
	f.tot = make([][]int, days)
	f.least = make([]int, days)
	f.lo, f.hi = make([]int, days), make([]int, days)
	top := len(f.walk) - 1
	var needWalk, noWalk bool
	for d := range days {
		f.tot[d] = sum(d, func(p *pick) []int { return f.secs[p] })
		f.lo[d], f.hi[d] = slices.Min(f.tot[d]), slices.Max(f.tot[d])
		longest := slices.Min(sum(d, func(p *pick) []int { return f.secsAt(p, len(p.vol)-1, len(p.vol)-1) }))
		shortest := slices.Max(sum(d, func(p *pick) []int { return f.secsAt(p, 0, 0) }))
		f.least[d] = b.least()
		if longest+f.walk[top] < b.least() {
			f.least[d] = 0
		}
		needWalk = needWalk || (top > 0 && longest < f.least[d])
		noWalk = noWalk || (top > 0 && shortest+f.walk[1] > b.most())
	}
	switch {
	case top > 0 && slices.Contains(b.s.Include, b.walk.e.ID):
		f.ways = f.walk[1:] // the clinician included the walk: never dropped
	case needWalk && !noWalk:
		f.ways = f.walk[1:]
	case noWalk && !needWalk:
		f.ways = f.walk[:1]
	default:
		f.ways = f.walk
	}
	f.v = f.violation()
}

// walkFor returns the longest walk, in minutes (0 for none), that every
// session may take and still fit.
func (f *fitter) walkFor() int {
	best, wlo := 0, 0
	if f.b.walk != nil {
		wlo, _ = f.b.walkRange()
	}
	for i, w := range f.walk[1:] {
		if slices.Contains(f.ways, w) && f.missWith(w) == 0 {
			best = wlo + i
		}
	}
	return best
}

// span is the shortest and longest day d takes over the weeks, without
// the walk.
func (f *fitter) span(d int) (lo, hi int) { return f.lo[d], f.hi[d] }

// missWith is how far, in seconds, all days are from fitting with a walk
// of w seconds.
func (f *fitter) missWith(w int) int {
	m := 0
	for d := range f.lo {
		m += max(0, f.hi[d]+w-f.b.most()) + max(0, f.least[d]-f.lo[d]-w)
	}
	return m
}

// violation is how far, in seconds, all days are from fitting, with the
// walk that suits them best.
func (f *fitter) violation() int {
	best := -1
	for _, w := range f.ways {
		if m := f.missWith(w); best < 0 || m < best {
			best = m
		}
	}
	return best
}

// set gives p the start s and cap c, and updates the days' times.
func (f *fitter) set(p *pick, s, c int) {
	old, now := f.secs[p], f.secsAt(p, s, c)
	p.s, p.c, f.secs[p] = s, c, now
	for _, d := range p.days {
		for k := range now {
			f.tot[d][k] += now[k] - old[k]
		}
		f.lo[d], f.hi[d] = slices.Min(f.tot[d]), slices.Max(f.tot[d])
	}
	f.v = f.violation()
}

// penalty ranks plans that fit equally well: starts away from the
// patient's level count against, and so do caps below the top, the more
// the more needed the exercise.
func (f *fitter) penalty() int {
	n := 0
	for _, p := range f.b.picks {
		n += 3*abs(p.s-p.from) + (4-priority(p))*(len(p.vol)-1-p.c)
	}
	return n
}

func abs(n int) int { return max(n, -n) }

// move is a new start and cap for one exercise.
type move struct {
	p    *pick
	s, c int
}

// final is the rung of p's volume ladder its last week reaches.
func (f *fitter) final(p *pick) int {
	return min(p.s+f.b.weeks[f.b.s.Weeks].climbed, p.c)
}

// steps lists the one-rung changes of p: its start a rung up (its cap with
// it, if need be) or down, its cap a rung up or down. A cap above the rung the last week reaches
// changes nothing, so it comes down from that rung, and goes up only from
// there.
func (f *fitter) steps(p *pick) []move {
	top := f.final(p)
	var out []move
	for _, m := range [...][2]int{{p.s + 1, max(p.c, p.s+1)}, {p.s - 1, p.c}, {p.s, p.c + 1}, {p.s, top - 1}} {
		s, c := m[0], m[1]
		if s < 0 || s > c || c >= len(p.vol) || (c == p.c+1 && top < p.c) {
			continue
		}
		out = append(out, move{p, s, c})
	}
	return out
}

// try makes ms, measures the violation and the penalty, and undoes them.
func (f *fitter) try(ms ...move) (v, pen int) {
	undo := make([]move, len(ms))
	for i, m := range ms {
		undo[i] = move{m.p, m.p.s, m.p.c}
		f.set(m.p, m.s, m.c)
	}
	v, pen = f.v, f.penalty()
	for i := len(undo) - 1; i >= 0; i-- {
		f.set(undo[i].p, undo[i].s, undo[i].c)
	}
	return v, pen
}

// search returns the best change by better: first a new start and cap for
// one exercise, then, if none will do, one-rung changes of two at once.
func (f *fitter) search(better func(v, pen int) bool) []move {
	var best []move
	consider := func(ms ...move) {
		if better(f.try(ms...)) {
			best = slices.Clone(ms)
		}
	}
	var steps []move
	for _, p := range f.b.picks {
		if p.own {
			continue
		}
		for s := range len(p.vol) {
			for c := s; c < len(p.vol); c++ {
				if s != p.s || c != p.c {
					consider(move{p, s, c})
				}
			}
		}
		steps = append(steps, f.steps(p)...)
	}
	for i := 0; best == nil && i < len(steps); i++ {
		for _, m := range steps[i+1:] {
			if m.p != steps[i].p {
				consider(steps[i], m)
			}
		}
	}
	return best
}

// improve makes the change that most reduces the violation, and reports
// whether one does.
func (f *fitter) improve() bool {
	bestV, bestPen, found := f.v, 0, false
	best := f.search(func(v, pen int) bool {
		if v < bestV || (v == bestV && found && pen < bestPen) {
			bestV, bestPen, found = v, pen, true
			return true
		}
		return false
	})
	for _, m := range best {
		f.set(m.p, m.s, m.c)
	}
	return best != nil
}

// polish makes the change that most lowers the penalty of a plan that
// fits and keeps it fitting, and reports whether one does.
func (f *fitter) polish() bool {
	bestPen := f.penalty()
	best := f.search(func(v, pen int) bool {
		if v == 0 && pen < bestPen {
			bestPen = pen
			return true
		}
		return false
	})
	for _, m := range best {
		f.set(m.p, m.s, m.c)
	}
	return best != nil
}

// drop removes the least needed exercise of the day that runs longest over
// its time, if one does and one may go.
func (f *fitter) drop() bool {
	worstDay, worstOver := -1, 0
	for d := range f.b.offsets {
		_, hi := f.span(d)
		if over := hi + f.ways[0] - f.b.most(); over > worstOver {
			worstDay, worstOver = d, over
		}
	}
	var worst *pick
	for _, p := range f.b.picks {
		if p.fixed || !slices.Contains(p.days, worstDay) {
			continue
		}
		if worst == nil || priority(p) > priority(worst) || (priority(p) == priority(worst) && p.order > worst.order) {
			worst = p
		}
	}
	if worst == nil {
		return false
	}
	f.b.picks = slices.DeleteFunc(f.b.picks, func(p *pick) bool { return p == worst })
	return true
}

// priority is the priority of p's role; an included exercise counts as
// needed.
func priority(p *pick) int {
	if p.use == nil || p.fixed {
		return Needed
	}
	return p.use.Priority
}
