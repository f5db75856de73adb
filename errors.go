package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// cliError is an error with the exit code and hint it should give.
type cliError struct {
	err  error
	code int
	hint string
}

func (e *cliError) Error() string { return e.err.Error() }
func (e *cliError) Unwrap() error { return e.err }

// usageErr is a mistake in the command line: exit 2.
func usageErr(hint, format string, args ...any) error {
	return &cliError{err: fmt.Errorf(format, args...), code: 2, hint: hint}
}

// failure is any other failure, with a hint: exit 1.
func failure(hint string, err error) error {
	return &cliError{err: err, code: 1, hint: hint}
}

// planHint words what to do about a plan error, naming the choice as
// name spells it: a flag on the command line, a cell in a roster.
func planHint(e *plan.Error, name func(option string) string) string {
	switch {
	case e.Kind == plan.OptionProblem && strings.Contains(e.Msg, "unknown exercise"):
		return "backplan --list shows the ids"
	case e.Kind != plan.BuildProblem:
		return ""
	case e.Input == "catalog":
		return "add a cardio or dynamic exercise to the catalogue"
	case e.Input == "include":
		return "raise " + name("minutes") + " or include fewer exercises"
	}
	return "raise " + name("minutes") + ", allow more equipment or floor work, or exclude fewer exercises"
}

// flagName spells an option as the command line takes it.
func flagName(option string) string { return "--" + option }

// cellName spells an option as a roster names it.
func cellName(option string) string { return "the " + option + " cell" }

// isTextError reports whether err is text the fonts cannot draw: bad input,
// exit 2.
func isTextError(err error) bool {
	var te *render.TextError
	return errors.As(err, &te)
}
