package job

import (
	"errors"
	"strings"

	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/plan"
)

// Error is a value an option cannot take. Its message names the option
// as a word ("weeks must be a whole number, got "four""), never as a
// flag, a cell or a field: that is for the front end to add.
type Error struct {
	Option string // the option's name, as in the table
	Err    error  // what is wrong: a *plan.Error from the planner's parsers, or a plain error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// OptionOf returns the option an error is about: an *Error's, or the
// option a plan.Error about options names (a value out of range, or
// options that cannot make a plan); "" when it is about no one option.
func OptionOf(err error) string {
	var je *Error
	if errors.As(err, &je) {
		return je.Option
	}
	var pe *plan.Error
	if errors.As(err, &pe) && (pe.Kind == plan.OptionProblem || pe.Kind == plan.BuildProblem) {
		return pe.Input
	}
	return ""
}

// IsUsage reports whether err is a mistake in the options given: a value
// an option cannot take, one the planner refuses, or options that are
// each fine but can never make a plan together (no exercise fills a role,
// the included exercises do not fit the minutes). Other errors (a
// catalogue or plan file that cannot be read) are not.
func IsUsage(err error) bool {
	var je *Error
	var pe *plan.Error
	return errors.As(err, &je) || errors.As(err, &pe) && (pe.Kind == plan.OptionProblem || pe.Kind == plan.BuildProblem)
}

// Words are how a front end names where a choice is made, for its hints.
type Words struct {
	// Option names an option where it is chosen: "--minutes" on the
	// command line, "the minutes cell" in a roster.
	Option func(name string) string
	// IDs says where the exercises' ids are listed: "backplan --list
	// shows the ids".
	IDs string
}

// Hint says what to do about err, in w's words, or "" when the message
// says enough.
func (w Words) Hint(err error) string {
	var pe *plan.Error
	var re *plan.RoleError
	switch {
	case errors.Is(err, plan.ErrUnknownExercise):
		return w.IDs
	case errors.As(err, &re):
		return w.roleHint(re)
	case !errors.As(err, &pe) || pe.Kind != plan.BuildProblem:
		return ""
	case pe.Input == "include":
		return "raise " + w.Option("minutes") + " or include fewer exercises"
	}
	return "raise " + w.Option("minutes") + ", allow more equipment or floor work, or exclude fewer exercises"
}

// roleHint names the changes that would let a role be filled: only those
// that would bring back one of its exercises, then another focus.
func (w Words) roleHint(re *plan.RoleError) string {
	var ways []string
	if len(re.Equipment) > 0 {
		names := make([]string, len(re.Equipment))
		for i, k := range re.Equipment {
			names[i] = string(k)
		}
		ways = append(ways, "add "+words.Or(names)+" to "+w.Option("equipment"))
	}
	if re.Floor {
		ways = append(ways, "turn off "+w.Option("no-floor"))
	}
	if re.Level {
		ways = append(ways, "choose intermediate for "+w.Option("level"))
	}
	if len(re.Excluded) > 0 {
		ways = append(ways, "take "+words.Or(re.Excluded)+" out of "+w.Option("exclude"))
	}
	ways = append(ways, "change "+w.Option("focus"))
	return strings.Join(ways, ", or ")
}
