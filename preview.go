package main

// --preview: the plan as text on standard output, and no PDF.

import (
	"bytes"
	"io"
)

func runPreview(c *config, stdin io.Reader, pr *printer, e env) error {
	if err := checkSavePlan(c); err != nil {
		return err
	}
	outs := newOutputs(stdin, nil, inputFiles(c)...)
	defer outs.discard()
	var planOut *pendingFile
	if c.savePlan != "" {
		var err error
		if planOut, err = outs.claim("--save-plan", c.savePlan); err != nil {
			return err
		}
	}
	if _, err := readLogo(c.logo, stdin); err != nil { // checked, as the print options are
		return err
	}
	if e.tuneGC {
		tuneGC(e.getenv, 1)
	}
	p, err := makePlan(c, stdin, e)
	if err != nil {
		return err
	}
	var text bytes.Buffer
	if err := p.WriteText(&text); err != nil {
		return err
	}
	if err := pr.text(text.String()); err != nil {
		return err
	}
	if planOut == nil {
		return nil
	}
	yaml, err := planYAML(p)
	if err != nil {
		return err
	}
	if err := planOut.write(yaml); err != nil {
		return err
	}
	return outs.commit()
}
