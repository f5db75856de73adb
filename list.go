package main

// --list, and the catalogue every mode reads.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

func runList(c *config, stdin io.Reader, pr *printer) error {
	cat, err := loadCatalog(c.catalog, stdin)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if c.list == "presets" {
		writePresets(&b, cat)
	} else {
		writeList(&b, cat)
	}
	return pr.text(b.String())
}

// writePresets writes the catalogue's presets, each with its one-line
// description, then the options it sets, so that a clinician sees what
// --preset NAME will choose for them.
func writePresets(w io.Writer, cat *plan.Catalog) {
	if len(cat.Presets) == 0 {
		fmt.Fprintln(w, "The catalogue has no presets.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PRESET\tFOR")
	for _, p := range cat.Presets {
		var sets []string
		for _, s := range p.Settings() {
			sets = append(sets, flagText(s))
		}
		fmt.Fprintf(tw, "%s\t%s\n", safe(p.Name, ""), safe(p.Description, ""))
		fmt.Fprintf(tw, "\t%s\n", safe(strings.Join(sets, " "), ""))
	}
	tw.Flush()
}

// writeList writes the catalogue as a table. Each cell is made safe before
// the columns are lined up, so that an escaped character keeps its width.
func writeList(w io.Writer, cat *plan.Catalog) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tCATEGORY\tPOSITION\tEQUIPMENT")
	for _, e := range cat.Exercises {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", safe(e.ID, ""), safe(e.Name, ""),
			safe(string(e.Category), ""), safe(string(e.Position), ""), safe(string(e.Equipment), ""))
	}
	tw.Flush()
}

// flagText is a preset's setting as the flag that makes the same choice:
// --no-floor for a switch turned on, --no-floor=no for one turned off.
func flagText(s plan.Setting) string {
	if op, ok := job.Lookup(s.Option); ok && op.Kind == job.Switch {
		if s.Value == "yes" {
			return "--" + s.Option
		}
		return "--" + s.Option + "=" + s.Value
	}
	return "--" + s.Option + " " + s.Value
}

// loadCatalog reads the catalogue at path, or the built-in one when path is
// empty; - is standard input.
func loadCatalog(path string, stdin io.Reader) (*plan.Catalog, error) {
	if path == "" {
		cat := plan.Builtin()
		if err := loadBuiltinOverlays(cat); err != nil {
			return nil, fmt.Errorf("the built-in catalogue is broken: %w", err)
		}
		return cat, nil
	}
	data, name, err := readInput("catalogue", path, stdin)
	if err != nil {
		return nil, err
	}
	cat, err := plan.LoadCatalog(bytes.NewReader(data), name)
	if err == nil {
		err = checkCatalogText(cat, name)
	}
	if err == nil && path != "-" {
		err = loadClinicOverlays(cat, path)
	}
	if err != nil {
		return nil, failure("fix the line it names; README.md describes the catalogue format", err)
	}
	return cat, nil
}

// fontCheck is the Renderer that checks a clinic's catalogue against the
// workbook's fonts as it is loaded, made on first use.
var fontCheck = sync.OnceValues(func() (*render.Renderer, error) { return render.New(1) })

// checkCatalogText refuses a catalogue with text the workbook's fonts
// cannot draw, when it is loaded: a catalogue mistake (exit 1) naming the
// file, the line where the exercise starts, the exercise and the field,
// rather than a failure of every workbook made from it. (The built-in
// catalogue is checked by render's tests.)
func checkCatalogText(cat *plan.Catalog, name string) error {
	r, err := fontCheck()
	if err != nil {
		return err
	}
	err = r.CheckCatalog(cat)
	var te *render.TextError
	if !errors.As(err, &te) {
		return err
	}
	line := cat.Line(te.Exercise)
	msg := fmt.Sprintf("%s: %v", name, te)
	if line > 0 {
		msg = fmt.Sprintf("%s:%d: %v", name, line, te)
	}
	return &plan.Error{Kind: plan.CatalogProblem, Input: name, Line: line, Msg: msg}
}
