package main

// The glue between backplan serve and the rest of package main: the only
// file of serve*.go that touches the command line's internals (config,
// parseArgs, the catalogue, the roster reader). When main changes shape,
// this is the file to adapt.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// choice is one form's options, parsed exactly as the command line parses
// them.
type choice struct {
	c *config
}

// knownOption reports whether the command line has the long option name.
// The page shows only the fields the command line knows.
func knownOption(name string) bool { return knownOptions()[name] }

var knownOptions = sync.OnceValue(func() map[string]bool {
	known := map[string]bool{}
	(&config{}).flagSet().VisitAll(func(f *pflag.Flag) { known[f.Name] = true })
	return known
})

// parseChoice parses args (--name=value, as the form decoder makes them)
// through the command line's own parser, so its messages are the command
// line's. The message is returned without the cliError wrapping.
func parseChoice(args []string) (choice, error) {
	c, err := parseArgs(args)
	if err != nil {
		return choice{}, err
	}
	// The table of which options go together applies as on the command
	// line (weekdays and days, for one); a form can only make a workbook.
	if m, err := chooseMode(c); err != nil {
		return choice{}, err
	} else if m != workbookMode {
		return choice{}, usageErr("", "the form can only make a workbook")
	}
	return choice{c}, nil
}

func (ch choice) patient() string { return ch.c.opts.Patient.Name }

// renderOptions are the PDF options; paper is used when the form chose none.
func (ch choice) renderOptions(paper render.Paper) render.Options {
	if ch.c.paper != "" {
		paper = ch.c.paper
	}
	return render.Options{Paper: paper, LargePrint: ch.c.largePrint}
}

// planner builds plans as makePlan does for the command line, from a
// catalogue read once.
type planner struct {
	cat *plan.Catalog
	env env
}

func newPlanner(e env) (*planner, error) {
	cat, err := loadCatalog("", strings.NewReader(""))
	if err != nil {
		return nil, err
	}
	return &planner{cat: cat, env: e}, nil
}

// today is the run date: SOURCE_DATE_EPOCH when set, else the clock now.
func (pl *planner) today() (time.Time, error) {
	e := pl.env
	e.now = time.Now()
	return runDate(e)
}

// build makes the plan for a choice: the same steps as makePlan.
func (pl *planner) build(ch choice) (*plan.Plan, error) {
	today, err := pl.today()
	if err != nil {
		return nil, err
	}
	o := ch.c.opts
	o.Today = plan.DateOf(today)
	return plan.Build(pl.cat, o)
}

// exercises lists the catalogue, in file order.
func (pl *planner) exercises() []plan.Exercise { return pl.cat.Exercises }

// readUploadedPlan reads an uploaded plan file as readPlanFile reads one
// for --from.
func readUploadedPlan(data []byte, name string) (*plan.Plan, error) {
	p, err := plan.ReadPlan(bytes.NewReader(data), name)
	if err != nil {
		return nil, failure("fix the line it names; Save the plan file writes one to start from", err)
	}
	return p, nil
}

// hintFor words what to do about err on the page, naming form fields.
func hintFor(err error) string {
	var pe *plan.Error
	if errors.As(err, &pe) && pe.Kind == plan.OptionProblem && strings.Contains(pe.Msg, "unknown exercise") {
		return "the list under Choose exercises shows the ids"
	}
	_, hint := exitCode(err, func(option string) string { return "the " + option + " field" })
	if strings.Contains(hint, "--") {
		return "" // a hint for the command line; the field says enough
	}
	return hint
}

// errorField names the form field an error from building a plan is about,
// or "" when it is about no one field.
func errorField(err error) string {
	var pe *plan.Error
	if errors.As(err, &pe) && (pe.Kind == plan.OptionProblem || pe.Kind == plan.BuildProblem) {
		return pe.Input
	}
	return ""
}

// rosterRow is one row of an uploaded roster: its file name inside the zip
// and, unless err is set, the plan and its render options.
type rosterRow struct {
	line    int
	patient string
	file    string
	plan    *plan.Plan
	opts    render.Options
	err     error
}

// roster reads an uploaded roster as --batch does, with base (the form's
// other fields) as the command line every row starts from. A problem with
// the roster's shape is returned before any row; each row's own problem is
// in the row given to each, which is called for the rows in order.
func (pl *planner) roster(base choice, data []byte, name string, paper render.Paper, each func(rosterRow) error) error {
	if bad := base.c.given([]string{"patient"}); len(bad) > 0 {
		return usageErr("", "the roster's patient column names each workbook, so the patient field must be empty")
	}
	r, err := readRoster(data, name)
	if err != nil {
		return err
	}
	today, err := pl.today()
	if err != nil {
		return err
	}
	if len(r.rows) > maxRosterRows {
		return usageErr("split the roster, or run backplan --batch on the command line",
			"%s has %d patients; the page makes at most %d at once", name, len(r.rows), maxRosterRows)
	}
	b := &batch{base: base.c, cat: pl.cat, today: today, roster: r}
	for _, row := range r.rows {
		out := rosterRow{line: row.line, patient: row.patient, file: row.file}
		c, err := b.rowConfig(row)
		if err == nil {
			o := c.opts
			o.Today = plan.DateOf(today)
			out.plan, err = plan.Build(pl.cat, o)
			out.opts = choice{c}.renderOptions(paper)
		}
		out.err = err
		if err := each(out); err != nil {
			return err
		}
	}
	return nil
}

// writeRowReport writes a failed row's message as --batch reports it.
func writeRowReport(w io.Writer, name string, r rosterRow) {
	fmt.Fprintf(w, "%s line %d (%s): %s\n", name, r.line, oneLine(r.patient), oneLine(r.err.Error()))
	if _, hint := exitCode(r.err, cellName); hint != "" {
		fmt.Fprintf(w, "  hint: %s\n", oneLine(hint))
	}
}

// workbookName is the PDF's file name for a patient, as --batch names it.
func workbookName(patient, ext string) string {
	if strings.TrimSpace(patient) == "" {
		return "plan" + ext
	}
	return slug(patient) + ext
}

// serveTuneGC sets the garbage collector for workers renders at once, as
// a batch does.
func serveTuneGC(e env, workers int) {
	if e.tuneGC {
		tuneGC(e.getenv, workers)
	}
}

// textError reports whether err is text the fonts cannot draw.
func textError(err error) bool { return isTextError(err) }
