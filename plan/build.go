package plan

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/backplan/backplan/internal/words"
)

// MaxExercises is the most main exercises (after the warm-up, besides the
// walk) one session holds. Adherence falls as the list grows, so it stays
// short: three up to a twenty-minute session, four in the usual twenty to
// thirty-five, never more than five.
func MaxExercises(minutes int) int {
	switch {
	case minutes < 20:
		return 3
	case minutes < 40:
		return 4
	}
	return 5
}

// maxPlanExercises is the most main exercises a whole plan teaches:
// MaxExercises, and, where strength days and other days alternate, two
// more, one for each kind of day. A week's page may allow fewer
// (planLimit).
func maxPlanExercises(minutes int, split bool) int {
	n := MaxExercises(minutes)
	if split {
		n += 2
	}
	return n
}

// MaxWeekRows is the most exercises a week's page lists: the warm-up, the
// main exercises and the walk, a row each. Eight rows, with the week's
// notes, fit one page in large print on Letter paper, the smallest page;
// only exercises the clinician includes may take a plan past it, up to
// MaxIncludedWeekRows.
const MaxWeekRows = 8

// MaxIncludedWeekRows is the most exercises any week of a plan may hold,
// with what the clinician includes, in a plan built and in a plan file
// alike: a week past it is refused, so that every plan saved reads back.
const MaxIncludedWeekRows = 12

// planLimit is the most main exercises the plan teaches: maxPlanExercises,
// and no more than a week's page lists beside the warm-up and the walk
// (MaxWeekRows).
func (b *builder) planLimit() int {
	rows := MaxWeekRows - len(b.warm)
	if b.walks() {
		rows--
	}
	return min(rows, maxPlanExercises(b.s.Minutes, len(b.sets[1]) > 0))
}

// walks reports whether the plan may end its sessions with a walk: it
// has one, or a role or the clinician's list offers one that suits.
func (b *builder) walks() bool {
	if b.walk != nil {
		return true
	}
	ids := slices.Clone(b.s.Include)
	for _, u := range b.rx.Roles {
		ids = append(ids, u.Candidates...)
	}
	for _, id := range ids {
		if e, ok := b.c.Lookup(id); ok && partOf(e.Category) == activityPart && b.suits(e) == "" && !slices.Contains(b.s.Exclude, id) {
			return true
		}
	}
	return false
}

// Build turns the catalogue and the options into a plan, from the
// prescription of the chosen focus. The same catalogue and options always
// give the same plan.
func Build(c *Catalog, o Options) (*Plan, error) {
	if err := o.Patient.Validate(); err != nil {
		return nil, err
	}
	s, err := o.resolve(c)
	if err != nil {
		return nil, err
	}
	rx, ok := c.Prescription(s.Focus)
	if !ok {
		name := c.name
		if name == "" {
			name = "the catalogue"
		}
		return nil, fileErr(CatalogProblem, name, 0, "no prescription for the %s focus (add one to the \"prescriptions:\" list)", s.Focus)
	}
	// A day with no strength work (the seventh of seven, or the middle
	// one of three in a row) may need one more stretch to fill its time;
	// it gets a place for one only if the plan cannot be filled without
	// it, so that a week's page stays short.
	b := newBuilder(c, s, rx)
	if err = b.choose(); err != nil {
		return nil, err
	}
	err = b.fit()
	if err != nil || b.short {
		r := newBuilder(c, s, rx)
		r.roomy = true
		if r.choose() == nil && r.fit() == nil && (err != nil || !r.short) {
			b, err = r, nil
		}
	}
	if err != nil {
		return nil, err
	}
	p := b.plan()
	p.Patient = o.Patient
	for _, w := range p.Weeks {
		if n := len(weekDoses(w)); n > MaxIncludedWeekRows {
			return nil, buildErr("include", "include: week %d would list %d exercises; a week holds at most %d", w.Number, n, MaxIncludedWeekRows)
		}
	}
	return p, nil
}

// weekDoses are the exercises of a week, each with its first dose.
func weekDoses(w Week) map[string]Dose {
	m := map[string]Dose{}
	for _, s := range w.Sessions {
		for _, it := range s.Items {
			if _, ok := m[it.Exercise]; !ok {
				m[it.Exercise] = it.Dose
			}
		}
	}
	return m
}

type builder struct {
	c  *Catalog
	s  Settings
	rx Prescription

	offsets []int    // training days, counted from the week's first day
	sets    [2][]int // day indexes that strength work may share (see restSets)
	roomy   bool     // the plan keeps a place for a stretch on a day with no strength work
	short   bool     // the fit left a day short of its time: the catalogue cannot fill it
	weeks   []weekInfo

	warm     []*warmRole
	picks    []*pick // the main exercises, in the order they were chosen
	walk     *walkPick
	taken    map[string]bool   // exercises the plan uses
	families map[string]string // family → the exercise of it the plan may use
	groupSet map[string]int    // muscle group → the rest set its work keeps to
}

// weekInfo is what the dosing needs to know of week n.
type weekInfo struct {
	climbed int  // ordinary weeks before it
	easy    bool // an easier week
	spell   int  // the warm-up pair it uses
}

// warmRole is a warm-up role: the candidates that suit, most wanted
// first, and the minutes it takes in every session.
type warmRole struct {
	order   int
	cands   []Exercise
	minutes int
}

// pick is a main exercise of the plan and how it is dosed.
type pick struct {
	use   *RoleUse // nil for an included exercise no role asked for
	order int      // its place in a session
	e     Exercise
	days  []int // day indexes it is on
	fixed bool  // needed or included: never dropped to save time
	vol   []Dose
	from  int // its level's start on vol: the fit never starts lower
	s, c  int // the plan's start and cap on vol
	// own marks the clinician's own dose (Settings.Doses): the fit leaves
	// its start and cap alone.
	own bool
}

// walkPick is the walking block, which ends every session: its minutes,
// 0 for none.
type walkPick struct {
	e       Exercise
	minutes int
}

func newBuilder(c *Catalog, s Settings, rx Prescription) *builder {
	b := &builder{c: c, s: s, rx: rx, taken: map[string]bool{}, families: map[string]string{}, groupSet: map[string]int{}}
	b.offsets = trainingOffsets(s)
	b.sets = restSets(b.offsets)
	b.weeks = make([]weekInfo, s.Weeks+1)
	climbed := 0
	for n := 1; n <= s.Weeks; n++ {
		b.weeks[n] = weekInfo{climbed: climbed, easy: easyWeek(n, s.Weeks), spell: warmupSpell(n, s.Weeks)}
		if !b.weeks[n].easy {
			climbed++
		}
	}
	return b
}

// suits reports why an exercise does not suit the settings ("" if it does).
func (b *builder) suits(e Exercise) string { return b.s.Unsuited(e) }

// Unsuited says why an exercise does not suit the settings, as "needs a
// cable machine, which is not in the equipment", or "" when it suits: the
// equipment, floor work and level rule it out, whatever the focus.
func (s Settings) Unsuited(e Exercise) string {
	switch {
	case e.Equipment != None && !slices.Contains(s.Equipment, e.Equipment):
		return fmt.Sprintf("needs %s, which is not in the equipment", e.Equipment.Noun())
	case e.Floor && s.NoFloor:
		return "is floor work, and floor work is off"
	case e.Level == Intermediate && s.Level == Beginner:
		return "is for intermediate patients"
	}
	return ""
}

// free reports whether the plan may still use e: it suits, is not
// excluded or used already, and no other variant of its family is in use.
func (b *builder) free(e Exercise) bool {
	if b.suits(e) != "" || b.taken[e.ID] || slices.Contains(b.s.Exclude, e.ID) {
		return false
	}
	return e.Family == "" || b.families[e.Family] == "" || b.families[e.Family] == e.ID
}

// choose fills the prescription's roles, the needed ones first, then the
// wanted, then the optional, each with the first candidate that is free and
// fits (one the clinician included comes before the others), and then adds
// the included exercises no role took.
func (b *builder) choose() error {
	for _, id := range b.s.Include {
		e, _ := b.c.Lookup(id)
		if why := b.suits(e); why != "" {
			return optErr("include", "include: exercise %q %s", id, why)
		}
		if e.Family != "" {
			if other, ok := b.families[e.Family]; ok {
				return optErr("include", "include: %q and %q are variants of one exercise; include one", other, id)
			}
			b.families[e.Family] = id
		}
	}
	b.picks = nil
	order := make([]int, len(b.rx.Roles))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(b.rx.Roles[x].Priority, b.rx.Roles[y].Priority) })
	filled := make([]bool, len(order))
	fill := func(i int) error {
		filled[i] = true
		return b.fill(i)
	}
	// Needed roles first, then what the clinician included, then the
	// other roles: an included exercise goes in before anything that
	// only fills time.
	for _, i := range order {
		if b.rx.Roles[i].Priority == Needed {
			if err := fill(i); err != nil {
				return err
			}
		}
	}
	for k, id := range b.s.Include {
		if b.taken[id] {
			continue
		}
		if i := slices.IndexFunc(order, func(i int) bool { return !filled[i] && slices.Contains(b.rx.Roles[i].Candidates, id) }); i >= 0 {
			if err := fill(order[i]); err != nil {
				return err
			}
			if !b.taken[id] {
				return buildErr("include", "include: exercise %q does not fit in a %d-minute session", id, b.s.Minutes)
			}
			continue
		}
		if err := b.extra(id, len(b.rx.Roles)+k); err != nil {
			return err
		}
	}
	for _, i := range order {
		if !filled[i] {
			if err := fill(i); err != nil {
				return err
			}
		}
	}
	slices.SortStableFunc(b.warm, func(x, y *warmRole) int { return cmp.Compare(x.order, y.order) })
	b.shareWarmup()
	for d := range b.offsets {
		if !slices.ContainsFunc(b.picks, func(p *pick) bool { return slices.Contains(p.days, d) }) {
			return buildErr("minutes", "no exercise fits day %d of the week with these options", d+1)
		}
	}
	return nil
}

// extra adds an included exercise that no role of the prescription lists:
// a warm-up to the warm-up, a walk as the walk, an exercise after the
// roles' exercises.
func (b *builder) extra(id string, order int) error {
	e, _ := b.c.Lookup(id)
	switch partOf(e.Category) {
	case warmupPart:
		b.warm = append(b.warm, &warmRole{order: -1, cands: []Exercise{e}})
		b.take(e)
	case activityPart:
		if b.walk == nil {
			b.walk = &walkPick{e: e}
			b.take(e)
		}
	default:
		if !b.place(&pick{order: order, e: e, fixed: true}) {
			return buildErr("include", "include: exercise %q does not fit in a %d-minute session", id, b.s.Minutes)
		}
	}
	return nil
}

// fill fills role i of the prescription, if its session length allows.
func (b *builder) fill(i int) error {
	use := &b.rx.Roles[i]
	if use.From > b.s.Minutes {
		return nil
	}
	var cands []Exercise
	for _, id := range use.Candidates {
		if e, ok := b.c.Lookup(id); ok && b.free(e) {
			cands = append(cands, e)
		}
	}
	// The clinician's own choice comes first.
	slices.SortStableFunc(cands, func(x, y Exercise) int {
		return boolRank(!slices.Contains(b.s.Include, x.ID)) - boolRank(!slices.Contains(b.s.Include, y.ID))
	})
	if len(cands) == 0 {
		if use.Priority == Needed {
			return b.refuse(use)
		}
		return nil
	}
	switch partOf(cands[0].Category) {
	case warmupPart:
		b.warm = append(b.warm, &warmRole{order: i, cands: cands})
		for _, e := range cands {
			b.take(e)
		}
		return nil
	case activityPart:
		if b.walk == nil {
			b.walk = &walkPick{e: cands[0]}
			b.take(cands[0])
		}
		return nil
	}
	for _, e := range cands {
		included := slices.Contains(b.s.Include, e.ID)
		p := &pick{use: use, order: i, e: e, fixed: use.Priority == Needed || included}
		if b.place(p) {
			return nil
		}
	}
	return nil
}

func (b *builder) take(e Exercise) {
	b.taken[e.ID] = true
	if e.Family != "" {
		b.families[e.Family] = e.ID
	}
}

func boolRank(v bool) int {
	if v {
		return 1
	}
	return 0
}

// refuse is the error of a needed role that no exercise can fill: a
// BuildProblem whose Err is a *RoleError saying what kept each of the
// role's exercises out, and whose Input is the option that kept the first
// kind out (the focus when none did).
func (b *builder) refuse(use *RoleUse) error {
	re := &RoleError{Role: use.Name(), Focus: b.s.Focus}
	for _, id := range use.Candidates {
		e, ok := b.c.Lookup(id)
		if !ok {
			continue
		}
		switch {
		case e.Equipment != None && !slices.Contains(b.s.Equipment, e.Equipment):
			if !slices.Contains(re.Equipment, e.Equipment) {
				re.Equipment = append(re.Equipment, e.Equipment)
			}
		case e.Floor && b.s.NoFloor:
			re.Floor = true
		case e.Level == Intermediate && b.s.Level == Beginner:
			re.Level = true
		case slices.Contains(b.s.Exclude, e.ID):
			re.Excluded = append(re.Excluded, e.ID)
		}
	}
	slices.SortFunc(re.Equipment, func(x, y Equipment) int {
		return slices.Index(EquipmentKinds, x) - slices.Index(EquipmentKinds, y)
	})
	input := "focus"
	switch {
	case len(re.Equipment) > 0:
		input = "equipment"
	case re.Floor:
		input = "no-floor"
	case re.Level:
		input = "level"
	case len(re.Excluded) > 0:
		input = "exclude"
	}
	return &Error{Kind: BuildProblem, Input: input, Msg: re.Error(), Err: re}
}

// RoleError is why a role of a focus's prescription could not be filled:
// what kept each of its exercises out of the plan. It is the Err of a
// BuildProblem (errors.As(err, &re)), so that a front end can say what
// would help in its own words.
type RoleError struct {
	Role  string // the role's name, as "horizontal pull"
	Focus Focus
	// Equipment is what some of the role's exercises need that the
	// options do not allow, in EquipmentKinds' order.
	Equipment []Equipment
	Floor     bool     // some are floor work, which the options leave out
	Level     bool     // some are for a higher level than the options'
	Excluded  []string // the ids of those the options exclude
}

func (e *RoleError) Error() string {
	var why []string
	if len(e.Equipment) > 0 {
		nouns := make([]string, len(e.Equipment))
		for i, k := range e.Equipment {
			nouns[i] = k.Noun()
		}
		why = append(why, "need "+words.Or(nouns))
	}
	if e.Floor {
		why = append(why, "are floor work")
	}
	if e.Level {
		why = append(why, "are for the intermediate level")
	}
	if len(e.Excluded) > 0 {
		ids := make([]string, len(e.Excluded))
		for i, id := range e.Excluded {
			ids[i] = Quote(id)
		}
		why = append(why, "are excluded ("+strings.Join(ids, ", ")+")")
	}
	msg := fmt.Sprintf("no exercise for the %s role of the %s focus suits these options", e.Role, e.Focus)
	if len(why) == 0 {
		return msg
	}
	return msg + ": its exercises " + strings.Join(why, ", or ")
}

// shareWarmup gives each warm-up role its minutes: the warm-up takes a
// quarter of the session (two minutes at least, ten at most), shared
// evenly, the first roles taking what does not divide.
func (b *builder) shareWarmup() {
	if len(b.warm) == 0 {
		return
	}
	total := min(max(b.s.Minutes/4, 2), 10)
	n := len(b.warm)
	for i, w := range b.warm {
		w.minutes = total / n
		if i < total%n {
			w.minutes++
		}
	}
}

// warmupDose is the dose of warm-up exercise e in a role of the given
// minutes: those minutes, within the exercise's own start and top, or its
// starting dose when it is not counted in minutes.
func warmupDose(e Exercise, minutes int) Dose {
	d := e.Dose.Start
	if d.Minutes > 0 {
		d.Minutes = min(max(minutes, d.Minutes), max(e.Dose.Top.Minutes, d.Minutes))
	}
	d.Sets = max(d.Sets, 1)
	d.Each = e.Dose.Each
	return d
}

// warmupSpell is the 0-based spell of warm-up pairs that week n belongs
// to. A plan teaches one warm-up pair and keeps it: a long plan changes it
// at every fourth easier week (weeks 16, 32 and so on), when the doses drop
// back and there is room to learn something new, but never in its last
// warmupKeep weeks, so that a new pair is not learnt only to be dropped.
func warmupSpell(n, weeks int) int {
	spell, easy := 0, 0
	for w := 1; w <= n; w++ {
		if !easyWeek(w, weeks) {
			continue
		}
		easy++
		if easy%warmupEvery == 0 && w <= weeks-warmupKeep {
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

// warmup returns the warm-up of week n with its doses: one exercise of
// each warm-up role, the same every session of the week.
func (b *builder) warmup(n int) []Item {
	var out []Item
	for _, w := range b.warm {
		e := w.cands[b.weeks[n].spell%len(w.cands)]
		out = append(out, Item{Exercise: e.ID, Dose: warmupDose(e, w.minutes)})
	}
	return out
}
