package main

// --list, and the catalogue every mode reads.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"text/tabwriter"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

func runList(c *config, stdin io.Reader, pr *printer) error {
	cat, err := loadCatalog(c.catalog, stdin)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	writeList(&b, cat)
	return pr.text(b.String())
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

// loadCatalog reads the catalogue at path, or the built-in one when path is
// empty; - is standard input.
func loadCatalog(path string, stdin io.Reader) (*plan.Catalog, error) {
	if path == "" {
		return plan.Builtin(), nil
	}
	data, name, err := readInput("catalogue", path, stdin)
	if err != nil {
		return nil, err
	}
	cat, err := plan.LoadCatalog(bytes.NewReader(data), name)
	if err == nil {
		err = checkCatalogText(cat, name)
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
