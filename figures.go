package main

// --figures: every exercise's pictures on a contact sheet, to look over.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

func runFigures(c *config, stdin io.Reader, e env) error {
	if c.figures == "-" {
		return usageErr("", "--figures needs a file name; - is not allowed")
	}
	ro := c.renderOptions(e)
	outs := newOutputs(stdin, nil, inputFiles(c)...)
	defer outs.discard()
	out, err := outs.claim("--figures", c.figures)
	if err != nil {
		return err
	}
	cat, err := loadCatalog(c.catalog, stdin)
	if err != nil {
		return err
	}
	var exs []plan.Exercise
	for _, id := range cat.IDs() {
		e, _ := cat.Lookup(id)
		exs = append(exs, e)
	}
	r, err := render.New(runtime.GOMAXPROCS(0))
	if err != nil {
		return err
	}
	var pdf bytes.Buffer
	if err := r.Figures(&pdf, exs, ro); err != nil {
		if errors.As(err, new(*render.TextError)) {
			return err
		}
		return fmt.Errorf("drawing the pictures: %w", err)
	}
	if err := out.write(pdf.Bytes()); err != nil {
		return err
	}
	return outs.commit()
}
