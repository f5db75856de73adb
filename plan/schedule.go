package plan

import (
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
// day of rest after it. When no two training days touch, the first set
// holds them all and the second is empty. A seven-day week leaves one day
// in neither set: it has mobility and no strength work.
func restSets(offsets []int) [2][]int {
	n := len(offsets)
	color := make([]int, n)
	for i := 1; i < n; i++ {
		if adjacent(offsets[i-1], offsets[i]) && color[i-1] == 0 {
			color[i] = 1
		}
	}
	if last := n - 1; n > 2 && adjacent(offsets[last], offsets[0]) && color[last] == color[0] {
		other := 1 - color[0]
		if adjacent(offsets[last-1], offsets[last]) && color[last-1] == other {
			color[last] = -1
		} else {
			color[last] = other
		}
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

// schedule places the candidates on the days of a week. Every week uses
// the same days; only the doses change. Included exercises go first; then
// the focus's pattern of categories takes, turn by turn, the most wanted
// exercise of each category that still fits, until the plan teaches as
// many exercises as it may or nothing more fits.
func (b *builder) schedule() error {
	b.offsets = trainingOffsets(b.s)
	b.sets = restSets(b.offsets)
	b.days = make([][]Exercise, len(b.offsets))
	b.ladders = map[string][]Dose{}
	b.top = map[string]Dose{}
	longer := b.s.Minutes >= longerFrom
	candidates := slices.Clone(b.forced)
	for _, q := range b.queues {
		candidates = append(candidates, q...)
	}
	for _, e := range candidates {
		l := e.ladder(longer)
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
	if warm >= budget {
		return buildErr("minutes", "a %d-minute session has no time left after the warm-up", b.s.Minutes)
	}
	pl := &placer{b: b, budget: budget, limit: MaxExercises(b.s.Minutes), used: make([]int, len(b.offsets)), groupSet: map[string]int{}}
	for d := range pl.used {
		pl.used[d] = warm
	}
	for _, e := range b.forced {
		if !pl.place(e) {
			return buildErr("include", "include: exercise %q does not fit in a %d-minute session", e.ID, b.s.Minutes)
		}
	}
	limit := max(maxPlanExercises(b.s.Minutes, len(b.sets[1]) > 0), len(b.forced))
	count := len(b.forced)
	// Among mobility exercises the focus wants as much, the quicker comes
	// first, so that a short session still holds as many as it may.
	queues := map[Category][]Exercise{}
	for cat, q := range b.queues {
		q = slices.Clone(q)
		if cat != Mobility {
			queues[cat] = q
			continue
		}
		slices.SortStableFunc(q, func(x, y Exercise) int {
			if r := focusRank(x, b.s.Focus) - focusRank(y, b.s.Focus); r != 0 {
				return r
			}
			return EstimateSeconds(b.top[x.ID], x.Category) - EstimateSeconds(b.top[y.ID], y.Category)
		})
		queues[cat] = q
	}
	for more := true; more && count < limit; {
		more = false
		for _, cat := range focusPattern[b.s.Focus] {
			if count == limit {
				break
			}
			q := queues[cat]
			for k, e := range q {
				if pl.place(e) {
					queues[cat] = slices.Delete(q, k, k+1)
					count++
					more = true
					break
				}
			}
		}
	}
	// A day that strength work left empty takes mobility work.
	var empty []int
	for d, list := range b.days {
		if len(list) == 0 {
			empty = append(empty, d)
		}
	}
	if len(empty) > 0 {
		for _, e := range queues[Mobility] {
			if pl.fits(empty, EstimateSeconds(b.top[e.ID], e.Category)) {
				pl.put(e, empty)
				break
			}
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

// placer puts exercises on the days of a week, keeping each session
// within its minutes and its number of exercises, and the strength work
// of each muscle group to one rest set.
type placer struct {
	b             *builder
	budget, limit int
	used          []int          // seconds planned on each day so far
	groupSet      map[string]int // muscle group → the rest set its work keeps to
}

// fits reports whether an exercise taking cost seconds fits on every one
// of days.
func (pl *placer) fits(days []int, cost int) bool {
	for _, d := range days {
		if len(pl.b.days[d]) >= pl.limit || pl.used[d]+cost > pl.budget {
			return false
		}
	}
	return len(days) > 0
}

// room is the seconds left on the fullest day of a set.
func (pl *placer) room(days []int) int {
	worst := 0
	for _, d := range days {
		worst = max(worst, pl.used[d])
	}
	return pl.budget - worst
}

func (pl *placer) put(e Exercise, days []int) {
	for _, d := range days {
		pl.b.days[d] = append(pl.b.days[d], e)
		pl.used[d] += EstimateSeconds(pl.b.top[e.ID], e.Category)
	}
}

// place puts e on every training day, or for strength and core work on
// every day of the rest set its muscle groups keep to (the one with more
// room when they have none yet). It reports false, placing nothing, when
// e does not fit.
func (pl *placer) place(e Exercise) bool {
	b := pl.b
	cost := EstimateSeconds(b.top[e.ID], e.Category)
	groups := loadGroups(e)
	if groups == nil {
		all := make([]int, len(b.offsets))
		for i := range all {
			all[i] = i
		}
		if !pl.fits(all, cost) {
			return false
		}
		pl.put(e, all)
		return true
	}
	set := -1
	for _, g := range groups {
		if k, ok := pl.groupSet[g]; ok {
			if set >= 0 && set != k {
				return false // its groups already keep to different sets
			}
			set = k
		}
	}
	if set < 0 {
		set = 0
		if pl.fits(b.sets[1], cost) && (!pl.fits(b.sets[0], cost) || pl.room(b.sets[1]) > pl.room(b.sets[0])) {
			set = 1
		}
	}
	if !pl.fits(b.sets[set], cost) {
		return false
	}
	for _, g := range groups {
		pl.groupSet[g] = set
	}
	pl.put(e, b.sets[set])
	return true
}

func (b *builder) plan() *Plan {
	p := &Plan{Settings: b.s}
	seen := map[string]bool{}
	for n := 1; n <= b.s.Weeks; n++ {
		wk := Week{
			Number: n,
			Start:  b.s.Start.AddDays(7 * (n - 1)),
			Easy:   easyWeek(n, b.s.Weeks),
			Review: n == b.s.Weeks || n%ReviewEvery == 0,
		}
		if r := b.s.Review; !r.IsZero() && !r.Before(wk.Start) && !wk.End().Before(r) {
			wk.Appointment = r
		}
		// A steady week repeats the week before with every dose at the
		// top: the patient keeps this level.
		wk.Steady = n > 1 && !wk.Easy && !easyWeek(n-1, b.s.Weeks)
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
				r := b.rungFor(l, n)
				if r != len(l)-1 || (n > 1 && b.rungFor(l, n-1) != r) {
					wk.Steady = false
				}
				add(e, l[r])
			}
			ses.Minutes = (secs + 59) / 60
			wk.Sessions = append(wk.Sessions, ses)
		}
		p.Weeks = append(p.Weeks, wk)
	}
	return p
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
