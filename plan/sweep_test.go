package plan_test

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/backplan/backplan/internal/testenv"
	"github.com/backplan/backplan/plan"
)

// The sweep: every combination of the options that shape a plan. Each axis
// lists the values it takes; option set i of the sweep takes its values in
// mixed radix, the last axis turning fastest.
var (
	sweepWeeks    = []int{1, 2, 4, 6, 8, 12, 52}
	sweepSchedule = []schedule{
		{days: 1}, {days: 2}, {days: 3}, {days: 4}, {days: 5}, {days: 6}, {days: 7},
		{weekdays: []time.Weekday{time.Monday, time.Thursday}},
		{weekdays: []time.Weekday{time.Monday, time.Tuesday}},
		{weekdays: []time.Weekday{time.Sunday, time.Monday, time.Saturday}},
	}
	sweepKits = kits()
)

// schedule is the days of a plan: a number of days a week, or weekdays.
type schedule struct {
	days     int
	weekdays []time.Weekday
}

// kits is every set of equipment: none, each kind alone, each pair, all.
func kits() [][]plan.Equipment {
	var out [][]plan.Equipment
	for mask := 0; mask < 1<<len(plan.EquipmentKinds); mask++ {
		kit := []plan.Equipment{}
		for i, k := range plan.EquipmentKinds {
			if mask&(1<<i) != 0 {
				kit = append(kit, k)
			}
		}
		out = append(out, kit)
	}
	return out
}

// sweepMinutes is every session length the options accept.
func sweepMinutes() []int {
	var out []int
	for m := plan.MinSessionMinutes; m <= plan.MaxSessionMinutes; m++ {
		out = append(out, m)
	}
	return out
}

// axisSizes are the sizes of the sweep's axes, outermost first: weeks,
// schedule, focus, level, kit, floor, minutes.
func axisSizes() []int {
	return []int{len(sweepWeeks), len(sweepSchedule), len(plan.Focuses), len(plan.Levels), len(sweepKits), 2, len(sweepMinutes())}
}

// sweepSize is the number of option sets in the sweep.
func sweepSize() int {
	n := 1
	for _, k := range axisSizes() {
		n *= k
	}
	return n
}

// digits returns option set i's value index on each axis.
func digits(i int) []int {
	sizes := axisSizes()
	out := make([]int, len(sizes))
	for a := len(sizes) - 1; a >= 0; a-- {
		out[a] = i % sizes[a]
		i /= sizes[a]
	}
	return out
}

// sweepOptions returns option set i of the sweep.
func sweepOptions(i int) plan.Options {
	d := digits(i)
	sc := sweepSchedule[d[1]]
	return plan.Options{
		Weeks: sweepWeeks[d[0]], Days: sc.days, Weekdays: sc.weekdays,
		Focus: plan.Focuses[d[2]], Level: plan.Levels[d[3]], Equipment: sweepKits[d[4]],
		NoFloor: d[5] == 1, Minutes: sweepMinutes()[d[6]], Today: today,
	}
}

// The sweep's strides: a run checks option sets 0, stride, 2·stride and so
// on. Both are primes that divide no axis size, so the quick run's samples
// fall on every value of every axis, and the full run's on every pair of
// values of any two axes (TestSweepStridesReach): a 52-week plan with
// every session length, every kit without floor work, and so on. Every
// one of the 403,200 sets would take the full run ten minutes of a
// two-core machine for little more than the pairs already find.
const (
	sweepStride     = 97
	fullSweepStride = 13
)

// stride is this run's stride.
func stride() int {
	if testenv.Full() {
		return fullSweepStride
	}
	return sweepStride
}

// sweepIndexes returns the option sets a run checks.
func sweepIndexes() []int {
	var out []int
	for i := 0; i < sweepSize(); i += stride() {
		out = append(out, i)
	}
	return out
}

func TestSweepStridesReach(t *testing.T) {
	sizes := axisSizes()
	names := []string{"weeks", "schedule", "focus", "level", "equipment", "floor", "minutes"}
	for _, st := range []int{sweepStride, fullSweepStride} {
		for _, k := range sizes {
			if k%st == 0 {
				t.Errorf("the stride %d divides an axis of %d values", st, k)
			}
		}
	}
	seen := make([][]bool, len(sizes))
	for a, k := range sizes {
		seen[a] = make([]bool, k)
	}
	for i := 0; i < sweepSize(); i += sweepStride {
		for a, v := range digits(i) {
			seen[a][v] = true
		}
	}
	for a, k := range sizes {
		for v := range k {
			if !seen[a][v] {
				t.Errorf("the quick run never checks value %d of the %s axis", v, names[a])
			}
		}
	}
	pairs := map[[2]int][]bool{}
	for a := range sizes {
		for b := a + 1; b < len(sizes); b++ {
			pairs[[2]int{a, b}] = make([]bool, sizes[a]*sizes[b])
		}
	}
	for i := 0; i < sweepSize(); i += fullSweepStride {
		d := digits(i)
		for ab, s := range pairs {
			s[d[ab[0]]*sizes[ab[1]]+d[ab[1]]] = true
		}
	}
	for ab, s := range pairs {
		if missing := len(s) - countTrue(s); missing > 0 {
			t.Errorf("the full run misses %d pairs of values of the %s and %s axes", missing, names[ab[0]], names[ab[1]])
		}
	}
}

// countTrue is the number of true values in s.
func countTrue(s []bool) int {
	n := 0
	for _, v := range s {
		if v {
			n++
		}
	}
	return n
}

// TestSweep builds one option set of the sweep in stride() and checks the rules every plan keeps (checkInvariants)
// and what its focus promises (checkFocus). A plan may be refused only
// because a needed role has no exercise that suits, with an error that
// names the role and what kept its exercises out, and for at most one option set in
// seven; the log counts each kind.
func TestSweep(t *testing.T) {
	c := realCatalog(t)
	refused := map[string]int{}
	broken := map[string]int{}
	n := 0
	for _, i := range sweepIndexes() {
		o := sweepOptions(i)
		n++
		p, err := plan.Build(c, o)
		if err != nil {
			var pe *plan.Error
			var re *plan.RoleError
			if !errors.As(err, &pe) || pe.Kind != plan.BuildProblem || !errors.As(err, &re) || re.Role == "" ||
				re.Equipment == nil && !re.Floor && !re.Level && re.Excluded == nil {
				if broken["refused"]++; broken["refused"] <= 5 {
					t.Errorf("%s: %v", describe(o), err)
				}
				continue
			}
			refused[refusalKind(pe.Msg)]++
			continue
		}
		for _, check := range []func(*plan.Plan) string{checkInvariants, checkFocus} {
			if msg := check(p); msg != "" {
				kind := msg
				if i := strings.IndexAny(msg, ":0123456789"); i > 0 {
					kind = msg[:i]
				}
				if broken[kind]++; broken[kind] <= 3 {
					t.Errorf("%s: %s", describe(o), msg)
				}
				break
			}
		}
	}
	total := 0
	for kind, k := range refused {
		total += k
		t.Logf("refused %d: %s", k, kind)
	}
	t.Logf("%d option sets checked, %d refused", n, total)
	if 7*total > n {
		t.Errorf("%d of %d option sets refused, more than one in seven", total, n)
	}
	for kind, k := range broken {
		if k > 3 {
			t.Errorf("… and %d more like %q", k-3, kind)
		}
	}
}

// refusalKind is a refusal's message up to its list of ways out: the role
// and the focus.
func refusalKind(msg string) string {
	if i := strings.Index(msg, " suits these options"); i > 0 {
		return msg[:i]
	}
	return msg
}

// onlyIncluded are the exercises that no prescription chooses, now that a
// week's page holds at most plan.MaxWeekRows: they stand last in their
// roles, behind exercises a clinician would choose first. A clinician can
// still include them.
var onlyIncluded = map[string]string{
	"neck-rolls":                 "neck circles are contested (docs/clinical.md): chin tucks come first",
	"arm-circles":                "a loosening movement, after the roles of the programme",
	"spinal-twist-seated":        "a second twist, after the open book or the seated twist",
	"internal-rotation-band":     "inward turns only beside outward ones, after trunk work",
	"internal-rotation-dumbbell": "inward turns only beside outward ones, after trunk work",
}

// TestEveryExerciseIsReachable walks the sweep until every exercise of the
// catalogue has been chosen for some plan, but those of onlyIncluded,
// which must build when included. It takes the option sets in the order
// k·sweepStride modulo the sweep's size, which visits every set once and
// spreads the first ones over every axis.
func TestEveryExerciseIsReachable(t *testing.T) {
	c := realCatalog(t)
	left := map[string]bool{}
	for _, id := range c.IDs() {
		if onlyIncluded[id] == "" {
			left[id] = true
		}
	}
	n := sweepSize()
	for k := 0; k < n && len(left) > 0; k++ {
		p, err := plan.Build(c, sweepOptions(k*sweepStride%n))
		if err != nil {
			continue
		}
		for _, e := range p.Exercises {
			delete(left, e.ID)
		}
	}
	var ids []string
	for id := range left {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Errorf("%s is never chosen", id)
	}
	for id := range onlyIncluded {
		if _, ok := c.Lookup(id); !ok {
			t.Errorf("%s: not in the catalogue", id)
			continue
		}
		found := false
		for k := 0; k < n && !found; k++ {
			o := sweepOptions(k * sweepStride % n)
			o.Include = []string{id}
			p, err := plan.Build(c, o)
			found = err == nil && slices.ContainsFunc(p.Exercises, func(e plan.Exercise) bool { return e.ID == id })
		}
		if !found {
			t.Errorf("%s: no plan holds it even when included", id)
		}
	}
}

func describe(o plan.Options) string {
	return fmt.Sprintf("weeks=%d days=%d weekdays=%v focus=%s level=%s equipment=%v no-floor=%v minutes=%d", o.Weeks, o.Days, o.Weekdays, o.Focus, o.Level, o.Equipment, o.NoFloor, o.Minutes)
}

// clinicalRange is what docs/clinical.md allows a category's doses to reach.
type clinicalRange struct {
	maxSets, minReps, maxReps, maxHold int
}

var clinical = map[plan.Category]clinicalRange{
	// Novice strength: 1–3 sets of 8–12, the rotator cuff and the
	// shoulder blades' muscles 10–15 (wall angels start lower, 5–10).
	plan.Strength: {maxSets: 3, minReps: 5, maxReps: 15, maxHold: 30},
	// Core holds build to 30 s; repeated holds stay few.
	plan.Core: {maxSets: 3, minReps: 2, maxReps: 12, maxHold: 30},
	// Stretches hold 10–30 s, 2–4 times; rep-based mobility 3–10 reps.
	plan.Mobility: {maxSets: 3, minReps: 2, maxReps: 10, maxHold: 30},
}

// checkInvariants returns the first broken rule, or "".
func checkInvariants(p *plan.Plan) string {
	for _, check := range []func(*plan.Plan) string{checkSuits, checkWeeks, checkWarmup, checkSessions, checkRest, checkProgression, checkOrder} {
		if msg := check(p); msg != "" {
			return msg
		}
	}
	return ""
}

// checkOrder checks that the plan's list of exercises, which each week's
// table follows, keeps every session's order: the table reads top to bottom
// the way the patient does the session, the walk last.
func checkOrder(p *plan.Plan) string {
	at := map[string]int{}
	for i, e := range p.Exercises {
		at[e.ID] = i
	}
	for _, w := range p.Weeks {
		for _, s := range w.Sessions {
			for k := 1; k < len(s.Items); k++ {
				if a, b := s.Items[k-1].Exercise, s.Items[k].Exercise; at[a] > at[b] {
					return fmt.Sprintf("order: week %d lists %s before %s, the session does them the other way", w.Number, b, a)
				}
			}
		}
	}
	return ""
}

// checkSuits checks that every exercise suits the equipment, floor and
// level, and that none is excluded.
func checkSuits(p *plan.Plan) string {
	s := p.Settings
	for _, e := range p.Exercises {
		switch {
		case e.Equipment != plan.None && !slices.Contains(s.Equipment, e.Equipment):
			return fmt.Sprintf("%s needs %s, not available", e.ID, e.Equipment)
		case e.Floor && s.NoFloor:
			return fmt.Sprintf("%s is floor work", e.ID)
		case e.Level == plan.Intermediate && s.Level == plan.Beginner:
			return fmt.Sprintf("%s is for intermediate patients", e.ID)
		case slices.Contains(s.Exclude, e.ID):
			return fmt.Sprintf("%s is excluded", e.ID)
		}
	}
	return ""
}

// checkWeeks checks the weeks: their number, their sessions on the chosen
// days, and the reviews.
func checkWeeks(p *plan.Plan) string {
	s := p.Settings
	if len(p.Weeks) != s.Weeks {
		return fmt.Sprintf("%d weeks, want %d", len(p.Weeks), s.Weeks)
	}
	lastReview := 0
	for _, w := range p.Weeks {
		if w.Review {
			lastReview = w.Number
		}
		if w.Number-lastReview >= plan.ReviewEvery {
			return fmt.Sprintf("week %d: no review since week %d", w.Number, lastReview)
		}
		if len(w.Sessions) != s.Days {
			return fmt.Sprintf("week %d has %d sessions, want %d", w.Number, len(w.Sessions), s.Days)
		}
		for _, ses := range w.Sessions {
			if len(s.Weekdays) > 0 && !slices.Contains(s.Weekdays, ses.Date.Weekday()) {
				return fmt.Sprintf("%s is a %s, not one of %s", ses.Date, ses.Date.Weekday(), s.Weekdays)
			}
		}
	}
	if !p.Weeks[len(p.Weeks)-1].Review {
		return "the last week has no review"
	}
	return ""
}

// warmupOf is the warm-up exercises that open a session.
func warmupOf(p *plan.Plan, ses plan.Session) []string {
	var out []string
	for _, it := range ses.Items {
		if e, _ := p.Exercise(it.Exercise); !e.Category.Warmup() {
			break
		}
		out = append(out, it.Exercise)
	}
	return out
}

// warmupRoles is the number of warm-up roles of the plan's prescription.
func warmupRoles(p *plan.Plan) int {
	rx, _ := realCat.Prescription(p.Settings.Focus)
	n := 0
	for _, r := range rx.Roles {
		if e, _ := realCat.Lookup(r.Candidates[0]); e.Category.Warmup() {
			n++
		}
	}
	return n
}

// checkWarmup checks that every session opens with its warm-up, one
// exercise for each warm-up role, the same all week, changed only in an
// easier week, taking at most a quarter of the session (two minutes at
// least, ten at most).
func checkWarmup(p *plan.Plan) string {
	s := p.Settings
	want := warmupRoles(p)
	most := min(max(s.Minutes/4, 2), 10)
	seen := map[string]bool{}
	prev := ""
	for _, w := range p.Weeks {
		for _, ses := range w.Sessions {
			warm := warmupOf(p, ses)
			if len(warm) != want {
				return fmt.Sprintf("%s: warm-up %v, want %d exercises", ses.Date, warm, want)
			}
			for _, id := range warm {
				seen[id] = true
			}
			key := strings.Join(warm, "+")
			if prev != "" && key != prev && (ses.Date != w.Sessions[0].Date || !w.Easy) {
				return fmt.Sprintf("%s: warm-up %s after %s, outside the start of an easier week", ses.Date, key, prev)
			}
			prev = key
			minutes := 0
			for _, it := range ses.Items[:len(warm)] {
				minutes += it.Dose.Minutes
			}
			if minutes > most {
				return fmt.Sprintf("%s: warm-up of %d minutes in a %d-minute session, over %d", ses.Date, minutes, s.Minutes, most)
			}
		}
	}
	if s.Weeks < 16 && len(seen) > want {
		return fmt.Sprintf("a %d-week plan teaches %d warm-up exercises", s.Weeks, len(seen))
	}
	return ""
}

// checkSessions checks each session's length, its number of exercises
// and each week's, the walk that ends it and the clinical range of its doses.
func checkSessions(p *plan.Plan) string {
	s := p.Settings
	taught := 0
	for _, e := range p.Exercises {
		if !e.Category.Warmup() && e.Category != plan.Activity {
			taught++
		}
	}
	// Two more where strength days and other days alternate, and one more
	// again where a day has no strength work (seven days a week).
	most := plan.MaxExercises(s.Minutes) + 2
	if s.Days == 7 {
		most++
	}
	if taught > most {
		return fmt.Sprintf("the plan teaches %d exercises, over %d", taught, most)
	}
	for _, w := range p.Weeks {
		rows := map[string]bool{}
		for _, ses := range w.Sessions {
			for _, it := range ses.Items {
				rows[it.Exercise] = true
			}
		}
		if len(rows) > plan.MaxWeekRows {
			return fmt.Sprintf("week %d lists %d exercises, over %d", w.Number, len(rows), plan.MaxWeekRows)
		}
		for _, ses := range w.Sessions {
			secs, main := 0, 0
			for k, it := range ses.Items {
				e, ok := p.Exercise(it.Exercise)
				if !ok {
					return fmt.Sprintf("%s: unknown exercise %s", ses.Date, it.Exercise)
				}
				secs += plan.EstimateSeconds(it.Dose, e.Category)
				if e.Category == plan.Activity {
					if k != len(ses.Items)-1 {
						return fmt.Sprintf("%s: the walk is not last", ses.Date)
					}
					if it.Dose.Minutes < e.Dose.Start.Minutes || it.Dose.Minutes > e.Dose.Top.Minutes {
						return fmt.Sprintf("%s: a walk of %d minutes", ses.Date, it.Dose.Minutes)
					}
					continue
				}
				if e.Category.Warmup() {
					continue
				}
				main++
				if msg := checkClinical(e, it.Dose); msg != "" {
					return fmt.Sprintf("%s week %d: %s", e.ID, w.Number, msg)
				}
			}
			if main == 0 || main > plan.MaxExercises(s.Minutes) {
				return fmt.Sprintf("%s: %d exercises after the warm-up, want 1 to %d", ses.Date, main, plan.MaxExercises(s.Minutes))
			}
			if ses.Minutes != (secs+59)/60 {
				return fmt.Sprintf("%s: %d minutes printed, %d s planned", ses.Date, ses.Minutes, secs)
			}
			if 4*ses.Minutes < 3*s.Minutes || ses.Minutes > s.Minutes {
				return fmt.Sprintf("session length: week %d, %s: %d minutes of a %d-minute session, outside 75–100%%", w.Number, ses.Date.Format("Mon"), ses.Minutes, s.Minutes)
			}
		}
	}
	return ""
}

// checkClinical checks a dose against the clinical range of its category.
// A hold under 10 s is a pause in a repeated movement, not a stretch, and
// comes at least three times.
func checkClinical(e plan.Exercise, d plan.Dose) string {
	r, ok := clinical[e.Category]
	if !ok {
		return ""
	}
	if d.Sets > r.maxSets || (d.Reps > 0 && (d.Reps < r.minReps || d.Reps > r.maxReps)) || d.Hold > r.maxHold {
		return fmt.Sprintf("dose %+v outside the clinical range for %s", d, e.Category)
	}
	if d.Hold > 0 && e.Category == plan.Mobility && d.Hold < 10 && d.Reps < 3 {
		return fmt.Sprintf("dose %+v: a stretch held under 10 s", d)
	}
	return ""
}

// checkRest checks that strength and core work for a muscle group never
// falls on two consecutive days of the calendar, from the first week to
// the last, and that a strength exercise comes at least twice a week when
// the plan has two or more days spread through the week.
func checkRest(p *plan.Plan) string {
	last := map[string]plan.Date{} // muscle group → the last day it was loaded
	for _, w := range p.Weeks {
		times := map[string]int{}
		for _, ses := range w.Sessions {
			groups := map[string]string{} // group → the exercise that loads it today
			for _, it := range ses.Items {
				e, _ := p.Exercise(it.Exercise)
				if !e.Category.Loaded() {
					continue
				}
				times[e.ID]++
				gs := e.Muscles
				if len(gs) == 0 {
					gs = []string{e.ID}
				}
				for _, g := range gs {
					groups[g] = e.ID
				}
			}
			for g, id := range groups {
				if d, ok := last[g]; ok && d.AddDays(1) == ses.Date {
					return fmt.Sprintf("%s: %s works the %s muscles the day after %s did", ses.Date, id, g, d)
				}
				last[g] = ses.Date
			}
		}
		for id, n := range times {
			if e, _ := p.Exercise(id); e.Category == plan.Strength && p.Settings.Days >= 2 && len(p.Settings.Weekdays) == 0 && n < 2 {
				return fmt.Sprintf("week %d: strength exercise %s only once", w.Number, id)
			}
		}
	}
	return ""
}

// doseIn is an exercise's dose in the first session of week w that holds
// it.
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

// checkProgression checks how every dose moves from week to week: up one
// step at most (repetitions first, then sets, then one resistance step),
// never down except in an easier week, which lowers the repetitions, holds
// or sets of the week before and keeps its band or weight; the week after
// goes on from the week before the easier one. Every dose of a steady week
// is the week before's.
func checkProgression(p *plan.Plan) string {
	for _, e := range p.Exercises {
		if !e.Category.Loaded() && e.Category != plan.Mobility {
			continue
		}
		var last plan.Dose // the last ordinary week's dose
		raised := false    // the band or weight has gone up
		for wi, w := range p.Weeks {
			d := doseIn(w, e.ID)
			if d.IsZero() {
				continue
			}
			if d.Level > plan.PlanLevel {
				return fmt.Sprintf("%s week %d: resistance level %d", e.ID, w.Number, d.Level)
			}
			if last.IsZero() {
				last = d
				continue
			}
			if w.Easy {
				if d.Level != last.Level || !atLeast(last, d) {
					return fmt.Sprintf("%s: easier week %d %v is not an easier %v", e.ID, w.Number, d, last)
				}
				continue
			}
			if !atLeast(d, last) {
				return fmt.Sprintf("%s falls from %v to %v in week %d", e.ID, last, d, w.Number)
			}
			if steps(last, d) > 1 {
				return fmt.Sprintf("%s climbs more than one step in week %d: %v to %v", e.ID, w.Number, last, d)
			}
			if raised && d != last {
				return fmt.Sprintf("%s: %v climbs on to %v in week %d after its resistance step", e.ID, last, d, w.Number)
			}
			if d.Sets > last.Sets && d.Reps > 0 && d.Hold == 0 && d.Reps < e.Dose.Top.Reps {
				return fmt.Sprintf("%s: sets rise in week %d before the repetitions reach %d: %v", e.ID, w.Number, e.Dose.Top.Reps, d)
			}
			if w.Steady && d != doseIn(p.Weeks[wi-1], e.ID) {
				return fmt.Sprintf("week %d is steady, but %s changes to %v", w.Number, e.ID, d)
			}
			raised = raised || d.Level > last.Level
			last = d
		}
	}
	return ""
}

// steps counts the parts of a dose that change from a to b.
func steps(a, b plan.Dose) int {
	n := 0
	for _, f := range [][2]int{{a.Sets, b.Sets}, {a.Reps, b.Reps}, {a.Hold, b.Hold}, {a.Seconds, b.Seconds}, {a.Minutes, b.Minutes}, {a.Level, b.Level}} {
		if f[0] != f[1] {
			n++
		}
	}
	if b.Level-a.Level > 1 {
		n++
	}
	return n
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

// TestEveryChoiceOfWeekdays builds a plan for every set of weekdays and
// every focus, from a Monday and from a Thursday: sessions fall only on
// the chosen days, and no muscle group works on two days in a row, across
// the turn of the week too.
func TestEveryChoiceOfWeekdays(t *testing.T) {
	c := realCatalog(t)
	for mask := 1; mask < 1<<7; mask++ {
		var days []time.Weekday
		for d := time.Sunday; d <= time.Saturday; d++ {
			if mask&(1<<d) != 0 {
				days = append(days, d)
			}
		}
		for _, focus := range plan.Focuses {
			for _, start := range []plan.Date{plan.NewDate(2026, 11, 30), plan.NewDate(2026, 12, 3)} {
				o := plan.Options{Weeks: 8, Weekdays: days, Focus: focus, Start: start, Minutes: 30, Today: today}
				p, err := plan.Build(c, o)
				if err != nil {
					t.Errorf("%s: %v", describe(o), err)
					continue
				}
				if p.Settings.Days != len(days) {
					t.Errorf("%s: %d days a week, want %d", describe(o), p.Settings.Days, len(days))
				}
				if msg := checkInvariants(p); msg != "" {
					t.Errorf("%s: %s", describe(o), msg)
				}
				if msg := checkFocus(p); msg != "" {
					t.Errorf("%s: %s", describe(o), msg)
				}
			}
		}
	}
}
