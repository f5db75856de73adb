package plan

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/backplan/backplan/internal/words"
)

// Plan is a whole programme: who it is for, the settings that made it, the
// exercises it uses (in the order first met) and its weeks.
type Plan struct {
	Patient   Patient    `yaml:"patient"`
	Settings  Settings   `yaml:"settings"`
	Exercises []Exercise `yaml:"exercises"`
	Weeks     []Week     `yaml:"weeks"`
}

// Week is one week of a plan.
type Week struct {
	Number int  `yaml:"week"`
	Start  Date `yaml:"start"`
	// Easy marks a consolidation week: doses drop back to let the body
	// catch up before the next climb.
	Easy bool `yaml:"easy,omitempty"`
	// Steady marks a week whose doses are the plan's top ones, as the week
	// before: the patient keeps this level rather than climbing.
	Steady bool `yaml:"steady,omitempty"`
	// Review asks the patient to see the clinician again this week: at the
	// end of the plan and at least every ReviewEvery weeks.
	Review bool `yaml:"review,omitempty"`
	// Appointment is the booked review (Settings.Review) when it falls in
	// this week.
	Appointment Date      `yaml:"appointment,omitempty"`
	Sessions    []Session `yaml:"sessions"`
}

// End returns the last day of the week.
func (w Week) End() Date { return w.Start.AddDays(6) }

// Session is one training day.
type Session struct {
	Date    Date   `yaml:"date"`
	Minutes int    `yaml:"minutes"` // estimated from the doses
	Items   []Item `yaml:"items"`
}

// Item is one exercise in a session, with that week's dose.
type Item struct {
	Exercise string `yaml:"exercise"`
	Dose     Dose   `yaml:"dose,flow"`
}

// Exercise returns the plan's exercise with the given id.
func (p *Plan) Exercise(id string) (Exercise, bool) {
	for _, e := range p.Exercises {
		if e.ID == id {
			return e, true
		}
	}
	return Exercise{}, false
}

// End returns the last day of the plan.
func (p *Plan) End() Date {
	if len(p.Weeks) == 0 {
		return p.Settings.Start
	}
	return p.Weeks[len(p.Weeks)-1].End()
}

// LongestSession is the estimated length in minutes of the plan's longest
// session: what a patient should set aside. It is at most
// Settings.Minutes, and less where the catalogue cannot fill the time
// within the clinical ranges.
func (p *Plan) LongestSession() int {
	most := 0
	for _, w := range p.Weeks {
		for _, s := range w.Sessions {
			most = max(most, s.Minutes)
		}
	}
	return most
}

// DoseByWeek returns, for the exercise id, its dose in each week (the zero
// Dose where the week does not use it). When a week uses the exercise more
// than once, the dose of its first session is given: a week's doses agree.
func (p *Plan) DoseByWeek(id string) []Dose {
	out := make([]Dose, len(p.Weeks))
	for i, w := range p.Weeks {
	sessions:
		for _, s := range w.Sessions {
			for _, it := range s.Items {
				if it.Exercise == id {
					out[i] = it.Dose
					break sessions
				}
			}
		}
	}
	return out
}

// DoseText is the dose of e as the workbook and the preview print it
// everywhere: the dose's own words, and, from the second resistance level
// on, what that level means for e's equipment ("2 sets of 12, next band
// up").
func (e Exercise) DoseText(d Dose) string {
	if d.Level <= 1 {
		return d.String()
	}
	return d.amount() + ", " + e.Equipment.Heavier(d.Level)
}

// Heavier says what resistance level n (2 or more) means for the
// equipment, counted from the band or weight the patient starts with:
// "next band up", "two bands up", "a slightly heavier weight".
func (e Equipment) Heavier(level int) string {
	steps := level - 1
	switch {
	case steps <= 0:
		return ""
	case e == Band && steps == 1:
		return "next band up"
	case e == Band:
		return numberWord(steps) + " bands up"
	case e == Dumbbells && steps == 1:
		return "a slightly heavier weight"
	case e == Dumbbells:
		return numberWord(steps) + " weights up"
	case steps == 1:
		return "one step heavier"
	}
	return numberWord(steps) + " steps heavier"
}

// numberWord spells the small numbers of resistance steps, so that a dose
// line never shows a third numeral.
func numberWord(n int) string {
	if n >= 1 && n <= 5 {
		return [...]string{"one", "two", "three", "four", "five"}[n-1]
	}
	return fmt.Sprint(n)
}

// DoseKind is how a dose is counted.
type DoseKind string

// The kinds of dose.
const (
	RepsDose    DoseKind = "reps"    // repetitions, in sets
	HoldsDose   DoseKind = "holds"   // repetitions that each hold a position, in one set
	TimedDose   DoseKind = "timed"   // seconds of movement, in sets
	MinutesDose DoseKind = "minutes" // minutes of steady activity
)

// Kind returns how the dose is counted.
func (d Dose) Kind() DoseKind {
	switch {
	case d.Minutes > 0:
		return MinutesDose
	case d.Seconds > 0:
		return TimedDose
	case d.Hold > 0:
		return HoldsDose
	}
	return RepsDose
}

// Boxes is the number of tick boxes the dose gets in a session: one a set.
// A dose of holds or of minutes is one set, so one box.
func (d Dose) Boxes() int {
	if d.IsZero() {
		return 0
	}
	return max(d.Sets, 1)
}

// IsZero reports whether the dose is unset.
func (d Dose) IsZero() bool { return d == Dose{} }

// String is the dose as a patient reads it without a key: never a bare
// number, never three numbers, and the sets (one tick box each) named
// whenever there can be more than one:
//
//	2 sets of 8
//	1 set of 8 each side
//	5 holds of 10 s
//	3 holds of 20 s each side
//	2 sets of 10 s each direction
//	3 min
//
// From resistance level 2 it adds how much heavier, in words that fit any
// equipment ("one step heavier"); Exercise.DoseText names the band or
// weight instead, and is what the workbook prints.
func (d Dose) String() string {
	if d.Level <= 1 {
		return d.amount()
	}
	return d.amount() + ", " + Equipment("").Heavier(d.Level)
}

// amount is the dose without its resistance level.
func (d Dose) amount() string {
	if d.IsZero() {
		return ""
	}
	var s string
	sets := words.Count(max(d.Sets, 1), "set")
	switch d.Kind() {
	case MinutesDose:
		s = fmt.Sprintf("%d min", d.Minutes)
	case TimedDose:
		s = fmt.Sprintf("%s of %d s", sets, d.Seconds)
	case HoldsDose:
		s = fmt.Sprintf("%s of %d s", words.Count(d.Reps, "hold"), d.Hold)
		if d.Sets > 1 {
			// Not from a valid catalogue or plan file; kept readable.
			s = fmt.Sprintf("%s, each %s", sets, s)
		}
	default:
		s = fmt.Sprintf("%s of %d", sets, d.Reps)
	}
	if d.Each != "" {
		s += " each " + d.Each
	}
	return s
}

// Words is the dose spelled out for a patient:
// "2 sets of 10 repetitions on each side".
func (d Dose) Words() string {
	if d.IsZero() {
		return ""
	}
	sets := max(d.Sets, 1)
	var parts []string
	switch {
	case d.Minutes > 0:
		parts = append(parts, words.Count(d.Minutes, "minute"))
	case d.Seconds > 0:
		parts = append(parts, fmt.Sprintf("%s of %s", words.Count(sets, "set"), words.Count(d.Seconds, "second")))
	case d.Hold > 0:
		parts = append(parts, fmt.Sprintf("%s, each held for %s", words.Count(d.Reps, "hold"), words.Count(d.Hold, "second")))
	default:
		parts = append(parts, fmt.Sprintf("%s of %s", words.Count(sets, "set"), words.Count(d.Reps, "repetition")))
	}
	switch d.Each {
	case "side":
		parts[0] += " on each side"
	case "direction":
		parts[0] += " in each direction"
	}
	if d.Level > 1 {
		parts = append(parts, Equipment("").Heavier(d.Level))
	}
	return strings.Join(parts, ", ")
}

// Seconds a session spends on things other than the movement itself.
const (
	repSeconds        = 3  // one controlled repetition
	holdSetupSeconds  = 5  // getting into and out of each hold, and a breath between
	transitionSeconds = 20 // reading the step, setting up, changing position
)

// restSeconds is the rest between sets.
func restSeconds(c Category) int {
	if c.Loaded() {
		return 45
	}
	return 15
}

// EstimateSeconds estimates how long the dose takes for an exercise of
// category c, including rest between sets and the change to the next
// exercise: 3 s a repetition, each hold plus 5 s to get in and out of it,
// 45 s rest between sets of strength and core work, 15 s otherwise, and 20 s
// to set up.
func EstimateSeconds(d Dose, c Category) int {
	sets := max(d.Sets, 1)
	var work int
	switch {
	case d.Minutes > 0:
		return d.Minutes*60 + transitionSeconds
	case d.Seconds > 0:
		work = d.Seconds
	default:
		work = d.Reps * repSeconds
		if d.Hold > 0 {
			work = d.Reps * (d.Hold + holdSetupSeconds)
		}
	}
	if d.Each != "" {
		work *= 2
	}
	return sets*work + (sets-1)*restSeconds(c) + transitionSeconds
}

// writeHeader writes the text's opening lines: the patient, the settings
// and the clinician's choices.
func (p *Plan) writeHeader(bw *bufio.Writer) {
	s := p.Settings
	if p.Patient.Name != "" {
		fmt.Fprintf(bw, "Patient:   %s\n", p.Patient.Name)
	}
	for _, f := range []struct{ k, v string }{
		{"Clinician", p.Patient.Clinician}, {"Clinic", p.Patient.Clinic},
		{"Contact", p.Patient.Contact}, {"Notes", p.Patient.Notes},
	} {
		if f.v != "" {
			fmt.Fprintf(bw, "%-10s %s\n", f.k+":", f.v)
		}
	}
	eq := "none"
	if len(s.Equipment) > 0 {
		var parts []string
		for _, e := range s.Equipment {
			parts = append(parts, string(e))
		}
		eq = strings.Join(parts, ", ")
	}
	floor := "yes"
	if s.NoFloor {
		floor = "no"
	}
	days := words.Count(s.Days, "day") + " a week"
	if len(s.Weekdays) > 0 {
		days += " (" + s.Weekdays.String() + ")"
	}
	fmt.Fprintf(bw, "Plan:      %s, %s, sessions of up to %d minutes (the longest planned: %d)\n", words.Count(s.Weeks, "week"), days, s.Minutes, p.LongestSession())
	fmt.Fprintf(bw, "Focus:     %s, %s\n", s.Focus, s.Level)
	fmt.Fprintf(bw, "Equipment: %s; floor work: %s\n", eq, floor)
	fmt.Fprintf(bw, "Dates:     %s to %s (issued %s)\n", s.Start, p.End(), s.Issued)
	if !s.Review.IsZero() {
		fmt.Fprintf(bw, "Review:    %s\n", s.Review)
	}
	if len(s.Include) > 0 {
		fmt.Fprintf(bw, "Include:   %s\n", strings.Join(s.Include, ", "))
	}
	if len(s.Exclude) > 0 {
		fmt.Fprintf(bw, "Exclude:   %s\n", strings.Join(s.Exclude, ", "))
	}
	if s.Preset != "" {
		fmt.Fprintf(bw, "Preset:    %s\n", s.Preset)
	}
	if s.LargePrint {
		fmt.Fprintf(bw, "Print:     large\n")
	}
	for _, dc := range s.Doses {
		fmt.Fprintf(bw, "Dose:      %s: %s to %s\n", dc.Exercise, dc.Start, dc.Top)
	}
	if len(s.Order) > 0 {
		fmt.Fprintf(bw, "Order:     %s\n", strings.Join(s.Order, ", "))
	}
}

// WriteText writes the plan as readable text: the preview a clinician reads
// on screen, and the form the golden tests compare.
func (p *Plan) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p.writeHeader(bw)
	fmt.Fprintf(bw, "\nExercises:\n")
	for _, e := range p.Exercises {
		fmt.Fprintf(bw, "  %-27s %-9s %s\n", e.ID, e.Category, e.Name)
	}
	for _, wk := range p.Weeks {
		var marks []string
		if wk.Easy {
			marks = append(marks, "easier week")
		}
		if wk.Steady {
			marks = append(marks, "keep this level")
		}
		if wk.Review {
			marks = append(marks, "time to see your clinician again")
		}
		if !wk.Appointment.IsZero() {
			marks = append(marks, "appointment "+wk.Appointment.String())
		}
		note := ""
		if len(marks) > 0 {
			note = " (" + strings.Join(marks, "; ") + ")"
		}
		fmt.Fprintf(bw, "\nWeek %d: %s to %s%s\n", wk.Number, wk.Start, wk.End(), note)
		for _, ses := range wk.Sessions {
			fmt.Fprintf(bw, "  %s %s, about %d min\n", ses.Date.Format("Mon"), ses.Date, ses.Minutes)
			for _, it := range ses.Items {
				e, _ := p.Exercise(it.Exercise)
				fmt.Fprintf(bw, "    %-27s %s\n", it.Exercise, e.DoseText(it.Dose))
			}
		}
	}
	return bw.Flush()
}
