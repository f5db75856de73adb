package main

// --from: a saved plan file, printed exactly as it is written. The table in
// modes.go keeps the plan options away from it.

import (
	"bytes"
	"io"

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
	return p, nil
}
