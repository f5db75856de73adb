package plan

// The clinician's changes to what the planner chose: an exercise's own
// start and top dose, and the order of the main exercises in a session.
// Taking an exercise out and putting one in (or swapping one for another,
// which is both) are the include and exclude lists. The changes are
// options, so they are kept in a plan's settings and a plan file: opening
// the file again gives back every choice that made it.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// DoseChange is the clinician's own dose for one exercise: where it
// starts and the top it climbs to, one rung a week as the catalogue's
// doses do (then, for band and weight work, one resistance step). The
// planner keeps it as given: it does not move it to fill a session.
type DoseChange struct {
	Exercise string `yaml:"exercise"`
	Start    Dose   `yaml:"start,flow"`
	Top      Dose   `yaml:"top,flow"`
}

// String is the change as ParseDoseChange reads it:
// "row-band=2 sets of 8 to 3 sets of 12".
func (c DoseChange) String() string {
	return c.Exercise + "=" + c.Start.amount() + " to " + c.Top.amount()
}

// doseText matches one dose as the workbook writes it, without "each
// side": "2 sets of 8", "8", "5 holds of 10 s", "2 sets of 30 s", "3 min".
var doseText = regexp.MustCompile(`^(?:(\d+) *(?:x|sets? +of) *)?(\d+)(?: *(?:(holds?)? *(?:of|x|@) *(\d+) *s(?:ec(?:ond)?s?)?|(s|sec|secs|seconds?|min|mins|minutes?)))?$`)

// ParseDose reads a dose written as the workbook prints it: "2 sets of
// 8" (or "2x8"), "5 holds of 10 s", "2 sets of 30 s", "3 min". Case and
// spaces do not matter; "each side" and "each direction" at the end are
// read past, since they belong to the exercise.
func ParseDose(s string) (Dose, error) {
	t := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for _, each := range []string{" each side", " each direction"} {
		t = strings.TrimSuffix(t, each)
	}
	m := doseText.FindStringSubmatch(t)
	if m == nil {
		return Dose{}, fmt.Errorf("%q is not a dose (write it as the workbook does: 2 sets of 8, 5 holds of 10 s, 2 sets of 30 s or 10 min)", clipText(s))
	}
	num := func(v string) int {
		n, err := strconv.Atoi(v)
		if err != nil || n > 10000 {
			return 10000 // out of every range: validate words it
		}
		return n
	}
	d := Dose{Sets: 1}
	if m[1] != "" {
		d.Sets = num(m[1])
	}
	n := num(m[2])
	switch {
	case m[4] != "":
		if m[1] != "" && m[3] != "" {
			return Dose{}, fmt.Errorf("%q: holds come in one set; write 5 holds of 10 s", clipText(s))
		}
		d.Reps, d.Hold = n, num(m[4])
	case strings.HasPrefix(m[5], "m"):
		d.Minutes = n
	case m[5] != "":
		d.Seconds = n
	default:
		d.Reps = n
	}
	if err := d.validate(); err != nil {
		return Dose{}, fmt.Errorf("%q: %v", clipText(s), err)
	}
	return d, nil
}

// ParseDoseChange reads an exercise's own dose: its id, "=", and its start
// and top doses joined by "to" ("row-band=2 sets of 8 to 3 sets of 12").
// A single dose is both the start and the top: the exercise does not
// climb.
func ParseDoseChange(s string) (DoseChange, error) {
	id, doses, ok := strings.Cut(s, "=")
	id = strings.TrimSpace(id)
	if !ok || !idPattern.MatchString(id) {
		return DoseChange{}, fmt.Errorf("%q is not an exercise's dose (write the id, =, then the start and top: row-band=2 sets of 8 to 3 sets of 12)", clipText(s))
	}
	from, to, climbs := strings.Cut(doses, " to ")
	c := DoseChange{Exercise: id}
	var err error
	if c.Start, err = ParseDose(from); err != nil {
		return DoseChange{}, fmt.Errorf("exercise %q: start %w", id, err)
	}
	c.Top = c.Start
	if climbs {
		if c.Top, err = ParseDose(to); err != nil {
			return DoseChange{}, fmt.Errorf("exercise %q: top %w", id, err)
		}
	}
	if err := c.check(); err != nil {
		return DoseChange{}, fmt.Errorf("exercise %q: %w", id, err)
	}
	return c, nil
}

// check validates the change's doses as a catalogue's: each a valid dose,
// both measuring the same thing, the top nowhere below the start. An
// error is a *fieldError whose path starts at the change.
func (c *DoseChange) check() error {
	e := Exercise{Dose: DoseRange{Start: c.Start, Top: c.Top}}
	if err := e.validateDose(); err != nil {
		if fe, ok := err.(*fieldError); ok && len(fe.path) > 0 && fe.path[0] == "dose" {
			return &fieldError{path: fe.path[1:], msg: fe.msg}
		}
		return err
	}
	c.Start, c.Top = e.Dose.Start, e.Dose.Top
	return nil
}

// fits reports why the change cannot be e's dose ("" if it can): it must
// be counted as e's own dose is, since the steps say what to count.
func (c DoseChange) fits(e Exercise) string {
	if !e.Category.climbs() {
		return fmt.Sprintf("exercise %q is a warm-up or activity, whose dose the planner sets from the session's length", e.ID)
	}
	if c.Start.Kind() != e.Dose.Start.Kind() {
		return fmt.Sprintf("exercise %q is counted in %s (its catalogue dose is %s), not in %s", e.ID, e.Dose.Start.Kind(), e.Dose.Start.amount(), c.Start.Kind())
	}
	return ""
}

// doseFor returns the clinician's dose change for the exercise id, if any.
func (s Settings) doseFor(id string) (DoseChange, bool) {
	for _, c := range s.Doses {
		if c.Exercise == id {
			return c, true
		}
	}
	return DoseChange{}, false
}

// resolveChanges checks the dose changes and the order against the
// catalogue: known exercises, once each, doses counted as the exercise's.
func (o Options) resolveChanges(c *Catalog, s *Settings) error {
	for _, dc := range o.Doses {
		if err := dc.check(); err != nil {
			return optErr("dose", "dose: exercise %q: %v", dc.Exercise, err)
		}
		e, ok := c.Lookup(dc.Exercise)
		if !ok {
			return unknownExercise("dose", dc.Exercise)
		}
		if why := dc.fits(e); why != "" {
			return optErr("dose", "dose: %s", why)
		}
		if _, dup := s.doseFor(dc.Exercise); dup {
			return optErr("dose", "dose: exercise %q is given two doses; keep one", dc.Exercise)
		}
		if slices.Contains(s.Exclude, dc.Exercise) {
			return optErr("dose", "dose: exercise %q is left out, so it takes no dose", dc.Exercise)
		}
		s.Doses = append(s.Doses, dc)
	}
	for _, id := range o.Order {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		if _, ok := c.Lookup(id); !ok {
			return unknownExercise("order", id)
		}
		if slices.Contains(s.Order, id) {
			return optErr("order", "order: exercise %q is listed twice", id)
		}
		s.Order = append(s.Order, id)
	}
	return nil
}

// checkChanges checks a plan file's dose changes and order: well formed,
// each exercise once. The plan's own items carry the doses, so the
// exercises need not be in the catalogue any more.
func (s *Settings) checkChanges() error {
	path := []string{"settings"}
	for i := range s.Doses {
		dc := &s.Doses[i]
		dpath := at(path, "doses", i)
		switch {
		case !idPattern.MatchString(dc.Exercise):
			return planErr(at(dpath, "exercise"), "settings: doses: %q is not an exercise id (lower-case words joined by hyphens)", dc.Exercise)
		case slices.ContainsFunc(s.Doses[:i], func(o DoseChange) bool { return o.Exercise == dc.Exercise }):
			return planErr(at(dpath, "exercise"), "settings: doses: exercise %q is given two doses; keep one", dc.Exercise)
		}
		if err := dc.check(); err != nil {
			if fe, ok := err.(*fieldError); ok {
				return planErr(append(dpath, fe.path...), "settings: doses: exercise %q: %s", dc.Exercise, fe.msg)
			}
			return planErr(dpath, "settings: doses: exercise %q: %v", dc.Exercise, err)
		}
	}
	for i, id := range s.Order {
		switch {
		case !idPattern.MatchString(id):
			return planErr(at(path, "order", i), "settings: order: %q is not an exercise id (lower-case words joined by hyphens)", id)
		case slices.Contains(s.Order[:i], id):
			return planErr(at(path, "order", i), "settings: order: exercise %q is listed twice", id)
		}
	}
	return nil
}

// own gives p the clinician's own dose, when the settings hold one for
// its exercise: the ladder from that start to that top, climbed in full
// and never moved by the fit; the exercise is never dropped to save time.
func (b *builder) own(p *pick) {
	dc, ok := b.s.doseFor(p.e.ID)
	if !ok {
		return
	}
	p.e.Dose.Start, p.e.Dose.Top = dc.Start, dc.Top
	p.vol = p.e.volume(false)
	p.from, p.s, p.c = 0, 0, len(p.vol)-1
	p.own, p.fixed = true, true
}

// orderRank is where the clinician's order puts the exercise id: its place
// in the order, or after all of them when the order does not name it.
func (s Settings) orderRank(id string) int {
	if i := slices.Index(s.Order, id); i >= 0 {
		return i
	}
	return len(s.Order)
}

// clipText shortens a value quoted in an error.
func clipText(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
