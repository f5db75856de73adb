package job

import (
	"errors"
	"fmt"
	"slices"

	"github.com/backplan/backplan/plan"
)

// WithPreset returns o with its preset's options filled in: each option
// the preset sets takes the preset's value unless o was given it (the
// clinician's choice wins), and weekdays given count as days given. A
// list the clinician gave wins whole; an exercise the preset includes
// that the clinician excludes (or the other way round) is dropped from
// the preset's list. Without a preset it returns o as it is. An unknown
// preset is an *Error about the option preset that lists those the
// catalogue has.
func (o Options) WithPreset(cat *plan.Catalog) (Options, error) {
	if o.Preset == "" {
		return o, nil
	}
	p, ok := cat.Preset(o.Preset)
	if !ok {
		return o, &Error{Option: "preset", Err: errors.New(cat.UnknownPreset(o.Preset))}
	}
	out := o
	for _, s := range p.Settings() {
		if o.Given(s.Option) || s.Option == "days" && o.Given("weekdays") {
			continue
		}
		op, ok := Lookup(s.Option)
		if !ok || op.Name == "preset" {
			return o, &Error{Option: "preset", Err: fmt.Errorf("preset %q sets %q, which is not an option a preset may set", p.Name, s.Option)}
		}
		if err := op.set(op.Name, &out, s.Value); err != nil {
			return o, &Error{Option: "preset", Err: fmt.Errorf("preset %q: %w", p.Name, err)}
		}
	}
	if !o.Given("include") {
		out.Plan.Include = slices.DeleteFunc(slices.Clone(out.Plan.Include), func(id string) bool { return slices.Contains(out.Plan.Exclude, id) })
	}
	if !o.Given("exclude") {
		out.Plan.Exclude = slices.DeleteFunc(slices.Clone(out.Plan.Exclude), func(id string) bool { return slices.Contains(out.Plan.Include, id) })
	}
	return out, nil
}

// LargePrint says whether p's workbook is printed in large print: as o
// says when o was given large-print, else as the plan records it (a
// preset's choice, or the choice saved in a plan file).
func (o Options) LargePrint(p *plan.Plan) bool {
	if o.Given("large-print") || p == nil {
		return o.Render.LargePrint
	}
	return p.Settings.LargePrint
}

// MarkGiven counts the options named as given, as if set through the
// table, so that a preset leaves them as they are. A form that shows
// every option marks them all: what it shows is what the clinician
// chose, and a preset there only fills the form.
func (o *Options) MarkGiven(names ...string) {
	for _, n := range names {
		if !slices.Contains(o.given, n) {
			o.given = append(slices.Clip(o.given), n)
		}
	}
}
