package plan

import (
	"fmt"
	"slices"
	"strconv"
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
	// Doses are the clinician's own doses for exercises the plan uses;
	// Order, the order of the main exercises in a session (exercises it
	// does not name follow, in the planner's order). See DoseChange.
	Doses []DoseChange
	Order []string

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

	// Preset is the name of the catalogue's preset the clinician started
	// from, if any. The planner does not apply it (a front end fills the
	// options it sets, leaving those the clinician gave); it checks the
	// name and records it in the plan.
	Preset string
	// LargePrint records that the workbook is printed in large print, so
	// that the plan file reprints it the same way. The planner only
	// records it.
	LargePrint bool
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
	// Doses and Order are the clinician's changes (Options.Doses and
	// Options.Order), kept so that the plan can be built again.
	Doses []DoseChange `yaml:"doses,omitempty"`
	Order []string     `yaml:"order,omitempty,flow"`
	// Weekdays are the days of the week chosen for training, when the
	// clinician chose them; otherwise the days are spread through the week.
	Weekdays Weekdays `yaml:"weekdays,omitempty,flow"`
	Start    Date     `yaml:"start"`
	Issued   Date     `yaml:"issued"`
	Review   Date     `yaml:"review,omitempty"` // the next appointment, if booked
	// Preset is the catalogue's preset the plan started from, if any.
	Preset string `yaml:"preset,omitempty"`
	// LargePrint is true when the workbook was made in large print.
	LargePrint bool   `yaml:"large_print,omitempty"`
	Lang       string `yaml:"lang,omitempty"` // the workbook's language; "" is English
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
			return nil, optErr("weekdays", "unknown day %s (write the days as mon, tue, wed, thu, fri, sat or sun)", Quote(part))
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
		return "weeks", rangeMsg("weeks", maxMinutes, strconv.Itoa(s.Weeks))
	case s.Days < MinDays || s.Days > MaxDays:
		return "days", rangeMsg("days", maxMinutes, strconv.Itoa(s.Days))
	case s.Minutes < MinSessionMinutes || s.Minutes > maxMinutes:
		return "minutes", rangeMsg("minutes", maxMinutes, strconv.Itoa(s.Minutes))
	}
	return "", ""
}

// rangeMsg says that got is outside the range of weeks, days or minutes.
func rangeMsg(field string, maxMinutes int, got string) string {
	if len(got) > 24 {
		got = got[:24] + "…"
	}
	switch field {
	case "weeks":
		return fmt.Sprintf("weeks must be %d–%d, got %s", MinWeeks, MaxWeeks, got)
	case "days":
		return fmt.Sprintf("days must be %d–%d a week, got %s", MinDays, MaxDays, got)
	}
	return fmt.Sprintf("minutes must be %d–%d a session, got %s", MinSessionMinutes, maxMinutes, got)
}

// OutOfRange is the error for a whole number given for weeks, days or
// minutes that no plan may take: 0, which Options reads as "not given",
// or one too long to be read at all. It reads as the planner's own check
// of the range.
func OutOfRange(option, got string) error {
	return optErr(option, "%s", rangeMsg(option, MaxSessionMinutes, strings.TrimSpace(got)))
}

// ParseFocus returns the focus named s.
func ParseFocus(s string) (Focus, error) {
	f := Focus(strings.ToLower(strings.TrimSpace(s)))
	if !slices.Contains(Focuses, f) {
		return "", optErr("focus", "unknown focus %s (choose %s)", Quote(s), words.Or(Focuses))
	}
	return f, nil
}

// ParseLevel returns the level named s.
func ParseLevel(s string) (Level, error) {
	l := Level(strings.ToLower(strings.TrimSpace(s)))
	if !slices.Contains(Levels, l) {
		return "", optErr("level", "unknown level %s (choose %s)", Quote(s), words.Or(Levels))
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
			return nil, optErr("equipment", "unknown equipment %s (choose none, %s)", Quote(strings.TrimSpace(part)), words.Or(EquipmentKinds))
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
		NoFloor: o.NoFloor, Minutes: o.Minutes, LargePrint: o.LargePrint, Lang: o.Lang,
	}
	if o.Preset != "" {
		if _, ok := c.Preset(o.Preset); !ok {
			return s, optErr("preset", "%s", c.UnknownPreset(o.Preset))
		}
		s.Preset = o.Preset
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
	if err := o.resolveChanges(c, &s); err != nil {
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
			return optErr("include", "exercise %s is both included and excluded; keep one", Quote(id))
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
