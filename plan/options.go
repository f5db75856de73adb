package plan

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/backplan/backplan/internal/words"
	"gopkg.in/yaml.v3"
)

// Focus is what a plan leans on; see the package documentation.
type Focus string

// The focuses.
const (
	FocusBalanced Focus = "balanced"
	FocusMobility Focus = "mobility"
	FocusPosture  Focus = "posture"
	FocusStrength Focus = "strength"
	FocusCore     Focus = "core"
)

// Focuses lists every focus, the default first.
var Focuses = []Focus{FocusBalanced, FocusMobility, FocusPosture, FocusStrength, FocusCore}

// Level is how used to exercise the patient is.
type Level string

// The levels.
const (
	Beginner     Level = "beginner"
	Intermediate Level = "intermediate"
)

// Levels lists every level, the default first.
var Levels = []Level{Beginner, Intermediate}

// Limits and defaults of the options.
const (
	MinWeeks              = 1
	MaxWeeks              = 52
	DefaultWeeks          = 4
	MinDays               = 1
	MaxDays               = 7
	DefaultDays           = 3
	MinSessionMinutes     = 10
	MaxSessionMinutes     = 45
	DefaultSessionMinutes = 20
	// MaxSavedMinutes is the longest session a plan file may hold: plans
	// saved before MaxSessionMinutes came down from 90 still print.
	MaxSavedMinutes = 90
)

// DefaultEquipment is what a plan assumes when the clinician says nothing: a
// resistance band. Bands are cheap, light and what most clinics hand out,
// and without one the rows and rotator-cuff work at the heart of upper-back
// rehabilitation drop out. Pass an empty, non-nil list for "no equipment".
var DefaultEquipment = []Equipment{Band}

// Patient holds who the workbook is for and who wrote it. Every field is
// optional and printed as given.
type Patient struct {
	Name      string `yaml:"name,omitempty"`
	Clinician string `yaml:"clinician,omitempty"`
	Clinic    string `yaml:"clinic,omitempty"`
	Contact   string `yaml:"contact,omitempty"`
	Notes     string `yaml:"notes,omitempty"`
}

// Options are the clinician's choices. The zero value of a field means its
// default, except Equipment, where nil means DefaultEquipment and an empty
// list means none.
type Options struct {
	Weeks     int
	Days      int // training days a week
	Focus     Focus
	Level     Level
	Equipment []Equipment
	NoFloor   bool // only standing and seated exercises
	Minutes   int  // session length
	Include   []string
	Exclude   []string

	// Weekdays, when not empty, are the days of the week to train on; they
	// set the number of days, and Days must then be zero or agree.
	Weekdays []time.Weekday

	// Start is the first day of the plan; zero means the Monday after Today.
	Start Date
	// Review is the patient's next appointment with the clinician; zero
	// means none is booked.
	Review Date
	// Today is the run date. It sets the default start and the issue date
	// printed on the workbook. It must be set: the planner never reads the
	// clock.
	Today Date

	// Lang is the language the workbook is printed in, a tag such as
	// "es"; "" is English. The planner keeps it for the plan file, so
	// that a reprint speaks the same language; render checks it.
	Lang string

	Patient Patient
}

// Settings are Options resolved: every default filled in. A Plan carries
// them so that it can be printed, saved and built again.
type Settings struct {
	Weeks     int         `yaml:"weeks"`
	Days      int         `yaml:"days"`
	Focus     Focus       `yaml:"focus"`
	Level     Level       `yaml:"level"`
	Equipment []Equipment `yaml:"equipment,flow"`
	NoFloor   bool        `yaml:"no_floor"`
	Minutes   int         `yaml:"minutes"`
	Include   []string    `yaml:"include,omitempty,flow"`
	Exclude   []string    `yaml:"exclude,omitempty,flow"`
	// Weekdays are the days of the week chosen for training, when the
	// clinician chose them; otherwise the days are spread through the week.
	Weekdays Weekdays `yaml:"weekdays,omitempty,flow"`
	Start    Date     `yaml:"start"`
	Issued   Date     `yaml:"issued"`
	Review   Date     `yaml:"review,omitempty"` // the next appointment, if booked
	Lang     string   `yaml:"lang,omitempty"`   // the workbook's language; "" is English
}

// Weekdays are days of the week, in week order from Sunday. A plan file
// writes them as short names: [mon, wed, fri].
type Weekdays []time.Weekday

// ParseWeekdays parses a comma-separated list of days such as
// "mon,wed,fri" or "Monday, Thursday", in any case. It returns them in
// week order from Sunday, once each.
func ParseWeekdays(s string) (Weekdays, error) {
	var out Weekdays
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		wd, ok := ParseWeekday(part)
		if !ok {
			return nil, optErr("weekdays", "unknown day %q (write the days as mon, tue, wed, thu, fri, sat or sun)", part)
		}
		if !slices.Contains(out, wd) {
			out = append(out, wd)
		}
	}
	if len(out) == 0 {
		return nil, optErr("weekdays", "no days given (write the days as mon, tue, wed, thu, fri, sat or sun)")
	}
	slices.Sort(out)
	return out, nil
}

// String returns the days as "mon, wed, fri".
func (w Weekdays) String() string {
	names := make([]string, len(w))
	for i, d := range w {
		names[i] = weekdayNames[d%7]
	}
	return strings.Join(names, ", ")
}

// MarshalYAML writes the short names.
func (w Weekdays) MarshalYAML() (any, error) {
	names := make([]string, len(w))
	for i, d := range w {
		names[i] = weekdayNames[d%7]
	}
	return names, nil
}

// UnmarshalYAML reads a list of day names.
func (w *Weekdays) UnmarshalYAML(n *yaml.Node) error {
	var names []string
	if err := n.Decode(&names); err != nil {
		return err
	}
	v, err := ParseWeekdays(strings.Join(names, ","))
	if err != nil || len(v) != len(names) {
		return fmt.Errorf("line %d: weekdays must be different days written as mon, tue, wed, thu, fri, sat or sun, got %v", n.Line, names)
	}
	*w = v
	return nil
}

// outOfRange checks the weeks, days and minutes against their limits: the
// one home of these rules, for options and plan files alike. maxMinutes is
// the longest session allowed: MaxSessionMinutes for a new plan, and
// MaxSavedMinutes for a plan file, which an earlier backplan may have
// written. It returns the field and the problem, or "" when all are in
// range.
func (s Settings) outOfRange(maxMinutes int) (field, msg string) {
	switch {
	case s.Weeks < MinWeeks || s.Weeks > MaxWeeks:
		return "weeks", fmt.Sprintf("weeks must be %d–%d, got %d", MinWeeks, MaxWeeks, s.Weeks)
	case s.Days < MinDays || s.Days > MaxDays:
		return "days", fmt.Sprintf("days must be %d–%d a week, got %d", MinDays, MaxDays, s.Days)
	case s.Minutes < MinSessionMinutes || s.Minutes > maxMinutes:
		return "minutes", fmt.Sprintf("minutes must be %d–%d a session, got %d", MinSessionMinutes, maxMinutes, s.Minutes)
	}
	return "", ""
}

// ParseFocus returns the focus named s.
func ParseFocus(s string) (Focus, error) {
	f := Focus(strings.ToLower(strings.TrimSpace(s)))
	if !slices.Contains(Focuses, f) {
		return "", optErr("focus", "unknown focus %q (choose %s)", s, words.Or(Focuses))
	}
	return f, nil
}

// ParseLevel returns the level named s.
func ParseLevel(s string) (Level, error) {
	l := Level(strings.ToLower(strings.TrimSpace(s)))
	if !slices.Contains(Levels, l) {
		return "", optErr("level", "unknown level %q (choose %s)", s, words.Or(Levels))
	}
	return l, nil
}

// ParseEquipment parses a comma-separated list such as "band,dumbbells".
// "none" alone means no equipment and gives an empty, non-nil list.
func ParseEquipment(s string) ([]Equipment, error) {
	out := []Equipment{}
	for _, part := range strings.Split(s, ",") {
		e := Equipment(strings.ToLower(strings.TrimSpace(part)))
		switch {
		case e == "" || e == None:
			continue
		case e == "dumbbell" || e == "weights":
			e = Dumbbells
		case e == "cable-machine" || e == "machine":
			e = Cable
		}
		if !slices.Contains(EquipmentKinds, e) {
			return nil, optErr("equipment", "unknown equipment %q (choose none, %s)", strings.TrimSpace(part), words.Or(EquipmentKinds))
		}
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b Equipment) int {
		return slices.Index(EquipmentKinds, a) - slices.Index(EquipmentKinds, b)
	})
	return out, nil
}

// resolve checks the options against the catalogue and fills defaults.
func (o Options) resolve(c *Catalog) (Settings, error) {
	s := Settings{
		Weeks: o.Weeks, Days: o.Days, Focus: o.Focus, Level: o.Level,
		NoFloor: o.NoFloor, Minutes: o.Minutes, Lang: o.Lang,
	}
	if s.Weeks == 0 {
		s.Weeks = DefaultWeeks
	}
	if err := o.resolveWeekdays(&s); err != nil {
		return s, err
	}
	if s.Days == 0 {
		s.Days = DefaultDays
	}
	if s.Minutes == 0 {
		s.Minutes = DefaultSessionMinutes
	}
	if field, msg := s.outOfRange(MaxSessionMinutes); msg != "" {
		return s, optErr(field, "%s", msg)
	}
	if s.Focus == "" {
		s.Focus = FocusBalanced
	}
	if _, err := ParseFocus(string(s.Focus)); err != nil {
		return s, err
	}
	if s.Level == "" {
		s.Level = Beginner
	}
	if _, err := ParseLevel(string(s.Level)); err != nil {
		return s, err
	}
	if o.Equipment == nil {
		s.Equipment = slices.Clone(DefaultEquipment)
	} else {
		var parts []string
		for _, e := range o.Equipment {
			parts = append(parts, string(e))
		}
		eq, err := ParseEquipment(strings.Join(parts, ","))
		if err != nil {
			return s, err
		}
		s.Equipment = eq
	}
	if err := o.resolveExercises(c, &s); err != nil {
		return s, err
	}
	return s, o.resolveDates(&s)
}

// resolveWeekdays checks the chosen weekdays, which set the number of
// days.
func (o Options) resolveWeekdays(s *Settings) error {
	if len(o.Weekdays) == 0 {
		return nil
	}
	var names []string
	for _, d := range o.Weekdays {
		if d < time.Sunday || d > time.Saturday {
			return optErr("weekdays", "%d is not a day of the week", int(d))
		}
		names = append(names, weekdayNames[d])
	}
	wd, err := ParseWeekdays(strings.Join(names, ","))
	if err != nil {
		return err
	}
	if s.Days != 0 && s.Days != len(wd) {
		return optErr("days", "days: %d does not agree with the %s chosen (%s)", s.Days, words.Count(len(wd), "weekday"), wd)
	}
	s.Weekdays = wd
	s.Days = len(wd)
	return nil
}

// resolveExercises checks the included and excluded exercises against the
// catalogue, once each.
func (o Options) resolveExercises(c *Catalog, s *Settings) error {
	for _, list := range []struct {
		name string
		ids  []string
		dst  *[]string
	}{{"include", o.Include, &s.Include}, {"exclude", o.Exclude, &s.Exclude}} {
		for _, id := range list.ids {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if _, ok := c.Lookup(id); !ok {
				return unknownExercise(list.name, id)
			}
			if !slices.Contains(*list.dst, id) {
				*list.dst = append(*list.dst, id)
			}
		}
	}
	for _, id := range s.Include {
		if slices.Contains(s.Exclude, id) {
			return optErr("include", "exercise %q is both included and excluded; keep one", id)
		}
	}
	return nil
}

// resolveDates checks the run date, the start and the review, and fills
// the start.
func (o Options) resolveDates(s *Settings) error {
	if o.Today.IsZero() {
		return optErr("start", "the run date (Options.Today) is not set")
	}
	for _, d := range []struct {
		name string
		date Date
	}{{"start", o.Start}, {"review", o.Review}, {"start", o.Today}} {
		if err := d.date.check(); err != nil {
			return optErr(d.name, "%s: %v", d.name, err)
		}
	}
	s.Issued = o.Today
	if o.Start.IsZero() {
		s.Start = o.Today.NextMonday()
	} else {
		s.Start = o.Start
	}
	if end := s.Start.AddDays(7*s.Weeks - 1); LastDate.Before(end) {
		return optErr("start", "a plan starting %s would end after %s", s.Start, LastDate)
	}
	if !o.Review.IsZero() && o.Review.Before(o.Today) {
		return optErr("review", "the review date %s is before today (%s)", o.Review, o.Today)
	}
	s.Review = o.Review
	return nil
}
