package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestTooLongExercise refuses an exercise that no two pages hold: a
// FitError names the exercise and the part that takes the most room, and
// nothing is written. An exercise of 40 steps, and a name of 1,500
// characters, are each too long.
func TestTooLongExercise(t *testing.T) {
	step := "Move slowly and carefully, keeping your shoulders down and your chin tucked, and breathe out as you go."
	for _, tc := range []struct {
		name, part string
		edit       func(e *plan.Exercise)
	}{
		{"40 steps", "steps", func(e *plan.Exercise) {
			for range 40 {
				e.Steps = append(e.Steps, step)
			}
		}},
		{"long name", "name", func(e *plan.Exercise) { e.Name = strings.Repeat("Wall angels ", 125) }},
	} {
		p := build(t, realCatalog(t), plan.Options{Weeks: 2})
		e := &p.Exercises[2]
		tc.edit(e)
		for oname, o := range allOptions {
			var b bytes.Buffer
			err := rend.Workbook(&b, p, o)
			var fe *render.FitError
			if !errors.As(err, &fe) {
				t.Errorf("%s, %s: got %v, want a FitError", tc.name, oname, err)
				continue
			}
			if want := fmt.Sprintf("exercise %q", e.ID); fe.Field != want || !strings.Contains(fe.What, "shorten its "+tc.part) {
				t.Errorf("%s, %s: got %q, want it to name %s and its %s", tc.name, oname, err, want, tc.part)
			}
			if b.Len() > 0 {
				t.Errorf("%s, %s: %d bytes written", tc.name, oname, b.Len())
			}
		}
	}
}

// TestEnvelopeExercise lays out the longest exercise the catalogue's
// format allows (envelope) in plans of every length: whole on one page
// in normal print, on both papers; in large print on one page or two of
// its own, and never more.
func TestEnvelopeExercise(t *testing.T) {
	c := realCatalog(t)
	for _, weeks := range []int{1, 4, 12, 26, 52} {
		p := longExercise(build(t, c, plan.Options{Weeks: weeks, Days: 3}))
		e := p.Exercises[2]
		for oname, o := range allOptions {
			d, err := rend.Layout(p, o)
			if err != nil {
				t.Fatalf("%d weeks, %s: %v", weeks, oname, err)
			}
			first := markPage(d, clean(e.Name))
			pages := 1
			if strings.Contains(strings.ReplaceAll(pageTextOf(d, first+1), "\n", " "), "(continued)") {
				pages++
			}
			if pages == 2 && !o.LargePrint {
				t.Errorf("%d weeks, %s: the exercise takes two pages", weeks, oname)
			}
			if text := pageTextOf(d, first+pages-1); !strings.Contains(text, "Your band or weight:") {
				t.Errorf("%d weeks, %s: no line for the band or weight beside the dose table", weeks, oname)
			}
		}
	}
}

// clean is render's clean: white space runs as one space.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// pageTextOf is the text of page n of d, one item a line.
func pageTextOf(d *render.Document, n int) string {
	var b strings.Builder
	for _, it := range d.Pages[n-1].Items {
		if it.Kind == render.Text {
			b.WriteString(it.Text + "\n")
		}
	}
	return b.String()
}

// TestBandLine wants "Your band or weight:" with a line to write on beside
// the dose table of every exercise worked against a band, dumbbells or a
// cable, and of no other, over plans with every kind of equipment.
func TestBandLine(t *testing.T) {
	c := realCatalog(t)
	for _, eq := range [][]plan.Equipment{{}, {plan.Band}, {plan.Dumbbells}, {plan.Cable}, plan.EquipmentKinds} {
		p := build(t, c, plan.Options{Weeks: 4, Focus: plan.FocusStrength, Equipment: eq, Minutes: 45})
		for oname, o := range allOptions {
			d, err := rend.Layout(p, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range p.Exercises {
				first := markPage(d, clean(e.Name))
				text := pageTextOf(d, first)
				if next := first + 1; next <= len(d.Pages) && strings.Contains(strings.ReplaceAll(pageTextOf(d, next), "\n", " "), clean(e.Name)+" (continued)") {
					text += pageTextOf(d, next)
				}
				resisted := e.Equipment == plan.Band || e.Equipment == plan.Dumbbells || e.Equipment == plan.Cable
				if got := strings.Contains(text, "Your band or weight:"); got != resisted {
					t.Errorf("%v, %s: %s (%s) has a line for the band or weight: %v", eq, oname, e.ID, e.Equipment, got)
				}
			}
		}
	}
}
