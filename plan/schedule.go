package plan

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
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

// trainingOffsets returns the training days of a week that starts on
// start, counted from that day: the chosen weekdays when there are any,
// else the days spread through the week.
func trainingOffsets(s Settings) []int {
	if len(s.Weekdays) == 0 {
		return dayOffsets[s.Days]
	}
	var out []int
	for _, wd := range s.Weekdays {
		out = append(out, (int(wd)-int(s.Start.Weekday())+7)%7)
	}
	slices.Sort(out)
	return out
}

// ReviewEvery is the longest run of weeks without a prompt to see the
// clinician again; the last week of a plan always has one.
const ReviewEvery = 6

// adjacent reports whether two training days, counted from the start of a
// week, are consecutive days of the calendar, across the end of the week
// too (the last day of one week and the first of the next).
func adjacent(a, b int) bool {
	d := (b - a + 7) % 7
	return d == 1 || d == 6
}

// restSets splits the training days (indexes into offsets) into two sets
// in which no two days are consecutive on the calendar, week after week.
// Strength work for one muscle group keeps to one set, so it always has a
// day of rest after it. The days that follow one another form runs; each
// run takes its days in turn, from its first, into the first set and the
// second. When no two training days touch, the first set holds them all
// and the second is empty. Only seven days a week make one run round the
// whole week: then one day is in neither set, and has mobility and no
// strength work.
func restSets(offsets []int) [2][]int {
	n := len(offsets)
	prev := func(i int) int { return (i + n - 1) % n }
	start := -1 // a day that starts a run: the day before it is no training day
	for i := range n {
		if n == 1 || !adjacent(offsets[prev(i)], offsets[i]) {
			start = i
			break
		}
	}
	round := start < 0
	start = max(start, 0)
	color := make([]int, n)
	for j := 1; j < n; j++ {
		i := (start + j) % n
		if adjacent(offsets[prev(i)], offsets[i]) && color[prev(i)] == 0 {
			color[i] = 1
		}
	}
	if last := prev(start); round && n > 2 && color[last] == color[start] {
		color[last] = -1
	}
	var sets [2][]int
	for i, c := range color {
		if c >= 0 {
			sets[c] = append(sets[c], i)
		}
	}
	return sets
}

// loadGroups is the muscle groups an exercise loads: its muscles, for
// strength and core work, or the exercise itself when it names none.
// Mobility and warm-up work loads nothing.
func loadGroups(e Exercise) []string {
	if !e.Category.Loaded() {
		return nil
	}
	if len(e.Muscles) == 0 {
		return []string{"exercise " + e.ID}
	}
	return e.Muscles
}

// place puts p on its days: every eligible day, or as many as its role
// needs (those with the fewest exercises so far). Strength and core work is
// eligible only on the rest set its muscle groups keep to (the one with
// more room when they have none yet), and a role "with" another only on
// that role's days. A needed role goes in whatever the count; an
// included exercise needs room on its days for one more exercise; any
// other also needs room in the plan for one more to learn, and, for
// mobility, settles for the days that have room. It reports false,
// placing nothing, when p does not fit.
func (b *builder) place(p *pick) bool {
	eligible := make([]int, len(b.offsets))
	for i := range eligible {
		eligible[i] = i
	}
	groups := loadGroups(p.e)
	if groups == nil {
		return b.placeOn(p, eligible, nil, 0)
	}
	set := -1
	for _, g := range groups {
		if k, ok := b.groupSet[g]; ok {
			if set >= 0 && set != k {
				return false // its groups already keep to different sets
			}
			set = k
		}
	}
	if set >= 0 {
		return b.placeOn(p, b.sets[set], groups, set)
	}
	// A set of one day gives no second day in the week; otherwise the
	// lighter set comes first, so strength and core work alternate.
	first := 0
	if n0, n1 := len(b.sets[0]), len(b.sets[1]); (n0 < 2 && n1 > n0) || (min(n0, n1) >= 2 && b.load(b.sets[1]) < b.load(b.sets[0])) {
		first = 1
	}
	return b.placeOn(p, b.sets[first], groups, first) || b.placeOn(p, b.sets[1-first], groups, 1-first)
}

// placeOn puts p on some of the eligible days, as place describes; the
// muscle groups it loads then keep to rest set set.
func (b *builder) placeOn(p *pick, eligible []int, groups []string, set int) bool {
	if p.use != nil && p.use.With != "" {
		with := slices.IndexFunc(b.picks, func(q *pick) bool { return q.use != nil && q.use.Role == p.use.With })
		if with < 0 {
			return false
		}
		eligible = slices.DeleteFunc(slices.Clone(eligible), func(d int) bool { return !slices.Contains(b.picks[with].days, d) })
	}
	want := len(eligible)
	if p.use != nil {
		want = min(p.use.Days, want)
	}
	limit := MaxExercises(b.s.Minutes)
	room := slices.Clone(eligible)
	needed := p.use != nil && p.use.Priority == Needed
	if !p.fixed {
		most := b.planLimit()
		if b.roomy && groups != nil {
			most-- // the last place is for a stretch
		}
		if b.teaches() >= most {
			return false
		}
	}
	if !needed {
		room = slices.DeleteFunc(room, func(d int) bool { return b.count(d) >= limit })
	}
	if groups == nil && !p.fixed {
		// Mobility that is not needed goes on the days that have room
		// for it, if not on all it asks for.
		want = min(want, len(room))
	}
	if want == 0 || len(room) < want {
		return false
	}
	slices.SortStableFunc(room, func(x, y int) int { return b.count(x) - b.count(y) })
	p.days = slices.Sorted(slices.Values(room[:want]))
	for _, g := range groups {
		b.groupSet[g] = set
	}
	b.take(p.e)
	p.vol = p.e.volume(true)
	p.from = p.e.levelStart(b.s.Level)
	p.s, p.c = p.from, len(p.vol)-1
	b.own(p)
	b.picks = append(b.picks, p)
	return true
}

// count is the number of main exercises on day d.
func (b *builder) count(d int) int {
	n := 0
	for _, p := range b.picks {
		if slices.Contains(p.days, d) {
			n++
		}
	}
	return n
}

// load is the most main exercises on any of days.
func (b *builder) load(days []int) int {
	most := 0
	for _, d := range days {
		most = max(most, b.count(d))
	}
	return most
}

// teaches is the number of main exercises the plan teaches.
func (b *builder) teaches() int { return len(b.picks) }

// dose is p's dose in week n: a rung up its plan ladder for every
// ordinary week before it. An easier week eases the strength and core
// work of the week before, with the same band or weight, and repeats its
// mobility work: stretching needs no rest.
func (b *builder) dose(p *pick, n int) Dose {
	r, _ := b.rungOf(p, n)
	d := p.e.rung(p.vol, p.s, p.c, r)
	if b.weeks[n].easy && p.e.Category.Loaded() {
		return p.e.eased(d)
	}
	return d
}

// rungOf is the index of p's week-n dose on its plan ladder (for an
// easier week, the rung it eases), and the ladder's top.
func (b *builder) rungOf(p *pick, n int) (rung, top int) {
	top = p.e.ladderLen(p.vol, p.s, p.c) - 1
	climbed := b.weeks[n].climbed
	if b.weeks[n].easy {
		climbed--
	}
	return min(max(climbed, 0), top), top
}

func (b *builder) plan() *Plan {
	p := &Plan{Settings: b.s}
	seen := map[string]bool{}
	for n := 1; n <= b.s.Weeks; n++ {
		wk := Week{
			Number: n,
			Start:  b.s.Start.AddDays(7 * (n - 1)),
			Easy:   b.weeks[n].easy,
			Review: n == b.s.Weeks || n%ReviewEvery == 0,
		}
		if r := b.s.Review; !r.IsZero() && !r.Before(wk.Start) && !wk.End().Before(r) {
			wk.Appointment = r
		}
		// A steady week repeats the week before with every dose at the
		// top: the patient keeps this level.
		wk.Steady = n > 1 && !wk.Easy && !b.weeks[n-1].easy
		for d, off := range b.offsets {
			ses := Session{Date: wk.Start.AddDays(off)}
			add := func(e Exercise, dose Dose) {
				ses.Items = append(ses.Items, Item{Exercise: e.ID, Dose: dose})
				if !seen[e.ID] {
					seen[e.ID] = true
					p.Exercises = append(p.Exercises, e)
				}
			}
			for _, it := range b.warmup(n) {
				e, _ := b.c.Lookup(it.Exercise)
				add(e, it.Dose)
			}
			for _, pk := range b.sessionPicks(d) {
				if pk == nil {
					if m := b.walk.minutes; m > 0 {
						add(b.walk.e, Dose{Sets: 1, Minutes: m})
					}
					continue
				}
				r, top := b.rungOf(pk, n)
				if prev, _ := b.rungOf(pk, n-1); r != top || prev != r {
					wk.Steady = false
				}
				add(pk.e, b.dose(pk, n))
			}
			ses.Minutes = (b.sessionSeconds(d, n) + 59) / 60
			wk.Sessions = append(wk.Sessions, ses)
		}
		p.Weeks = append(p.Weeks, wk)
	}
	// The list (and so each week's table) keeps the sessions' order: the
	// warm-up, the main exercises in the sessions' order, whichever day
	// first has them, and the walk, which ends every session.
	rank := map[string]int{}
	for i, pk := range slices.SortedStableFunc(slices.Values(b.picks), b.sessionOrder) {
		rank[pk.e.ID] = 1 + i
	}
	if b.walk != nil {
		rank[b.walk.e.ID] = math.MaxInt
	}
	slices.SortStableFunc(p.Exercises, func(x, y Exercise) int { return cmp.Compare(rank[x.ID], rank[y.ID]) })
	return p
}

// sessionPicks is the main exercises of day d in session order, and nil
// for the walk, which ends the session.
func (b *builder) sessionPicks(d int) []*pick {
	var out []*pick
	for _, p := range b.picks {
		if slices.Contains(p.days, d) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, b.sessionOrder)
	if b.walk != nil {
		out = append(out, nil)
	}
	return out
}

// sessionOrder compares two picks by their place in a session: the
// clinician's order first, then the prescription's.
func (b *builder) sessionOrder(x, y *pick) int {
	return cmp.Or(cmp.Compare(b.s.orderRank(x.e.ID), b.s.orderRank(y.e.ID)), cmp.Compare(x.order, y.order))
}

// weekdayNames are the days of the week as a plan file and the options
// spell them.
var weekdayNames = [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// ParseWeekday returns the day of the week named s: its first three
// letters or its whole English name, in any case.
func ParseWeekday(s string) (time.Weekday, bool) {
	for i, name := range weekdayNames {
		full := time.Weekday(i).String()
		if strings.EqualFold(s, name) || strings.EqualFold(s, full) {
			return time.Weekday(i), true
		}
	}
	return 0, false
}
