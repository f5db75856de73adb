package main

import (
	"slices"

	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/job"
)

// mode is what one run of backplan does.
type mode int

const (
	workbookMode mode = iota // write one workbook (a new plan, or --from a saved one)
	helpMode
	versionMode
	licensesMode
	listMode
	figuresMode
	batchMode
	previewMode
)

// The options, by what they are about: job's groups, and the files the
// command line reads and writes.
var (
	// planOptions shape a new plan: job's and the catalogue it is made from.
	planOptions = append(job.Names(job.PlanGroup), "catalog")
	// patientOptions are printed in the workbook; a batch row names its
	// own patient.
	patientOptions = job.Names(job.PatientGroup)
	// printOptions are how a workbook is printed, the clinic's logo
	// among them.
	printOptions = append(job.Names(job.PrintGroup), "logo")
	pdfOptions   = append([]string{"out"}, printOptions...)
	// sendOptions are how a workbook reaches the patient: job's, and the
	// email draft to write.
	sendOptions = append(job.Names(job.SendGroup), "eml")
)

// rule is one row of the table of which options go with which mode: the
// option that chooses a mode, what that mode does, and the other options it
// takes. Any other option given with it is refused, since it would be
// silently ignored: "--list prints the catalogue and nothing else, so
// --weeks cannot go with it".
type rule struct {
	option string
	mode   mode
	does   string
	takes  []string
	hint   string
}

// rules is the table, in the order it is read: the first rule whose option
// is given chooses the mode, and every rule whose option is given must
// accept the others (--from and --preview go together).
var rules = []rule{
	{option: "list", mode: listMode, does: "prints the catalogue and nothing else",
		takes: []string{"catalog"}},
	{option: "figures", mode: figuresMode, does: "draws the catalogue and nothing else",
		takes: []string{"catalog", "paper", "large-print"}},
	// Each row of a roster is its own patient, with its own address: a
	// row with one gets an email draft beside its workbook.
	{option: "batch", mode: batchMode, does: "writes a workbook for each row",
		takes: join(planOptions, without(patientOptions, "patient"), printOptions, without(sendOptions, "email", "eml"), []string{"out-dir", "jobs"}),
		hint:  "the roster's patient and email columns name each workbook and its address; --out-dir says where they go"},
	// A clinician previews the plan they are about to print, so the print
	// and send options may stay on the line (their values are checked as
	// ever); only the files it would write may not.
	{option: "preview", mode: previewMode, does: "writes no PDF",
		takes: join(planOptions, patientOptions, printOptions, without(sendOptions, "eml"), []string{"from", "save-plan"}),
		hint:  "leave out --preview to write a PDF"},
	{option: "from", mode: workbookMode, does: "prints the saved plan as written",
		takes: join(pdfOptions, sendOptions, []string{"save-plan", "preview"}),
		hint:  "edit the plan file instead, or leave out --from to make a new plan"},
}

// needs are options that mean nothing without another, in the modes
// given (every mode, when none is).
var needs = []struct {
	options []string
	needs   string
	hint    string
	modes   []mode
}{
	{[]string{"out-dir", "jobs"}, "batch", "backplan --batch roster.csv --out-dir plans writes a workbook for each row", nil},
	{[]string{"email", "eml-plan"}, "eml", "backplan -p \"Ana Ruiz\" --email ana@example.com --eml ana.eml writes an email draft beside the PDF", []mode{workbookMode}},
}

// clashes are pairs of options that say the same thing two ways.
var clashes = []struct{ option, other, why, hint string }{
	{"weekdays", "days", "names the training days, and so their number", "leave out --days"},
}

// chooseMode reads the table: which mode the options choose, or the usage
// error for options that cannot go together. --help and --version win over
// everything else on the line.
func chooseMode(c *config) (mode, error) {
	switch {
	case c.help:
		return helpMode, nil
	case c.version:
		return versionMode, nil
	case c.licenses:
		return licensesMode, nil
	}
	chosen, found := workbookMode, false
	for _, r := range rules {
		if !slices.Contains(c.set, r.option) {
			continue
		}
		if !found {
			chosen, found = r.mode, true
		}
		var bad []string
		for _, n := range c.set {
			if n != r.option && !slices.Contains(r.takes, n) {
				bad = append(bad, "--"+n)
			}
		}
		if len(bad) > 0 {
			return 0, usageErr(r.hint, "--%s %s, so %s cannot go with it", r.option, r.does, words.And(bad))
		}
	}
	for _, n := range needs {
		if n.modes != nil && !slices.Contains(n.modes, chosen) {
			continue
		}
		if given := c.given(n.options); len(given) > 0 && !slices.Contains(c.set, n.needs) {
			verb := "needs"
			if len(given) > 1 {
				verb = "need"
			}
			return 0, usageErr(n.hint, "%s %s --%s", words.And(given), verb, n.needs)
		}
	}
	for _, cl := range clashes {
		if slices.Contains(c.set, cl.option) && slices.Contains(c.set, cl.other) {
			return 0, usageErr(cl.hint, "--%s %s, so --%s cannot go with it", cl.option, cl.why, cl.other)
		}
	}
	return chosen, nil
}

func join(lists ...[]string) []string { return slices.Concat(lists...) }

// without returns list less the names given.
func without(list []string, names ...string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(s string) bool { return slices.Contains(names, s) })
}
