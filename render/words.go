package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backplan/backplan/plan"
)

// The words a patient reads for the plan's settings. Every sentence here is
// written for a reading age of about twelve.

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// andList renders "a, b and c".
func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

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

func focusWords(f plan.Focus) string {
	switch f {
	case plan.FocusBalanced:
		return "Balanced: moving more easily, strength, and support for your trunk, in equal parts"
	case plan.FocusMobility:
		return "Moving more easily: loosening a stiff upper back and shoulders"
	case plan.FocusPosture:
		return "Posture: strengthening your upper back so you can sit and stand taller"
	case plan.FocusStrength:
		return "Strength: building strength in your upper back and shoulders"
	case plan.FocusCore:
		return "Trunk support: strengthening the muscles around your middle that hold you up"
	}
	return string(f)
}

func levelWords(l plan.Level) string {
	switch l {
	case plan.Beginner:
		return "Starting gently"
	case plan.Intermediate:
		return "For people already used to some exercise"
	}
	return string(l)
}

func equipmentList(eq []plan.Equipment) string {
	if len(eq) == 0 {
		return "Nothing special: things you have at home"
	}
	var out []string
	for _, e := range eq {
		out = append(out, equipmentWords(e))
	}
	return capitalize(andList(out))
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func equipmentWords(e plan.Equipment) string {
	switch e {
	case plan.Band:
		return "a resistance band"
	case plan.Dumbbells:
		return "light dumbbells"
	case plan.Cable:
		return "a cable machine (at a gym)"
	}
	return string(e)
}

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
	}
	return string(c)
}

func startWords(p plan.Position) string {
	switch p {
	case plan.Standing:
		return "Standing up tall."
	case plan.Seated:
		return "Sitting tall on a firm chair, feet flat on the floor."
	case plan.OnBack:
		return "Lying on your back on the floor, on a mat or carpet."
	case plan.FaceDown:
		return "Lying face down on the floor, on a mat or carpet."
	case plan.AllFours:
		return "On your hands and knees on the floor, on a mat or carpet."
	}
	return string(p)
}

func needsWords(e plan.Exercise) string {
	var out []string
	if e.Equipment != "" && e.Equipment != plan.None {
		out = append(out, equipmentWords(e.Equipment))
	}
	for _, n := range e.Needs {
		out = append(out, clean(n))
	}
	if len(out) == 0 {
		return "Nothing special."
	}
	return sentence(andList(out))
}
