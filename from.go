package main

// --from: a saved plan file, printed exactly as it is written. The table in
// modes.go keeps the plan options away from it.

import (
	"bytes"
	"fmt"
	"io"

	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

// readPlanFile reads a plan file; - is standard input.
func readPlanFile(path string, stdin io.Reader) (*plan.Plan, error) {
	data, name, err := readInput("plan file", path, stdin)
	if err != nil {
		return nil, err
	}
	p, err := plan.ReadPlan(bytes.NewReader(data), name)
	if err != nil {
		return nil, failure("fix the line it names; backplan --save-plan writes a plan file to start from", err)
	}
	// The plan file's language: the workbook must have it, which plan
	// cannot know.
	words, err := i18n.Builtin()
	if err != nil {
		return nil, err
	}
	if _, err := words.Match(p.Settings.Lang); err != nil {
		return nil, failure("set the plan file's lang to one of those, or remove it for English", fmt.Errorf("%s: settings: lang: %w", name, err))
	}
	return p, nil
}
