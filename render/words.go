package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/plan"
)

// The words a patient reads for the plan's settings and the catalogue's
// kinds. Every sentence here is written for a reading age of about twelve.
// Each function covers every value its type lists (plan.Focuses,
// plan.Levels, plan.Categories, plan.Positions); a test checks that none is
// left without words.

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// sentence capitalises the first letter and ends with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = capitalize(s)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// longDate is "Monday 30 November 2026".
func longDate(d plan.Date) string { return d.Format("Monday 2 January 2006") }

// dateRange is "Monday 30 November to Sunday 6 December 2026".
func dateRange(a, b plan.Date) string {
	if a.Format("2006") != b.Format("2006") {
		return longDate(a) + " to " + longDate(b)
	}
	return a.Format("Monday 2 January") + " to " + longDate(b)
}

// shortRange is "30 Nov to 6 Dec".
func shortRange(a, b plan.Date) string { return a.Format("2 Jan") + " to " + b.Format("2 Jan") }

// focusWords names what the plan leans on, as the cover's focus line
// begins.
func focusWords(f plan.Focus) string {
	switch f {
	case plan.FocusBalanced:
		return "A mix"
	case plan.FocusMobility:
		return "Loosening up"
	case plan.FocusPosture:
		return "Sitting and standing taller"
	case plan.FocusStrength:
		return "Building strength"
	case plan.FocusCore:
		return "Trunk support"
	}
	return ""
}

func levelWords(l plan.Level) string {
	switch l {
	case plan.Beginner:
		return "Starting gently"
	case plan.Intermediate:
		return "For people already used to some exercise"
	}
	return ""
}

// categoryWords is the kind of exercise, printed under its name.
func categoryWords(c plan.Category) string {
	switch c {
	case plan.Cardio, plan.Dynamic:
		return "Warm-up"
	case plan.Mobility:
		return "Moving more easily"
	case plan.Strength:
		return "Strength"
	case plan.Core:
		return "Trunk support"
	case plan.Activity:
		return "Staying active"
	}
	return ""
}

// workWords is what a category of exercise does for the patient, as the
// cover's focus line lists it: "exercises for …". Warm-ups have none: every
// session has one, and the cover says so elsewhere.
func workWords(c plan.Category) string {
	switch c {
	case plan.Mobility:
		return "moving more easily"
	case plan.Strength:
		return "a stronger upper back"
	case plan.Core:
		return "a stronger middle (your trunk)"
	case plan.Activity:
		return "staying active"
	}
	return ""
}

// positionWords is how to be at the start of an exercise in a position.
func positionWords(p plan.Position) string {
	switch p {
	case plan.Standing:
		return "Standing up tall."
	case plan.Seated:
		return "Sitting tall on a firm chair, feet flat on the floor."
	case plan.OnBack:
		return "Lying on your back on the floor, on a mat or carpet."
	case plan.FaceDown:
		return "Lying face down on the floor, on a mat or carpet."
	case plan.SideLying:
		return "Lying on your side on the floor, on a mat or carpet, with your head on a pillow."
	case plan.AllFours:
		return "On your hands and knees on the floor, on a mat or carpet."
	}
	return ""
}

// startWords is how to get into an exercise's start position: the
// catalogue's own words where it gives them (a bent-over row is not
// "standing up tall"), else its position's.
func startWords(e plan.Exercise) string {
	if s := clean(e.Start); s != "" {
		return sentence(s)
	}
	if s := positionWords(e.Position); s != "" {
		return s
	}
	return sentence(string(e.Position))
}

// needsWords lists what an exercise needs: its equipment and household
// things.
func needsWords(e plan.Exercise) string {
	var out []string
	if e.Equipment != "" && e.Equipment != plan.None {
		out = append(out, e.Equipment.Noun())
	}
	for _, n := range e.Needs {
		out = append(out, clean(n))
	}
	if len(out) == 0 {
		return "Nothing special."
	}
	return sentence(words.And(out))
}

// usedEquipment is the equipment the plan's exercises use, in the order
// plan.EquipmentKinds lists it: what the patient must have, which may be
// less than the clinician allowed.
func usedEquipment(p *plan.Plan) []plan.Equipment {
	var out []plan.Equipment
	for _, k := range plan.EquipmentKinds {
		for _, e := range p.Exercises {
			if e.Equipment == k {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// equipmentLine is the cover's equipment row.
func equipmentLine(p *plan.Plan) string {
	used := usedEquipment(p)
	if len(used) == 0 {
		return "None: every exercise uses things you have at home"
	}
	nouns := make([]string, len(used))
	for i, e := range used {
		nouns[i] = e.Noun()
	}
	return capitalize(words.And(nouns))
}

// focusLine is the cover's focus row: the plan's focus, then what its
// exercises work on, from the categories it contains.
func focusLine(p *plan.Plan) string {
	var work []string
	for _, c := range plan.Categories {
		w := workWords(c)
		if w == "" {
			continue
		}
		for _, e := range p.Exercises {
			if e.Category == c {
				work = append(work, w)
				break
			}
		}
	}
	f := focusWords(p.Settings.Focus)
	if f == "" {
		f = capitalize(string(p.Settings.Focus))
	}
	if len(work) == 0 {
		return f + ": warm-up exercises"
	}
	return f + ": exercises for " + words.And(work)
}
