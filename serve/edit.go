package serve

// Shaping the plan on the page. The preview lists the plan's main
// exercises with what a clinician may change: the dose (start and top),
// a swap for another exercise that suits, taking one out, and the order.
// Each change is an option of the form (dose, order, include, exclude),
// so the PDF, the plan file and the command line follow it; the page's
// script only edits those fields. The catalogue's chooser is marked from
// the same plan: the exercises in use, and those the settings rule out,
// with the reason.

import (
	"slices"
	"strings"

	"github.com/backplan/backplan/plan"
)

// editRow is one main exercise of the plan, as the preview offers it for
// change.
type editRow struct {
	ID, Name    string
	Start, Top  string   // its dose, as the dose field reads it
	Own         bool     // the clinician's own dose
	Swaps       []option // exercises of its kind that suit and the plan does not use
	First, Last bool     // first and last in the order
}

// chooserMark is what the chooser shows beside an exercise of the
// catalogue: whether the plan uses it, or why the settings rule it out.
type chooserMark struct {
	ID   string
	Used bool
	Why  string
}

// main reports whether an exercise of category c is main work, which the
// clinician may dose and order; the warm-up and the walk fit themselves
// to the session.
func mainWork(c plan.Category) bool { return !c.Warmup() && c != plan.Activity }

// editRows lists the plan's main exercises in the order of its first
// session that holds them all, else in the order they were first met.
func editRows(c *plan.Catalog, p *plan.Plan) []editRow {
	if p == nil || c == nil {
		return nil
	}
	var rows []editRow
	for _, id := range mainOrder(p) {
		e, _ := p.Exercise(id)
		r := editRow{ID: e.ID, Name: e.Name, Start: e.Dose.Start.String(), Top: e.Dose.Top.String()}
		for _, dc := range p.Settings.Doses {
			r.Own = r.Own || dc.Exercise == e.ID
		}
		for _, other := range c.Exercises {
			if other.Category == e.Category && other.ID != e.ID && p.Settings.Unsuited(other) == "" && !slices.Contains(p.Settings.Exclude, other.ID) {
				if _, used := p.Exercise(other.ID); !used {
					r.Swaps = append(r.Swaps, option{other.ID, other.Name})
				}
			}
		}
		rows = append(rows, r)
	}
	if len(rows) > 0 {
		rows[0].First, rows[len(rows)-1].Last = true, true
	}
	return rows
}

// mainOrder is the plan's main exercises in session order: the order of
// each session's items, merged, so that a session's order is kept.
func mainOrder(p *plan.Plan) []string {
	var out []string
	for _, w := range p.Weeks[:min(1, len(p.Weeks))] {
		for _, s := range w.Sessions {
			at := 0
			for _, it := range s.Items {
				e, _ := p.Exercise(it.Exercise)
				if !mainWork(e.Category) {
					continue
				}
				if i := slices.Index(out, it.Exercise); i >= 0 {
					at = i + 1
					continue
				}
				out = slices.Insert(out, at, it.Exercise)
				at++
			}
		}
	}
	for _, e := range p.Exercises {
		if mainWork(e.Category) && !slices.Contains(out, e.ID) {
			out = append(out, e.ID)
		}
	}
	return out
}

// chooserMarks marks every exercise of the catalogue for the plan.
func chooserMarks(c *plan.Catalog, p *plan.Plan) []chooserMark {
	if p == nil || c == nil {
		return nil
	}
	out := make([]chooserMark, 0, len(c.Exercises))
	for _, e := range c.Exercises {
		_, used := p.Exercise(e.ID)
		why := p.Settings.Unsuited(e)
		if why != "" {
			why = "Not for this patient: it " + why + "."
		}
		out = append(out, chooserMark{ID: e.ID, Used: used, Why: why})
	}
	return out
}

// summaryLine is what a screen reader hears when the preview changes: the
// plan's shape in a sentence, or how many mistakes there are.
func summaryLine(p *plan.Plan, errs formErrors) string {
	switch {
	case len(errs) == 1:
		return "The preview could not be made: one field needs checking."
	case len(errs) > 1:
		return "The preview could not be made: some fields need checking."
	case p == nil:
		return ""
	}
	return "Preview updated: " + strings.TrimSuffix(planSummary(p), ".") + "."
}

// namedErrors words mistakes for the page: an exercise quoted by its id
// ("row-cable") is named as the page shows it (“Seated cable row”).
func namedErrors(c *plan.Catalog, errs formErrors) formErrors {
	if c == nil || errs == nil {
		return errs
	}
	var pairs []string
	for _, e := range c.Exercises {
		pairs = append(pairs, `"`+e.ID+`"`, "“"+e.Name+"”")
	}
	r := strings.NewReplacer(pairs...)
	out := make(formErrors, len(errs))
	for i, e := range errs {
		e.Msg, e.Hint = r.Replace(e.Msg), r.Replace(e.Hint)
		out[i] = e
	}
	return out
}
