package main

// The single workbook: a new plan from the options, or --from a saved one,
// written to --out and, with --save-plan, saved as YAML beside it.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

func runWorkbook(c *config, stdin io.Reader, pr *printer, e env) error {
	if err := checkSavePlan(c); err != nil {
		return err
	}
	// Claim the outputs before any work, so that a bad path fails fast and
	// an output that is an input is refused. They are committed together.
	outs := newOutputs(stdin, pr.stdout, inputFiles(c)...)
	defer outs.discard()
	pdfOut, err := outs.claim("--out", c.out)
	if err != nil {
		return err
	}
	var planOut, emlOut *pendingFile
	if c.savePlan != "" {
		if planOut, err = outs.claim("--save-plan", c.savePlan); err != nil {
			return err
		}
	}
	if c.eml != "" {
		if emlOut, err = outs.claim("--eml", c.eml); err != nil {
			return err
		}
	}
	logo, err := readLogo(c.logo, stdin)
	if err != nil {
		return err
	}

	if e.tuneGC {
		tuneGC(e.getenv, 1)
	}
	p, err := makePlan(c, stdin, e)
	if err != nil {
		return err
	}
	o := c.job
	o.Render = c.renderOptions(e)
	o.Render.LargePrint = o.LargePrint(p) // a preset's, or the plan file's, unless given
	if o, err = delivery(o, logo, e); err != nil {
		return err
	}
	// One workbook: its pages are drawn on every CPU.
	r, err := render.New(runtime.GOMAXPROCS(0))
	if err != nil {
		return err
	}
	var pdf bytes.Buffer
	if err := drawWorkbook(r, &pdf, p, o.Render); err != nil {
		return err
	}
	if emlOut != nil {
		eml, err := draft(p, o, pdf.Bytes(), e)
		if err != nil {
			return err
		}
		if err := emlOut.write(eml); err != nil {
			return err
		}
	}
	if planOut != nil {
		yaml, err := planYAML(p)
		if err != nil {
			return err
		}
		if err := planOut.write(yaml); err != nil {
			return err
		}
	}
	if err := pdfOut.write(pdf.Bytes()); err != nil {
		return err
	}
	if err := outs.commit(); err != nil {
		return err
	}
	if prot := o.Render.Protect; prot != nil {
		sayPassphrase(pr, workbookName(c.out), prot)
	}
	return nil
}

// makePlan makes the plan a config asks for: read from --from, or built
// from the options and the catalogue.
func makePlan(c *config, stdin io.Reader, e env) (*plan.Plan, error) {
	if c.from != "" {
		return readPlanFile(c.from, stdin)
	}
	today, err := runDate(e)
	if err != nil {
		return nil, err
	}
	cat, err := loadCatalog(c.catalog, stdin)
	if err != nil {
		return nil, err
	}
	return job.Build(cat, c.job, today)
}

// drawWorkbook writes p's workbook to w.
func drawWorkbook(r *render.Renderer, w io.Writer, p *plan.Plan, o render.Options) error {
	if err := r.Workbook(w, p, o); err != nil {
		if errors.As(err, new(*render.TextError)) {
			return err
		}
		return fmt.Errorf("making the PDF: %w", err)
	}
	return nil
}

// checkSavePlan refuses --save-plan -: standard output is for the PDF or
// the preview.
func checkSavePlan(c *config) error {
	if c.savePlan == "-" {
		return usageErr("", "--save-plan needs a file name; - is not allowed")
	}
	return nil
}

// planYAML is p as a plan file.
func planYAML(p *plan.Plan) ([]byte, error) {
	var b bytes.Buffer
	if err := p.WriteYAML(&b); err != nil {
		return nil, fmt.Errorf("saving the plan: %w", err)
	}
	return b.Bytes(), nil
}
