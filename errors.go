package main

import (
	"errors"
	"fmt"

	"github.com/backplan/backplan/job"
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

// flagWords name options as the command line takes them, for hints.
var flagWords = job.Words{
	Option: func(name string) string { return "--" + name },
	IDs:    "backplan --list shows the ids",
}

// cellWords name options as a roster's cells, for the hints of its rows.
var cellWords = job.Words{
	Option: func(name string) string { return "the " + name + " cell" },
	IDs:    "backplan --list shows the ids",
}

// exitCode classifies err, by its kind: its exit code, and the hint to
// print in w's words. A mistake in what was given (an option's value,
// text the fonts cannot print, a roster that cannot be read) is 2; any
// other failure 1.
func exitCode(err error, w job.Words) (code int, hint string) {
	var ce *cliError
	var re *job.RosterError
	var te *render.TextError
	switch {
	case errors.As(err, &ce):
		return ce.code, ce.hint
	case errors.As(err, &re):
		return 2, re.Hint
	case errors.As(err, &te), job.IsUsage(err):
		return 2, w.Hint(err)
	}
	var pe *plan.Error
	if errors.As(err, &pe) {
		return 1, w.Hint(err)
	}
	return 1, ""
}
