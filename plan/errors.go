package plan

import (
	"errors"
	"fmt"
)

// Error is a problem with what the planner was given: an option it cannot
// use, a catalogue or plan file it cannot read, or options that are valid
// but cannot make a plan. It states the fact and never says how to fix it
// at the edge: the command line, a roster and a web form each word their
// own hint from Kind and Input, since only they know where the choice was
// made (a flag, a roster cell, a form field).
type Error struct {
	Kind ErrorKind
	// Input is what the problem is about: for options and plans that cannot
	// be built, the option's name as a clinician would type it ("weeks",
	// "include", "minutes", "catalog"); for files, the file's name.
	Input string
	Line  int    // for files, the 1-based line, or 0 when unknown
	Msg   string // the whole message, one line, lower-case, no hint
	// Exercise is the id of the exercise the problem is about, when it is
	// about one the options name (an unknown id in include or exclude).
	Exercise string
	// Err is the kind of problem, for errors.Is, when it has one of the
	// kinds below; nil otherwise.
	Err error
}

// ErrUnknownExercise is the kind of an Error about an exercise id that
// the catalogue does not have: errors.Is(err, plan.ErrUnknownExercise).
var ErrUnknownExercise = errors.New("unknown exercise")

// ErrorKind says which input an Error is about.
type ErrorKind int

// The kinds of Error.
const (
	// OptionProblem is an option the planner cannot use: a usage error.
	OptionProblem ErrorKind = iota + 1
	// BuildProblem is valid options that cannot make a plan, such as
	// more included exercises than the minutes allow.
	BuildProblem
	// CatalogProblem is a catalogue that cannot be loaded.
	CatalogProblem
	// PlanFileProblem is a plan file that cannot be read.
	PlanFileProblem
)

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the kind of problem, if the error has one.
func (e *Error) Unwrap() error { return e.Err }

// optErr is an OptionProblem with the option it is about.
func optErr(option, format string, args ...any) error {
	return &Error{Kind: OptionProblem, Input: option, Msg: fmt.Sprintf(format, args...)}
}

// unknownExercise is an OptionProblem about an id, given in the option
// named, that the catalogue does not have.
func unknownExercise(option, id string) error {
	return &Error{Kind: OptionProblem, Input: option, Exercise: id, Err: ErrUnknownExercise,
		Msg: fmt.Sprintf("%s: unknown exercise %s", option, Quote(id))}
}

// buildErr is a BuildProblem; option is the choice that would fix it.
func buildErr(option, format string, args ...any) error {
	return &Error{Kind: BuildProblem, Input: option, Msg: fmt.Sprintf(format, args...)}
}

// fileErr is a problem in a catalogue (CatalogProblem) or a plan file
// (PlanFileProblem) called name. Its message reads "name:line: what is
// wrong", or "name: what is wrong" when the line is not known.
func fileErr(kind ErrorKind, name string, line int, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	if line > 0 {
		msg = fmt.Sprintf("%s:%d: %s", name, line, msg)
	} else {
		msg = fmt.Sprintf("%s: %s", name, msg)
	}
	return &Error{Kind: kind, Input: name, Line: line, Msg: msg}
}
